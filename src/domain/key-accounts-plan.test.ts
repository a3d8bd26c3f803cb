import { describe, expect, it } from 'vitest';
import {
  type KeyAccountPlanParts,
  benchmarkStatus,
  checkKeyAccountPlan,
  nextReviewDue,
} from './key-accounts-plan';
import { describePlanChanges } from './key-accounts-plan-versions';

describe('benchmarkStatus', () => {
  const revenue = { baseline: 0, target: 120, dueOn: '2026-12-31', actual: 50 };
  it('measures against a straight line from the baseline to the target', () => {
    // Half-way through the year the line stands at 60: 50 is behind, 60 on track, 120 met.
    expect(benchmarkStatus(revenue, '2026-01-01', '2026-07-02')).toBe('off_track');
    expect(benchmarkStatus({ ...revenue, actual: 60 }, '2026-01-01', '2026-07-02')).toBe(
      'on_track',
    );
    expect(benchmarkStatus({ ...revenue, actual: 120 }, '2026-01-01', '2026-03-01')).toBe('met');
    expect(benchmarkStatus({ ...revenue, actual: null }, '2026-01-01', '2026-03-01')).toBe(
      'no_actual',
    );
    // Past the date, only the target counts; without a date, not judged until met.
    expect(benchmarkStatus({ ...revenue, actual: 119 }, '2026-01-01', '2027-02-01')).toBe(
      'off_track',
    );
    expect(benchmarkStatus({ ...revenue, dueOn: null }, '2026-01-01', '2027-02-01')).toBe(
      'no_date',
    );
  });
  it('does not call a benchmark without a date on track: €0 of €100,000 is not judged', () => {
    const noDate = { baseline: 0, target: 10_000_000, dueOn: null, actual: 0 };
    expect(benchmarkStatus(noDate, '2026-01-01', '2026-11-30')).toBe('no_date');
    expect(benchmarkStatus({ ...noDate, actual: 10_000_000 }, '2026-01-01', '2026-11-30')).toBe(
      'met',
    );
    expect(benchmarkStatus({ ...noDate, actual: null }, '2026-01-01', '2026-11-30')).toBe(
      'no_actual',
    );
  });

  it('meets a falling target from above', () => {
    const cycle = { baseline: 90, target: 60, dueOn: '2026-12-31', actual: 74 };
    // Half-way the line stands at 75: 74 is ahead.
    expect(benchmarkStatus(cycle, '2026-01-01', '2026-07-02')).toBe('on_track');
    expect(benchmarkStatus({ ...cycle, actual: 59 }, '2026-01-01', '2026-03-01')).toBe('met');
    expect(benchmarkStatus({ ...cycle, actual: 85 }, '2026-01-01', '2026-10-01')).toBe('off_track');
  });
});

describe('nextReviewDue', () => {
  it('is a month or a quarter after the last review, or after the start', () => {
    expect(nextReviewDue('monthly', '2026-01-31', '2026-01-01')).toBe('2026-02-28');
    expect(nextReviewDue('quarterly', null, '2026-01-15')).toBe('2026-04-15');
  });
});

