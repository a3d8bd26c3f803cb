import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar';
import { checkDealPlan } from './deal-plan-checks';
import type { ActionStep, BuyingInfluence, DealPlan, SingleSalesObjective } from './deal-plan';
import { summariseFindings } from './findings';

const today = '2026-11-25';

const influence = (
  id: string,
  role: BuyingInfluence['role'],
  name: string,
  mode: BuyingInfluence['responseMode'],
  recordedOn: string,
): BuyingInfluence => ({
  id,
  contactName: name,
  role,
  influence: 'high',
  responseMode: mode,
  modeHistory: mode === null ? [] : [{ mode, recordedOn }],
  notes: '',
});

const objective: SingleSalesObjective = {
  id: 'o1',
  who: ['i1', 'i3'],
  whereWhen: 'Their office, 2026-12-03',
  informationToCollect: 'Who signs off the budget, and when',
  how: 'Demo of the reporting module on their own data',
  desiredOutcome: 'Eva agrees to a paid pilot starting in January',
  dueOn: '2026-12-10',
  status: 'open',
  position: 1,
};

const step = (id: string, fields: Partial<ActionStep>): ActionStep => ({
  id,
  what: `Step ${id}`,
  ownerId: 'rep1',
  dueOn: '2026-11-30',
  status: 'open',
  objectiveId: 'o1',
  influenceId: 'i3',
  competitorId: null,
  dependsOnStepId: null,
  confidence: 4,
  position: 1,
  ...fields,
});

// A plan that passes every check: the base every other test breaks in one place.
const goodPlan: DealPlan = {
  isOpen: true,
  expectedCloseOn: '2026-12-31',
  objectives: [objective],
  influences: [
    influence('i1', 'economic', 'Eva Stone', 'growth', '2026-11-01'),
    influence('i2', 'coach', 'Carl Diaz', 'growth', '2026-11-10'),
    influence('i3', 'user', 'Uma Patel', 'trouble', '2026-11-20'),
    influence('i4', 'technical', 'Ted Lin', 'even_keel', '2026-10-15'),
  ],
  winWin: {
    buyerResult: 'Month-end close in 2 days instead of 5',
    buyerPersonalWin: 'Eva is seen to modernise finance',
    ourWin: 'A reference customer in manufacturing',
  },
  competition: [
    { id: 'c1', kind: 'competitor', name: 'Acme', differentiators: 'We integrate with their ERP' },
    {
      id: 'c2',
      kind: 'do_nothing',
      name: 'Keep the spreadsheets',
      differentiators: 'Saves 3 days a month',
    },
  ],
  steps: [
    step('s1', { what: 'Send the agenda to Uma' }),
    step('s2', {
      what: 'Run the demo',
      influenceId: 'i1',
      dueOn: '2026-12-03',
      dependsOnStepId: 's1',
      confidence: 3,
      position: 2,
    }),
  ],
};

const codes = (plan: DealPlan, on = today) =>
  checkDealPlan(plan, on).map((f) => [f.check, f.code, f.severity, f.field]);

