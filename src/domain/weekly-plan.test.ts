import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors';
import { planWeekly, type WeeklyPlanOverride } from './weekly-plan';

const count = fc.integer({ min: 0, max: 500 });
const types = fc.constantFrom('call', 'demo', 'first_meeting', 'meeting', 'proposal');
const normsThisWeek = fc.dictionary(types, count);
const funnel = fc.record({
  firstMeetings: fc.option(count, { nil: null }),
  calls: fc.option(count, { nil: null }),
});
const override = fc.record({
  perWeek: count,
  reason: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
});
const overrides = fc.dictionary(types, override);

describe('planWeekly', () => {
  it('follows the larger of the norms and the funnel, naming which', () => {
    expect(
      planWeekly({
        normsThisWeek: { call: 3, first_meeting: 1, meeting: 2 },
        funnel: { firstMeetings: 4, calls: 2 },
        overrides: {},
      }),
    ).toEqual([
      {
        type: 'call',
        fromNorms: 3,
        fromFunnel: 2,
        gap: -1,
        planned: 3,
        basis: 'norms',
        reason: null,
      },
      {
        type: 'first_meeting',
        fromNorms: 1,
        fromFunnel: 4,
        gap: 3,
        planned: 4,
        basis: 'funnel',
        reason: null,
      },
      {
        type: 'meeting',
        fromNorms: 2,
        fromFunnel: null,
        gap: null,
        planned: 2,
        basis: 'norms',
        reason: null,
      },
    ]);
  });

  it('plans first meetings even when no norm does, and a tie follows the norms', () => {
    expect(
      planWeekly({
        normsThisWeek: { call: 2 },
        funnel: { firstMeetings: 0, calls: 2 },
        overrides: {},
      }),
    ).toEqual([
      {
        type: 'call',
        fromNorms: 2,
        fromFunnel: 2,
        gap: 0,
        planned: 2,
        basis: 'norms',
        reason: null,
      },
      {
        type: 'first_meeting',
        fromNorms: 0,
        fromFunnel: 0,
        gap: 0,
        planned: 0,
        basis: 'norms',
        reason: null,
      },
    ]);
  });

  it('takes the rep’s figure with its reason, even below the funnel', () => {
    const [line] = planWeekly({
      normsThisWeek: {},
      funnel: { firstMeetings: 6, calls: null },
      overrides: { first_meeting: { perWeek: 3, reason: 'Two trade fairs bring leads in' } },
    });
    expect(line).toEqual({
      type: 'first_meeting',
      fromNorms: 0,
      fromFunnel: 6,
      gap: 6,
      planned: 3,
      basis: 'override',
      reason: 'Two trade fairs bring leads in',
    });
  });

  it('refuses an override without a reason or with a part of an activity, naming the field', () => {
    const plan = (o: WeeklyPlanOverride) =>
      planWeekly({
        normsThisWeek: {},
        funnel: { firstMeetings: 6, calls: null },
        overrides: { first_meeting: o },
      });
    expect(() => plan({ perWeek: 3, reason: '  ' })).toThrow(ValidationError);
    try {
      plan({ perWeek: 1.5, reason: 'x' });
    } catch (error) {
      expect((error as ValidationError).issues).toEqual([
        {
          field: 'weeklyPlanOverrides.first_meeting.perWeek',
          reason: 'must be a whole number, at least 0',
        },
      ]);
    }
    expect.assertions(2);
  });

  it('never asks for less than the funnel needs unless overridden with a reason', () => {
    fc.assert(
      fc.property(normsThisWeek, funnel, overrides, (norms, need, chosen) => {
        const lines = planWeekly({ normsThisWeek: norms, funnel: need, overrides: chosen });
        for (const line of lines) {
          if (line.basis === 'override') {
            expect(line.reason?.trim()).toBeTruthy();
            expect(line.planned).toBe(chosen[line.type]?.perWeek);
            continue;
          }
          expect(chosen[line.type]).toBeUndefined();
          expect(line.planned).toBeGreaterThanOrEqual(line.fromFunnel ?? 0);
          expect(line.planned).toBeGreaterThanOrEqual(line.fromNorms);
          expect(line.planned).toBe(Math.max(line.fromNorms, line.fromFunnel ?? 0));
          expect(line.reason).toBeNull();
        }
      }),
    );
  });

  it('has one line per type of any source, first meetings always, sorted', () => {
    fc.assert(
      fc.property(normsThisWeek, funnel, overrides, (norms, need, chosen) => {
        const lines = planWeekly({ normsThisWeek: norms, funnel: need, overrides: chosen });
        const expected = new Set([
          ...Object.keys(norms),
          ...Object.keys(chosen),
          'first_meeting',
          ...(need.calls === null ? [] : ['call']),
        ]);
        expect(lines.map((line) => line.type)).toEqual([...expected].sort());
        const firstMeetings = lines.find((line) => line.type === 'first_meeting');
        expect(firstMeetings?.fromFunnel).toBe(need.firstMeetings);
        for (const line of lines) {
          expect(line.fromNorms).toBe(norms[line.type] ?? 0);
          expect(line.gap).toBe(line.fromFunnel === null ? null : line.fromFunnel - line.fromNorms);
        }
      }),
    );
  });
});