describe('checkKeyAccountPlan', () => {
  const plan: KeyAccountPlanParts = {
    objectives: [
      { id: 'o1', term: 'short', description: 'Meet the CFO', dueOn: '2026-09-30' },
      { id: 'o2', term: 'long', description: 'Become sole supplier', dueOn: '2027-06-30' },
    ],
    relationships: [
      { id: 'r1', contactName: 'Dana Ortiz', currentStrength: 2, targetStrength: 4 },
      { id: 'r2', contactName: 'Kim Lee', currentStrength: 3, targetStrength: 3 },
    ],
    steps: [
      {
        id: 's1',
        position: 1,
        what: 'Lunch with Dana',
        ownerId: 'u1',
        dueOn: '2026-05-01',
        status: 'open',
        objectiveId: 'o1',
        relationshipId: 'r1',
      },
      {
        id: 's2',
        position: 2,
        what: 'Site visit',
        ownerId: null,
        dueOn: null,
        status: 'open',
        objectiveId: null,
        relationshipId: 'r2',
      },
      {
        id: 's3',
        position: 3,
        what: 'Call Kim',
        ownerId: 'u1',
        dueOn: '2026-05-01',
        status: 'cancelled',
        objectiveId: 'o2',
        relationshipId: null,
      },
    ],
    benchmarks: [
      {
        id: 'b1',
        metric: 'Won revenue',
        baseline: 0,
        target: 100,
        dueOn: '2026-12-31',
        actual: 10,
      },
    ],
    commitment: 'I will grow Globex.',
  };

  it('finds objectives without steps, steps without owner or date, key people without a step, benchmarks off track', () => {
    expect(checkKeyAccountPlan(plan, { today: '2026-07-01', from: '2026-01-01' })).toEqual([
      {
        code: 'objective_without_steps',
        severity: 'warning',
        message: 'No step serves the objective "Become sole supplier"',
        field: 'objectives.o2',
      },
      {
        code: 'step_overdue',
        severity: 'warning',
        message: 'Step 1 "Lunch with Dana" was due on May 1, 2026',
        field: 'steps.s1',
      },
      {
        code: 'step_without_owner_or_date',
        severity: 'warning',
        message: 'Step 2 "Site visit" needs an owner and a due date',
        field: 'steps.s2',
      },
      {
        code: 'benchmark_off_track',
        severity: 'error',
        message: 'Won revenue is off track: 10 against 100 by Dec 31, 2026',
        field: 'benchmarks.b1',
      },
    ]);
  });

  it('flags a short-term objective due beyond a quarter, a person no step aims at, an empty plan', () => {
    const findings = checkKeyAccountPlan(
      { ...plan, steps: plan.steps.filter((s) => s.id !== 's2') },
      { today: '2026-04-01', from: '2026-01-01' },
    );
    expect(findings.map((f) => [f.code, f.field])).toEqual([
      ['short_term_beyond_quarter', 'objectives.o1'],
      ['objective_without_steps', 'objectives.o2'],
      ['key_person_without_step', 'relationships.r2'],
      // By April the line stands at 24.7: 10 is behind.
      ['benchmark_off_track', 'benchmarks.b1'],
    ]);
    expect(
      checkKeyAccountPlan(
        { objectives: [], relationships: [], steps: [], benchmarks: [], commitment: ' ' },
        { today: '2026-04-01', from: '2026-01-01' },
      ).map((f) => f.code),
    ).toEqual(['no_objectives', 'no_commitment']);
  });
});

describe('describePlanChanges', () => {
  it('says in words what changed between two versions', () => {
    const before = {
      cadence: 'quarterly',
      commitment: 'Grow',
      objectives: [{ id: 'o1', description: 'Meet the CFO', dueOn: '2026-06-30' }],
      relationships: [{ id: 'r1', contactName: 'Dana', currentStrength: 2, targetStrength: 4 }],
      steps: [{ id: 's1', what: 'Lunch', status: 'open', dueOn: '2026-05-01' }],
      benchmarks: [{ id: 'b1', metric: 'Won revenue', target: 100 }],
    };
    expect(
      describePlanChanges(before, {
        ...before,
        cadence: 'monthly',
        objectives: [{ id: 'o2', description: 'Sole supplier', dueOn: null }],
        relationships: [{ id: 'r1', contactName: 'Dana', currentStrength: 3, targetStrength: 4 }],
        steps: [{ id: 's1', what: 'Lunch', status: 'done', dueOn: '2026-05-01' }],
      }),
    ).toEqual([
      'Reviews moved from quarterly to monthly',
      'Objective added: Sole supplier',
      'Objective removed: Meet the CFO',
      'Dana: strength 2→4 now 3→4',
      'Lunch: open → done',
    ]);
    expect(describePlanChanges(before, before)).toEqual([]);
  });
});
