import { describe, expect, it } from 'vitest';
import { sellingHoursInPeriod } from './activity-capacity';

describe('sellingHoursInPeriod', () => {
  it('counts the hours of every ISO week with a working day in the period', () => {
    // 2026 starts on a Thursday: W01 (29 Dec – 4 Jan) to W53 (28 Dec – 3 Jan) all touch it.
    expect(sellingHoursInPeriod(30, { from: '2026-01-01', to: '2026-12-31' })).toBe(53 * 30);
    // 2027 starts on a Friday (W53 of 2026) and ends on a Friday (W52): 53 weeks too.
    expect(sellingHoursInPeriod(30, { from: '2027-01-01', to: '2027-12-31' })).toBe(53 * 30);
    // April 2026 – March 2027: W14 (Wed 1 April) to W13 (Wed 31 March).
    expect(sellingHoursInPeriod(20, { from: '2026-04-01', to: '2027-03-31' })).toBe(53 * 20);
  });

  it('leaves out a week whose only days in the period are a weekend', () => {
    // Saturday 4 and Sunday 5 April 2026 belong to W14, which has no working day in the range.
    expect(sellingHoursInPeriod(10, { from: '2026-04-04', to: '2026-04-10' })).toBe(10);
  });
});
