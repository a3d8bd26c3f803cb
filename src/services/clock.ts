import { dateInTimeZone } from '../domain/time-zone';

// Where services turn the clock into "today"; the domain core always receives "today" as an
// argument. Instants (created at, changed at) are still read with `new Date()` where they are
// stored. Tests set the clock with vi.setSystemTime.

/** "Today" for an organisation: the date in its time zone (docs/decisions/002-…). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dateInTimeZone(now, timeZone);
}

/** The UTC date, for commands that read no organisation (funnel, seasonality). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
