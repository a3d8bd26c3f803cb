import { describe, expect, it } from 'vitest';
import { dateInTimeZone, isTimeZone } from './time-zone';

describe('dateInTimeZone', () => {
  it.each([
    ['2026-12-01T23:30:00Z', 'UTC', '2026-12-01'],
    ['2026-12-01T23:30:00Z', 'Europe/Paris', '2026-12-02'],
    ['2026-12-01T03:00:00Z', 'America/Los_Angeles', '2026-11-30'],
    ['2026-12-31T11:00:00Z', 'Pacific/Kiritimati', '2027-01-01'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(dateInTimeZone(new Date(instant), zone)).toBe(expected);
  });
});

describe('isTimeZone', () => {
  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
