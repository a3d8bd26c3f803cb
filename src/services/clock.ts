// The one place services read the clock; the domain core always receives "today" as an argument.
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
