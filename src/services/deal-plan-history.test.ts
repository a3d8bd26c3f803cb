import { describe, expect, it } from 'vitest';
import { planNamesOf, toTimeline, type PlanAuditEntry } from './deal-plan-history';

// The plan's history in words: no ids, no field names, names from the plan and its history.

const dana = {
  id: '00000000-0000-4000-8000-0000000000d1',
  contactId: '00000000-0000-4000-8000-0000000000c1',
  contactName: 'Dana Ortiz',
  contactTitle: 'CFO',
  role: 'coach',
  influence: 'high',
  responseMode: 'even_keel',
  modeHistory: [],
  notes: '',
};
const objective = {
  id: '00000000-0000-4000-8000-0000000000a1',
  position: 1,
  title: 'Meet the CFO',
  who: [] as string[],
  whereWhen: '',
  informationToCollect: '',
  how: '',
  desiredOutcome: '',
  dueOn: '2026-12-10',
  status: 'open',
};
const step = {
  id: '00000000-0000-4000-8000-0000000000b1',
  position: 3,
  what: 'Send the proposal',
  ownerId: '00000000-0000-4000-8000-0000000000e1',
  ownerName: 'Rita Rep',
  dueOn: '2026-12-01',
  status: 'open',
  objectiveId: null as string | null,
  influenceId: null,
  competitorId: null,
  dependsOnStepId: null,
  confidence: 3,
  completedOn: null,
  activityId: null,
};

let n = 0;
const entry = (
  entityType: string,
  action: PlanAuditEntry['action'],
  before: unknown,
  after: unknown,
): PlanAuditEntry => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  at: new Date('2026-11-20T10:00:00Z'),
  userName: 'Rita Rep',
  entityType,
  action,
  before,
  after,
});

const sentences = (entries: PlanAuditEntry[]) =>
  toTimeline(entries).map((e) => [e.summary, ...e.details]);

describe('the deal plan history in words', () => {
  it('says what was added, changed and removed, naming people and items, never their ids', () => {
    const newest = [
      entry('action_step', 'delete', step, null),
      entry('action_step', 'update', step, { ...step, status: 'done' }),
      entry('action_step', 'update', step, { ...step, objectiveId: objective.id }),
      entry('action_step', 'update', step, { ...step, dueOn: '2026-12-08' }),
      entry('buying_influence', 'update', dana, { ...dana, responseMode: 'trouble' }),
      entry('win_win', 'update', { ourWin: '' }, { ourWin: 'A reference customer in banking' }),
      entry('single_sales_objective', 'update', objective, { ...objective, status: 'achieved' }),
      entry('action_step', 'create', null, step),
      entry('single_sales_objective', 'create', null, objective),
      entry('buying_influence', 'create', null, dana),
      entry('buying_influence', 'create', null, {
        ...dana,
        contactName: 'Ann Lee',
        role: 'economic',
      }),
    ];
    expect(sentences(newest)).toEqual([
      ['Removed step 3 “Send the proposal”'],
      ['Completed step 3 “Send the proposal”'],
      ['Set the objective of step 3 to objective 1 “Meet the CFO”'],
      ['Changed the due date of step 3 from Dec 1, 2026 to Dec 8, 2026'],
      ['Changed the response mode of Dana Ortiz from Even keel to Trouble'],
      ['Changed the win-win: our win “A reference customer in banking”'],
      ['Marked achieved: objective 1 “Meet the CFO”'],
      ['Added step 3: “Send the proposal”'],
      ['Added objective 1: “Meet the CFO”'],
      ['Added Dana Ortiz as a coach'],
      ['Added Ann Lee as the economic buyer'],
    ]);
    expect(JSON.stringify(toTimeline(newest).map((e) => [e.summary, e.details]))).not.toMatch(
      /[0-9a-f]{8}-|ourWin|objectiveId|_/,
    );
  });

  it('lists each field of a change that touched several, with the people named', () => {
    const changed = {
      ...objective,
      who: [dana.id],
      dueOn: '2026-12-15',
      how: 'Lunch at their office',
    };
    const entries = [
      entry('single_sales_objective', 'update', objective, changed),
      entry('buying_influence', 'create', null, dana),
    ];
    expect(sentences(entries)[0]).toEqual([
      'Changed the who, how and due date of objective 1',
      'Who: none → Dana Ortiz',
      'How: none → “Lunch at their office”',
      'Due date: Dec 10, 2026 → Dec 15, 2026',
    ]);
  });

  it('names an item by its latest name in the plan as it is now', () => {
    const entries = [entry('action_step', 'update', step, { ...step, dependsOnStepId: 'x1' })];
    const names = planNamesOf(entries, {
      objectives: [],
      influences: [],
      competition: [],
      steps: [{ ...step, id: 'x1', position: 1, what: 'Book the demo' }] as never,
    });
    expect(toTimeline(entries, names)[0]?.summary).toBe(
      'Set the dependency of step 3 to step 1 “Book the demo”',
    );
  });
});
