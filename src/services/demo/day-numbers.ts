// The generator works on day numbers (days since 1970-01-01, UTC) because it does date arithmetic
// tens of thousands of times; rows get ISO dates only when they are built.

const DAY_MS = 86_400_000;

export function toDayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export function toIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = January … 12 = December. */
export function monthOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCMonth() + 1;
}

/** The day `months` calendar months before an ISO date (Date rolls over short months). */
export function monthsBefore(isoDate: string, months: number): number {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return Math.round(date.getTime() / DAY_MS);
}

/** Saturday or Sunday. */
export function isWeekend(day: number): boolean {
  // 1970-01-01 was a Thursday: day 0 → 4 (Mon = 1 … Sun = 7).
  const isoWeekday = ((((day + 3) % 7) + 7) % 7) + 1;
  return isoWeekday >= 6;
}

/** The day itself on a working day; otherwise the Friday before (Saturday) or Monday after. */
export function toWorkingDay(day: number): number {
  if (!isWeekend(day)) return day;
  return isWeekend(day - 1) ? day + 1 : day - 1;
}

/** The last Monday-to-Friday day before `day`. */
export function lastWorkingDayBefore(day: number): number {
  let before = day - 1;
  while (isWeekend(before)) before--;
  return before;
}

/** The last day of the calendar quarter that holds the day. */
export function quarterEnd(day: number): number {
  const date = new Date(day * DAY_MS);
  const nextQuarterMonth = Math.floor(date.getUTCMonth() / 3) * 3 + 3;
  return Math.round(Date.UTC(date.getUTCFullYear(), nextQuarterMonth, 0) / DAY_MS);
}
