// ISO dates ('2026-11-25') are calendar days, not instants: format them in UTC so a reader west
// of Greenwich does not see the day before.
const dayFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

const instantFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** '2026-11-25' → 'Nov 25, 2026' (reader's locale); null → '—'. */
export function formatDay(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dayFormat.format(date);
}

/** '2026-11-25T09:00:00Z' → local date and time; null → '—'. */
export function formatInstant(isoDateTime: string | null | undefined): string {
  if (!isoDateTime) return '—';
  const date = new Date(isoDateTime);
  return Number.isNaN(date.getTime()) ? isoDateTime : instantFormat.format(date);
}

/**
 * True when an ISO date is before `today` (for "overdue" hints). `today` is the organisation's
 * (useToday), never the reader's own clock date: a rep in another zone sees what the server sees.
 */
export function isBeforeToday(isoDate: string | null | undefined, today: string): boolean {
  return Boolean(isoDate) && (isoDate as string) < today;
}
