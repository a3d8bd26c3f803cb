import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addMonthsToMonth,
  daysBetween,
  fiscalYearMonths,
  fiscalYearOf,
  fiscalYearPeriod,
  fiscalYearStartOf,
  isIsoDate,
  isoWeekOf,
  isoWeekStart,
  isWorkingDay,
  monthRange,
  monthsInRange,
  parseIsoDate,
  workingDaysInRange,
  workingWeeksInRange,
} from './calendar';

const isoDates = fc
  .integer({ min: 0, max: 365 * 60 })
  .map((offset) => addDays('2000-01-01', offset));

describe('dates', () => {
  it('recognises real ISO dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-3-31')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(() => parseIsoDate('31/03/2026', '--today')).toThrow('--today: "31/03/2026"');
  });

  it('knows the fiscal year a day falls in from the start month', () => {
    expect(fiscalYearOf('2026-03-31', 4)).toBe(2025);
    expect(fiscalYearOf('2026-04-01', 4)).toBe(2026);
    expect(fiscalYearOf('2026-01-01', 1)).toBe(2026);
    expect(fiscalYearOf('2026-12-31', 1)).toBe(2026);
  });

  it('names a fiscal year by its first month and spans it from first to last day', () => {
    expect(fiscalYearStartOf(2026, 4)).toBe('2026-04');
    expect(fiscalYearStartOf(2026, 11)).toBe('2026-11');
    expect(fiscalYearPeriod(fiscalYearStartOf(2026, 4))).toEqual({
      from: '2026-04-01',
      to: '2027-03-31',
    });
    expect(fiscalYearPeriod('2027-03')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
  });

  it('puts every day of a fiscal year in that year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        (year, month) => {
          const { from, to } = fiscalYearPeriod(fiscalYearStartOf(year, month));
          return (
            fiscalYearOf(from, month) === year &&
            fiscalYearOf(to, month) === year &&
            fiscalYearOf(addDays(from, -1), month) === year - 1 &&
            fiscalYearOf(addDays(to, 1), month) === year + 1
          );
        },
      ),
    );
  });

  it('accepts exactly the days the calendar has, in every month of 1900-2199', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const roundTrip = new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
          expect(isIsoDate(text)).toBe(roundTrip === text);
        },
      ),
    );
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
  });

  it('keeps addDays and daysBetween inverse', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
    );
  });

  it('adds months clamping to the month end', () => {
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-11-25', -12)).toBe('2025-11-25');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonthsToMonth('2026-11', 3)).toBe('2027-02');
    expect(addMonthsToMonth('2026-01', -1)).toBe('2025-12');
  });
});

describe('working days and ISO weeks', () => {
  it('counts Monday to Friday only', () => {
    // 2026-11-23 is a Monday.
    expect(isWorkingDay('2026-11-27')).toBe(true);
    expect(isWorkingDay('2026-11-28')).toBe(false);
    expect(workingDaysInRange('2026-11-25', '2026-12-01')).toEqual([
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-30',
      '2026-12-01',
    ]);
    expect(workingDaysInRange('2026-12-01', '2026-11-30')).toEqual([]);
  });

  it('names ISO weeks, including those that cross a year', () => {
    expect(isoWeekOf('2026-03-31')).toBe('2026-W14');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekStart('2026-W14')).toBe('2026-03-30');
    expect(isoWeekStart('2025-W01')).toBe('2024-12-30');
    expect(() => isoWeekStart('2025-W53')).toThrow('2025 has no week 53');
  });

  it('puts every date in the week that starts on its Monday', () => {
    fc.assert(
      fc.property(isoDates, (date) => {
        const start = isoWeekStart(isoWeekOf(date));
        expect(daysBetween(start, date)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(start, date)).toBeLessThan(7);
      }),
    );
  });

  it('lists weeks that hold a working day in the range', () => {
    // Saturday 2026-11-28 to Monday 2026-12-07: the weekend alone adds no week.
    expect(workingWeeksInRange('2026-11-28', '2026-12-07')).toEqual(['2026-W49', '2026-W50']);
    expect(workingWeeksInRange('2026-11-28', '2026-11-29')).toEqual([]);
  });
});

describe('months', () => {
  it('gives month ranges and the months of a fiscal year', () => {
    expect(monthRange('2028-02')).toEqual({
      month: '2028-02',
      start: '2028-02-01',
      end: '2028-02-29',
      days: 29,
    });
    const fiscal = fiscalYearMonths('2026-04');
    expect(fiscal.map((month) => month.month)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
    expect(fiscal[11]?.end).toBe('2027-03-31');
    expect(monthsInRange('2026-11-25', '2027-01-02')).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});
