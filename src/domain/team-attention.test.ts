import { describe, expect, it } from 'vitest';
import {
  attentionOf,
  byAttention,
  planPhaseOf,
  type PlanDates,
  type RepStanding,
} from './team-attention';

const plan = (overrides: Partial<PlanDates>): PlanDates => ({
  state: 'draft',
  createdOn: '2026-01-02',
  updatedOn: '2026-01-03',
  repSignedOn: null,
  managerSignedOn: null,
  ...overrides,
});

describe('planPhaseOf', () => {
  it('says who acts next on the plan, and since when', () => {
    expect(planPhaseOf(null)).toEqual({ phase: 'no_plan', since: null });
    expect(planPhaseOf(plan({}))).toEqual({ phase: 'draft', since: '2026-01-02' });
    expect(planPhaseOf(plan({ state: 'proposed' }))).toEqual({
      phase: 'awaiting_rep_signature',
      since: '2026-01-03',
    });
    expect(planPhaseOf(plan({ state: 'proposed', repSignedOn: '2026-01-04' }))).toEqual({
      phase: 'awaiting_countersignature',
      since: '2026-01-04',
    });
    expect(planPhaseOf(plan({ state: 'proposed', managerSignedOn: '2026-01-05' }))).toEqual({
      phase: 'awaiting_rep_signature',
      since: '2026-01-05',
    });
    expect(
      planPhaseOf(
        plan({ state: 'agreed', repSignedOn: '2026-01-04', managerSignedOn: '2026-01-06' }),
      ),
    ).toEqual({ phase: 'agreed', since: '2026-01-06' });
    expect(planPhaseOf(plan({ state: 'revised', updatedOn: '2026-04-01' }))).toEqual({
      phase: 'revised',
      since: '2026-04-01',
    });
  });
});

describe('attentionOf and byAttention', () => {
  const standing: RepStanding = {
    phase: 'agreed',
    checkInsOverdue: 0,
    attainment: 'on_track',
    activity: 'on_track',
    coverage: 3,
    neededCoverage: 2,
  };

  it('names every reason a rep needs attention, most urgent first', () => {
    expect(attentionOf(standing)).toEqual([]);
    expect(
      attentionOf({
        phase: 'awaiting_countersignature',
        checkInsOverdue: 1,
        attainment: 'behind',
        activity: 'behind',
        coverage: 1,
        neededCoverage: 2,
      }),
    ).toEqual([
      'awaiting_countersignature',
      'check_in_overdue',
      'behind_target',
      'behind_on_activity',
      'thin_pipeline',
    ]);
    expect(
      attentionOf({
        ...standing,
        phase: 'no_plan',
        attainment: null,
        activity: null,
        coverage: null,
      }),
    ).toEqual(['no_plan']);
    expect(attentionOf({ ...standing, phase: 'draft' })).toEqual(['plan_not_agreed']);
  });

  it('says slightly behind after the thin pipeline, and never both bands of one figure', () => {
    expect(
      attentionOf({
        ...standing,
        attainment: 'slightly_behind',
        activity: 'slightly_behind',
        coverage: 1,
      }),
    ).toEqual(['thin_pipeline', 'slightly_behind_target', 'slightly_behind_on_activity']);
    expect(attentionOf({ ...standing, attainment: 'behind', activity: 'slightly_behind' })).toEqual(
      ['behind_target', 'slightly_behind_on_activity'],
    );
  });

  it('puts the countersignature first, then overdue check-ins, then the furthest behind', () => {
    const row = (name: string, attainment: number | null, over: Partial<RepStanding>) => ({
      name,
      attainment,
      attention: attentionOf({ ...standing, ...over }),
    });
    const rows = [
      row('Ann', 1.2, {}),
      row('Ben', 0.9, { attainment: 'slightly_behind' }),
      row('Cem', 0.4, { attainment: 'behind' }),
      row('Dee', 1.2, { checkInsOverdue: 2 }),
      row('Eve', 1.2, { phase: 'awaiting_countersignature' }),
      row('Fay', null, { attainment: null }),
      row('Gus', 0.7, { attainment: 'behind' }),
    ];
    expect(rows.sort(byAttention).map((r) => r.name)).toEqual([
      'Eve',
      'Dee',
      'Cem',
      'Gus',
      'Ben',
      'Ann',
      'Fay',
    ]);
  });
});
