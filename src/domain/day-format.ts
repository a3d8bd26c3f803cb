// ISO dates ('2026-11-25') are calendar days, not instants: they are formatted in UTC so a reader
// west of Greenwich does not see the day before. The web formats in the reader's locale; sentences
// built on the server (a dashboard's reasons) in the organisation's.

const formats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(locale: string | undefined): Intl.DateTimeFormat {
  const key = locale ?? '';
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    formats.set(key, format);
  }
  return format;
}

/** '2026-11-25' → 'Nov 25, 2026' (in `locale`, the runtime's when not given); null → '—'. */
export function formatDay(isoDate: string | null | undefined, locale?: string): string {
  if (!isoDate) return '—';
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dayFormat(locale).format(date);
}

/** '2026-03-01'..'2026-06-30' → 'Mar 1 – Jun 30, 2026'; across years 'Nov 1, 2026 – Jan 31, 2027'. */
export function formatDayRange(from: string, to: string, locale?: string): string {
  const start = new Date(`${from.slice(0, 10)}T00:00:00Z`);
  const end = new Date(`${to.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start)
    return `${formatDay(from, locale)} – ${formatDay(to, locale)}`;
  // ICU puts thin spaces around the dash; plain ones read (and search, and copy) the same everywhere.
  return dayFormat(locale)
    .formatRange(start, end)
    .replace(/\u2009/g, ' ');
}
