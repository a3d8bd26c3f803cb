import { describe, expect, it } from 'vitest';
import { checkCheckInTiming, checkInTimingOf } from './check-ins';
import { ValidationError } from './errors';

const march = { periodStart: '2026-03-01', periodEnd: '2026-03-31' };

describe('checkCheckInTiming', () => {
  it('refuses a check-in before its period starts, naming the field', () => {
    expect(() => checkCheckInTiming(march, '2026-02-28')).toThrow(ValidationError);
    try {
      checkCheckInTiming(march, '2026-02-28');
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([
        {
          field: 'heldOn',
          reason: "the check-in's period starts on Mar 1, 2026: hold it then or later",
        },
      ]);
    }
  });

  it('warns from the first day to the day before the end, and is quiet from the last day on', () => {
    expect(checkCheckInTiming(march, '2026-03-01')).toEqual([
      'The period runs until Mar 31, 2026: held on Mar 1, 2026, the check-in leaves out what happens after that day.',
    ]);
    expect(checkCheckInTiming(march, '2026-03-30')).toHaveLength(1);
    expect(checkCheckInTiming(march, '2026-03-31')).toEqual([]);
    expect(checkCheckInTiming(march, '2026-04-15')).toEqual([]);
  });

  it('says when a check-in can be recorded instead of refusing on reading', () => {
    expect(checkInTimingOf(march, '2026-02-10')).toEqual({
      canRecord: false,
      warnings: ["The check-in's period starts on Mar 1, 2026: it can be recorded from then on."],
    });
    expect(checkInTimingOf(march, '2026-03-31')).toEqual({ canRecord: true, warnings: [] });
  });
});
