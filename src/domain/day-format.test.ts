import { describe, expect, it } from 'vitest';
import { formatDay, formatDayRange } from './day-format';

describe('formatDay', () => {
  it('writes a calendar day in words, the same day in every time zone', () => {
    expect(formatDay('2026-06-01', 'en')).toBe('Jun 1, 2026');
    expect(formatDay('2026-12-31T23:00:00Z', 'en')).toBe('Dec 31, 2026');
    expect(formatDay(null)).toBe('—');
    expect(formatDay('not a date')).toBe('not a date');
  });
});

describe('formatDayRange', () => {
  it('writes the year once within a year and both across two, with plain spaces', () => {
    expect(formatDayRange('2026-03-01', '2026-06-30', 'en')).toBe('Mar 1 – Jun 30, 2026');
    expect(formatDayRange('2026-11-01', '2027-01-31', 'en')).toBe('Nov 1, 2026 – Jan 31, 2027');
    expect(formatDayRange('2026-11-01', '2026-11-01', 'en')).toBe('Nov 1, 2026');
  });

  it('names both ends when the range is backwards rather than hiding it', () => {
    expect(formatDayRange('2026-06-30', '2026-03-01', 'en')).toBe('Jun 30, 2026 – Mar 1, 2026');
  });
});