describe('checkDealPlan', () => {
  it('finds nothing on a complete, sensible plan', () => {
    expect(checkDealPlan(goodPlan, today)).toEqual([]);
  });

  it('flags a step due before the step it depends on (logical)', () => {
    const plan = {
      ...goodPlan,
      steps: [
        goodPlan.steps[0] as ActionStep,
        step('s2', { what: 'Run the demo', dueOn: '2026-11-28', dependsOnStepId: 's1' }),
      ],
    };
    expect(checkDealPlan(plan, today)).toEqual([
      {
        check: 'logical',
        severity: 'error',
        code: 'step_before_dependency',
        field: 'steps[1].dueOn',
        message:
          '"Run the demo" is due Nov 28, 2026, before "Send the agenda to Uma" it depends on (Nov 30, 2026).',
      },
    ]);
  });

  it('flags dependency cycles and missing dependencies without looping', () => {
    const plan = {
      ...goodPlan,
      steps: [
        step('s1', { dependsOnStepId: 's2' }),
        step('s2', { dependsOnStepId: 's1' }),
        step('s3', { dependsOnStepId: 's3' }),
        step('s4', { dependsOnStepId: 'nowhere' }),
      ],
    };
    expect(codes(plan)).toEqual([
      ['logical', 'step_dependency_cycle', 'error', 'steps[0].dependsOnStepId'],
      ['logical', 'step_dependency_cycle', 'error', 'steps[1].dependsOnStepId'],
      ['logical', 'step_dependency_cycle', 'error', 'steps[2].dependsOnStepId'],
      ['logical', 'step_dependency_missing', 'warning', 'steps[3].dependsOnStepId'],
    ]);
  });

  it('flags steps after the expected close and objectives due before their steps', () => {
    const plan = {
      ...goodPlan,
      steps: [
        goodPlan.steps[0] as ActionStep,
        step('s2', { dueOn: '2027-01-05', dependsOnStepId: 's1' }),
      ],
      objectives: [objective, { ...objective, id: 'o2', position: 2, dueOn: '2026-12-05' }],
    };
    expect(codes(plan)).toEqual([
      ['logical', 'step_after_expected_close', 'warning', 'steps[1].dueOn'],
      ['logical', 'objective_before_its_steps', 'warning', 'objectives[0].dueOn'],
      ['logical', 'objectives_out_of_order', 'info', 'objectives[1].dueOn'],
    ]);
  });

  it('flags open steps that serve no open objective or target nobody (significant)', () => {
    const plan = {
      ...goodPlan,
      objectives: [objective, { ...objective, id: 'o2', status: 'achieved' as const, position: 0 }],
      steps: [
        step('s1', { objectiveId: null, influenceId: null }),
        step('s2', { objectiveId: 'o2', influenceId: 'ghost', competitorId: 'c1' }),
        step('s3', { objectiveId: 'gone', influenceId: null, competitorId: 'c9', status: 'open' }),
        step('s4', { objectiveId: null, influenceId: null, status: 'done' }),
      ],
    };
    expect(codes(plan)).toEqual([
      ['significant', 'step_without_objective', 'error', 'steps[0].objectiveId'],
      ['significant', 'step_without_target', 'warning', 'steps[0].influenceId'],
      ['significant', 'step_objective_closed', 'warning', 'steps[1].objectiveId'],
      ['significant', 'step_target_missing', 'error', 'steps[1].influenceId'],
      ['significant', 'step_without_objective', 'error', 'steps[2].objectiveId'],
      ['significant', 'step_target_missing', 'error', 'steps[2].competitorId'],
      ['coverage', 'influence_not_addressed', 'warning', 'influences[2]'],
    ]);
  });

  it('flags overdue steps and a passed expected close (realistic)', () => {
    // On 2027-01-02 the modes of Eva (2026-11-01) and Ted (2026-10-15) are over 60 days old too.
    expect(codes(goodPlan, '2027-01-02')).toEqual([
      ['realistic', 'step_overdue', 'warning', 'steps[0].dueOn'],
      ['realistic', 'step_overdue', 'warning', 'steps[1].dueOn'],
      ['realistic', 'expected_close_passed', 'warning', 'expectedCloseOn'],
      ['coverage', 'response_mode_stale', 'warning', 'influences[0].responseMode'],
      ['coverage', 'response_mode_stale', 'warning', 'influences[3].responseMode'],
    ]);
  });

  it('flags objectives due after the expected close and steps without a date', () => {
    const plan = {
      ...goodPlan,
      expectedCloseOn: '2027-02-01',
      objectives: [{ ...objective, dueOn: '2027-03-01' }],
      steps: [step('s1', { dueOn: null })],
    };
    expect(codes(plan)).toEqual([
      ['realistic', 'step_without_due_date', 'warning', 'steps[0].dueOn'],
      ['realistic', 'objective_after_expected_close', 'warning', 'objectives[0].dueOn'],
    ]);
  });

  it('flags a week where the rep carries more open steps than their capacity', () => {
    const findings = checkDealPlan(goodPlan, today, {
      openStepsPerWeekCapacity: 3,
      repOpenStepsByWeek: { '2026-W49': 2, '2026-W50': 5 },
      repId: 'rep1',
    });
    // s1 (2026-11-30) and s2 (2026-12-03) are both in 2026-W49: 2 + 2 = 4 > 3.
    expect(findings).toEqual([
      {
        check: 'realistic',
        severity: 'warning',
        code: 'week_over_capacity',
        field: 'steps[0].dueOn',
        message: 'Week 2026-W49 holds 4 open steps for the rep, more than the 3 they can carry.',
      },
    ]);
    expect(
      checkDealPlan(goodPlan, today, {
        openStepsPerWeekCapacity: 3,
        repOpenStepsByWeek: { '2026-W49': 2 },
        repId: 'someone-else',
      }),
    ).toEqual([]);
  });

  it('flags missing and low confidence (valid)', () => {
    const plan = {
      ...goodPlan,
      steps: [
        step('s1', { confidence: null }),
        step('s2', { confidence: 2 }),
        step('s3', { confidence: 1, status: 'cancelled' }),
      ],
    };
    expect(codes(plan)).toEqual([
      ['valid', 'step_without_confidence', 'warning', 'steps[0].confidence'],
      ['valid', 'step_low_confidence', 'warning', 'steps[1].confidence'],
    ]);
  });

  it('lists everything an empty open plan lacks (coverage)', () => {
    const empty: DealPlan = {
      isOpen: true,
      expectedCloseOn: null,
      objectives: [],
      influences: [],
      winWin: { buyerResult: '', buyerPersonalWin: ' ', ourWin: '' },
      competition: [],
      steps: [],
    };
    expect(codes(empty)).toEqual([
      ['realistic', 'expected_close_missing', 'info', 'expectedCloseOn'],
      ['coverage', 'role_missing', 'error', 'influences'],
      ['coverage', 'role_missing', 'warning', 'influences'],
      ['coverage', 'role_missing', 'warning', 'influences'],
      ['coverage', 'role_missing', 'warning', 'influences'],
      ['coverage', 'no_in_account_alternative', 'warning', 'competition'],
      ['coverage', 'win_win_incomplete', 'warning', 'winWin.buyerResult'],
      ['coverage', 'win_win_incomplete', 'warning', 'winWin.buyerPersonalWin'],
      ['coverage', 'win_win_incomplete', 'warning', 'winWin.ourWin'],
      ['coverage', 'no_open_objective', 'warning', 'objectives'],
    ]);
    expect(checkDealPlan(empty, today)[1]?.message).toBe(
      'No economic buyer is named on this deal.',
    );
  });

  it('flags influences without a mode, unaddressed trouble, and an objective that is not SMART', () => {
    const plan = {
      ...goodPlan,
      influences: [
        ...goodPlan.influences,
        influence('i5', 'user', 'Olga', null, ''),
        influence('i6', 'user', 'Otto', 'overconfident', '2026-11-20'),
      ],
      competition: [{ id: 'c1', kind: 'competitor' as const, name: 'Acme', differentiators: '' }],
      objectives: [{ ...objective, who: [], desiredOutcome: '  ', dueOn: null }],
    };
    expect(codes(plan)).toEqual([
      ['coverage', 'influence_without_mode', 'warning', 'influences[4].responseMode'],
      ['coverage', 'influence_not_addressed', 'warning', 'influences[5]'],
      ['coverage', 'no_in_account_alternative', 'warning', 'competition'],
      ['coverage', 'competitor_without_differentiators', 'info', 'competition[0].differentiators'],
      ['coverage', 'objective_not_smart', 'warning', 'objectives[0].who'],
      ['coverage', 'objective_not_smart', 'warning', 'objectives[0].desiredOutcome'],
      ['coverage', 'objective_not_smart', 'warning', 'objectives[0].dueOn'],
    ]);
  });

  it('calls a response mode stale from the 61st day after it was recorded, not on the 60th', () => {
    const plan = {
      ...goodPlan,
      steps: goodPlan.steps.map((s) => ({ ...s, dueOn: '2026-12-20' })),
      objectives: [{ ...objective, dueOn: '2026-12-22' }],
    };
    // Ted's mode was recorded on 2026-10-15; every other mode is younger.
    expect(codes(plan, addDays('2026-10-15', 60))).toEqual([]);
    expect(codes(plan, addDays('2026-10-15', 61))).toEqual([
      ['coverage', 'response_mode_stale', 'warning', 'influences[3].responseMode'],
    ]);
  });

  it('raises red flags: an unconvinced economic buyer near the close, and a stale map', () => {
    const plan = {
      ...goodPlan,
      steps: goodPlan.steps.map((s) => ({ ...s, dueOn: '2026-12-03' })),
      influences: goodPlan.influences.map((i) =>
        i.role === 'economic'
          ? {
              ...i,
              responseMode: 'even_keel' as const,
              modeHistory: [{ mode: 'even_keel' as const, recordedOn: '2026-11-20' }],
            }
          : i,
      ),
    };
    // 2026-12-01 is 30 days before the close; Ted's mode (2026-10-15) is then 47 days old.
    expect(checkDealPlan(plan, '2026-12-01')).toEqual([
      {
        check: 'coverage',
        severity: 'error',
        code: 'economic_buyer_not_convinced',
        field: 'influences[0].responseMode',
        message:
          'Eva Stone, the economic buyer, is still even keel with the expected close 30 days away.',
      },
    ]);
    const laterSteps = goodPlan.steps.map((s) => ({ ...s, dueOn: '2026-12-20' }));
    const laterObjectives = [{ ...objective, dueOn: '2026-12-22' }];
    expect(
      codes({ ...goodPlan, steps: laterSteps, objectives: laterObjectives }, '2026-12-15'),
    ).toEqual([['coverage', 'response_mode_stale', 'warning', 'influences[3].responseMode']]);
    expect(codes(plan, '2026-11-30')).toEqual([]);
  });

  it('skips realistic checks and red flags once the deal is closed', () => {
    expect(codes({ ...goodPlan, isOpen: false }, '2027-03-01')).toEqual([]);
  });

  it('never throws, whatever a well-typed plan holds', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd');
    const date = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2026-06-01', n));
    const planArbitrary = fc.record({
      isOpen: fc.boolean(),
      expectedCloseOn: fc.option(date),
      objectives: fc.array(
        fc.record({
          id: ids,
          who: fc.array(ids),
          whereWhen: fc.string(),
          informationToCollect: fc.string(),
          how: fc.string(),
          desiredOutcome: fc.string(),
          dueOn: fc.option(date),
          status: fc.constantFrom('open' as const, 'achieved' as const, 'abandoned' as const),
          position: fc.integer(),
        }),
        { maxLength: 4 },
      ),
      influences: fc.array(
        fc.record({
          id: ids,
          contactName: fc.string(),
          role: fc.constantFrom(
            'economic' as const,
            'user' as const,
            'technical' as const,
            'coach' as const,
          ),
          influence: fc.constantFrom('high' as const, 'medium' as const, 'low' as const),
          responseMode: fc.option(
            fc.constantFrom(
              'growth' as const,
              'trouble' as const,
              'even_keel' as const,
              'overconfident' as const,
            ),
          ),
          modeHistory: fc.array(
            fc.record({
              mode: fc.constantFrom('growth' as const, 'trouble' as const),
              recordedOn: date,
            }),
            { maxLength: 3 },
          ),
          notes: fc.string(),
        }),
        { maxLength: 5 },
      ),
      winWin: fc.record({
        buyerResult: fc.string(),
        buyerPersonalWin: fc.string(),
        ourWin: fc.string(),
      }),
      competition: fc.array(
        fc.record({
          id: ids,
          kind: fc.constantFrom(
            'competitor' as const,
            'do_nothing' as const,
            'in_house' as const,
            'budget_elsewhere' as const,
          ),
          name: fc.string(),
          differentiators: fc.string(),
        }),
        { maxLength: 3 },
      ),
      steps: fc.array(
        fc.record({
          id: ids,
          what: fc.string(),
          ownerId: ids,
          dueOn: fc.option(date),
          status: fc.constantFrom('open' as const, 'done' as const, 'cancelled' as const),
          objectiveId: fc.option(ids),
          influenceId: fc.option(ids, { nil: undefined }),
          competitorId: fc.option(ids),
          dependsOnStepId: fc.option(ids),
          confidence: fc.option(
            fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const),
          ),
          position: fc.integer(),
        }),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(planArbitrary, date, fc.nat(5), (plan, on, capacity) => {
        const findings = checkDealPlan(plan, on, { openStepsPerWeekCapacity: capacity });
        for (const found of findings) {
          expect(found.field.length).toBeGreaterThan(0);
          expect(found.message.length).toBeGreaterThan(0);
        }
        expect(summariseFindings(findings).total).toBe(findings.length);
      }),
    );
  });
});

describe('summariseFindings', () => {
  it('counts findings by severity and names the plan health', () => {
    expect(
      summariseFindings([
        { severity: 'error' },
        { severity: 'warning' },
        { severity: 'warning' },
        { severity: 'info' },
      ]),
    ).toEqual({
      error: 1,
      warning: 2,
      info: 1,
      total: 4,
      health: 'at_risk',
    });
    expect(summariseFindings([{ severity: 'warning' }]).health).toBe('needs_attention');
    expect(summariseFindings([{ severity: 'info' }]).health).toBe('healthy');
    expect(summariseFindings([])).toEqual({
      error: 0,
      warning: 0,
      info: 0,
      total: 0,
      health: 'healthy',
    });
  });
});
