import type { IsoDate } from './calendar';

// "Today" is the date in the organisation's time zone, the same on the server and in the browser
// (DOMAIN.md, "People and organisation"; docs/decisions/002-today-in-the-organisations-time-zone.md).
// The clock is read by the callers; this only turns an instant into that zone's calendar date.

/** True for an IANA time zone name Intl knows ('Europe/Paris', 'UTC'). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.trim() !== '';
  } catch {
    return false;
  }
}

/** The calendar date of an instant in a time zone: 2026-12-01T23:30Z is 2026-12-02 in Paris. */
export function dateInTimeZone(instant: Date, timeZone: string): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
