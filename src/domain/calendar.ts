import { ValidationError } from './errors';

// Dates are ISO strings and all arithmetic runs on UTC midnights, so no timezone or daylight
// saving change can move a date.

/** A calendar day, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** An ISO 8601 week, 'YYYY-Www' (Monday to Sunday). */
export type IsoWeek = string;
/** A calendar month, 'YYYY-MM'. */
export type IsoMonth = string;

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** True when the text is a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days in a month of the proleptic Gregorian calendar (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Checks an ISO date and returns it; anything else is a ValidationError naming the field. */
export function parseIsoDate(text: string, field = 'date'): IsoDate {
  if (!isIsoDate(text)) {
    throw new ValidationError({ field, reason: `"${text}" is not a date like 2026-03-31` });
  }
  return text;
}

/** Checks an ISO month 'YYYY-MM' and returns it. */
export function parseIsoMonth(text: string, field = 'month'): IsoMonth {
  const match = MONTH_PATTERN.exec(text);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) {
    throw new ValidationError({ field, reason: `"${text}" is not a month like 2026-03` });
  }
  return text;
}

function toTime(date: IsoDate): number {
  return Date.parse(`${parseIsoDate(date)}T00:00:00Z`);
}

function fromTime(time: number): IsoDate {
  return new Date(time).toISOString().slice(0, 10);
}

/** The date n days later (n may be negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromTime(toTime(date) + days * DAY_MS);
}

/** Days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export function isoDayOfWeek(date: IsoDate): number {
  const day = new Date(toTime(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Monday to Friday; public holidays are not known to the domain. */
export function isWorkingDay(date: IsoDate): boolean {
  return isoDayOfWeek(date) <= 5;
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function datesInRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, offset) => addDays(from, offset));
}

/** The working days (Mon–Fri) from `from` to `to`, both included. */
export function workingDaysInRange(from: IsoDate, to: IsoDate): IsoDate[] {
  return datesInRange(from, to).filter(isWorkingDay);
}

/** The ISO week a date belongs to, e.g. '2026-03-31' → '2026-W14'. */
export function isoWeekOf(date: IsoDate): IsoWeek {
  // The ISO week's year is the year of its Thursday.
  const thursday = addDays(date, 4 - isoDayOfWeek(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday that starts an ISO week. */
export function isoWeekStart(week: IsoWeek): IsoDate {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match)
    throw new ValidationError({ field: 'week', reason: `"${week}" is not like 2026-W14` });
  const year = Number(match[1]);
  // 4 January is always in week 1.
  const january4 = `${match[1]}-01-04`;
  const monday = addDays(january4, 1 - isoDayOfWeek(january4) + (Number(match[2]) - 1) * 7);
  if (isoWeekOf(monday) !== week || Number(match[2]) < 1) {
    throw new ValidationError({ field: 'week', reason: `${year} has no week ${match[2]}` });
  }
  return monday;
}

/** The ISO weeks that hold at least one working day from `from` to `to`, in order. */
export function workingWeeksInRange(from: IsoDate, to: IsoDate): IsoWeek[] {
  const weeks = workingDaysInRange(from, to).map(isoWeekOf);
  return weeks.filter((week, index) => weeks[index - 1] !== week);
}

/** The month of a date: '2026-03-31' → '2026-03'. */
export function monthOf(date: IsoDate): IsoMonth {
  return parseIsoDate(date).slice(0, 7);
}

/** The month n months later (n may be negative). */
export function addMonthsToMonth(month: IsoMonth, months: number): IsoMonth {
  const [year = 0, number = 1] = parseIsoMonth(month).split('-').map(Number);
  const index = year * 12 + (number - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The same day n months later, clamped to the month's end: 2026-03-31 + 1 → 2026-04-30. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const target = addMonthsToMonth(monthOf(date), months);
  const day = Math.min(Number(date.slice(8, 10)), monthRange(target).days);
  return `${target}-${String(day).padStart(2, '0')}`;
}

/** First and last day of a month and its length in days. */
export function monthRange(month: IsoMonth): {
  month: IsoMonth;
  start: IsoDate;
  end: IsoDate;
  days: number;
} {
  const start = `${parseIsoMonth(month)}-01`;
  const end = addDays(`${addMonthsToMonth(month, 1)}-01`, -1);
  return { month, start, end, days: Number(end.slice(8, 10)) };
}

/** The months from the first to the last, both included, in order. */
export function monthsInRange(from: IsoDate, to: IsoDate): IsoMonth[] {
  const months: IsoMonth[] = [];
  for (let month = monthOf(from); month <= monthOf(to); month = addMonthsToMonth(month, 1)) {
    months.push(month);
  }
  return months;
}

/** The fiscal year a day falls in: fiscal year N starts in month `startMonth` of calendar year N. */
export function fiscalYearOf(date: IsoDate, startMonth: number): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= startMonth ? year : year - 1;
}

/** The first month of fiscal year `year` when fiscal years start in month `startMonth` (1–12). */
export function fiscalYearStartOf(year: number, startMonth: number): IsoMonth {
  return `${year}-${String(startMonth).padStart(2, '0')}`;
}

/**
 * The 12 months of a fiscal year that starts in `startMonth` ('2026-04' for April 2026 to
 * March 2027), each with its first and last day.
 */
export function fiscalYearMonths(startMonth: IsoMonth): ReturnType<typeof monthRange>[] {
  return Array.from({ length: 12 }, (_, offset) =>
    monthRange(addMonthsToMonth(startMonth, offset)),
  );
}

/** The fiscal year's first and last day, both included. */
export function fiscalYearPeriod(fiscalYearStart: IsoMonth): { from: IsoDate; to: IsoDate } {
  const months = fiscalYearMonths(fiscalYearStart);
  return { from: months[0]?.start ?? '', to: months[11]?.end ?? '' };
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
