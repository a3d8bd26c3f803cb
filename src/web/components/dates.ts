// ISO dates are formatted by the domain's one rule (domain/day-format.ts), in the reader's locale.
export { formatDay } from '../../domain/day-format';

const instantFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

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
