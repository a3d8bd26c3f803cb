import type { AccountStatus } from '../../../domain/account';
import {
  isMoneyMetric,
  type MetricCount,
  type MetricDefinition,
} from '../../../domain/team-plan-metrics';
import type { TeamGoalArea } from '../../../domain/team-plans';
import type { TeamPlan, TeamPlanContent } from '../../../schemas/team-plans';
import { minorToInputText, parseMoneyInput } from '../../components/money';

// The team plan as the editor holds it: every row has a key of its own (so React keeps inputs
// apart while rows move), numbers stay as typed until saving, and an activity remembers the
// saved row it came from, whose progress the server counted.

/** The five questions of the plan, in DOMAIN.md's order. */
export const TEAM_PLAN_QUESTIONS: [keyof TeamPlan['answers'], string][] = [
  ['whoIsOurCustomer', 'Who is our customer?'],
  ['whatDoesTheCustomerValue', 'What does the customer value?'],
  ['whatIsOurMission', 'What is our mission?'],
  ['whatIsOurPlan', 'What is our plan?'],
  ['whatAreOurDesiredResults', 'What are our desired results?'],
];

export type TeamActivity = TeamPlan['objectives'][number]['goals'][number]['activities'][number];
export type { TeamGoalArea };

export type ActivityDraft = {
  key: string;
  title: string;
  ownerId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  metric: string;
  /** The metric's definition as picked; no `counts`, no metric. */
  counts: MetricCount | null;
  activityType: string | null;
  memberId: string | null;
  segmentId: string | null;
  accountStatus: AccountStatus | null;
  productId: string | null;
  /** As typed: major units for won revenue, a plain number otherwise. */
  target: string;
  /** The actual of an entered metric, as typed. */
  enteredActual: string;
  saved: TeamActivity | null;
};

/** The definition fields of a draft, all empty when it has none. */
const DEFINITION_FIELDS = [
  'activityType',
  'memberId',
  'segmentId',
  'accountStatus',
  'productId',
] as const;

function definitionDraftOf(definition: MetricDefinition | null) {
  return {
    counts: definition?.counts ?? null,
    activityType: definition?.activityType ?? null,
    memberId: definition?.memberId ?? null,
    segmentId: definition?.segmentId ?? null,
    accountStatus: definition?.accountStatus ?? null,
    productId: definition?.productId ?? null,
  };
}

/** The draft's definition as the API takes it; an entered metric keeps no filter. */
export function definitionOf(activity: ActivityDraft): MetricDefinition | null {
  if (!activity.counts) return null;
  if (activity.counts === 'entered') return { ...definitionDraftOf(null), counts: 'entered' };
  return {
    counts: activity.counts,
    activityType: activity.counts === 'activities' ? activity.activityType : null,
    memberId: activity.memberId,
    segmentId: activity.segmentId,
    accountStatus: activity.accountStatus,
    productId: activity.productId,
  };
}
export type GoalDraft = {
  key: string;
  area: TeamGoalArea;
  title: string;
  activities: ActivityDraft[];
};
export type ObjectiveDraft = { key: string; title: string; goals: GoalDraft[] };
export type TeamPlanDraft = { answers: TeamPlan['answers']; objectives: ObjectiveDraft[] };

let lastKey = 0;
export const newKey = () => `new-${++lastKey}`;

export { isMoneyMetric };

export function targetText(
  targetValue: number | null,
  counts: MetricCount | null,
  currency: string,
): string {
  if (targetValue === null) return '';
  return isMoneyMetric(counts) ? minorToInputText(targetValue, currency) : String(targetValue);
}

export function draftOf(plan: TeamPlan, currency: string): TeamPlanDraft {
  return {
    answers: { ...plan.answers },
    objectives: plan.objectives.map((objective) => ({
      key: objective.id,
      title: objective.title,
      goals: objective.goals.map((goal) => ({
        key: goal.id,
        area: goal.area,
        title: goal.title,
        activities: goal.activities.map((activity) => ({
          key: activity.id,
          title: activity.title,
          ownerId: activity.ownerId,
          startsOn: activity.startsOn,
          endsOn: activity.endsOn,
          metric: activity.metric ?? '',
          ...definitionDraftOf(activity.metricDefinition),
          target: targetText(
            activity.targetValue,
            activity.metricDefinition?.counts ?? null,
            currency,
          ),
          enteredActual: activity.enteredActual === null ? '' : String(activity.enteredActual),
          saved: activity,
        })),
      })),
    })),
  };
}

export const emptyActivity = (): ActivityDraft => ({
  key: newKey(),
  title: '',
  ownerId: null,
  startsOn: null,
  endsOn: null,
  metric: '',
  ...definitionDraftOf(null),
  target: '',
  enteredActual: '',
  saved: null,
});

export const emptyGoal = (area: TeamGoalArea): GoalDraft => ({
  key: newKey(),
  area,
  title: '',
  activities: [],
});

export const emptyObjective = (): ObjectiveDraft => ({ key: newKey(), title: '', goals: [] });

export const activityPath = (o: number, g: number, a: number) =>
  `objectives.${o}.goals.${g}.activities.${a}`;

function parseTarget(
  text: string,
  counts: MetricCount | null,
  currency: string,
): { ok: true; value: number | null } | { ok: false; reason: string } {
  if (isMoneyMetric(counts)) {
    const parsed = parseMoneyInput(text, currency);
    return parsed.ok ? { ok: true, value: parsed.amountMinor } : parsed;
  }
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'Enter a number' };
}

/**
 * The body of PUT /api/team-plans/:id, before the shared schema checks it. Targets that cannot
 * be read come back as errors keyed by the same field path the server would use.
 */
export function contentOf(
  draft: TeamPlanDraft,
  currency: string,
): { content: TeamPlanContent; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const content: TeamPlanContent = {
    answers: draft.answers,
    objectives: draft.objectives.map((objective, o) => ({
      title: objective.title,
      goals: objective.goals.map((goal, g) => ({
        area: goal.area,
        title: goal.title,
        activities: goal.activities.map((activity, a) => {
          const target = parseTarget(activity.target, activity.counts, currency);
          if (!target.ok) errors[`${activityPath(o, g, a)}.targetValue`] = target.reason;
          const isEntered = activity.counts === 'entered';
          const entered = parseTarget(isEntered ? activity.enteredActual : '', null, currency);
          if (!entered.ok) errors[`${activityPath(o, g, a)}.enteredActual`] = entered.reason;
          return {
            title: activity.title,
            ownerId: activity.ownerId,
            startsOn: activity.startsOn,
            endsOn: activity.endsOn,
            metric: activity.metric.trim() === '' ? null : activity.metric.trim(),
            metricDefinition: definitionOf(activity),
            targetValue: target.ok ? target.value : null,
            enteredActual: entered.ok ? entered.value : null,
          };
        }),
      })),
    })),
  };
  return { content, errors };
}

/** Every field path the editor shows, so a server issue on any other lands at the top. */
export function fieldPathsOf(draft: TeamPlanDraft): string[] {
  const paths = Object.keys(draft.answers).map((key) => `answers.${key}`);
  draft.objectives.forEach((objective, o) => {
    paths.push(`objectives.${o}.title`);
    objective.goals.forEach((goal, g) => {
      paths.push(`objectives.${o}.goals.${g}.title`, `objectives.${o}.goals.${g}.area`);
      goal.activities.forEach((_, a) => {
        for (const field of [
          'title',
          'ownerId',
          'startsOn',
          'endsOn',
          'metric',
          'metricDefinition.counts',
          ...DEFINITION_FIELDS.map((name) => `metricDefinition.${name}`),
          'targetValue',
          'enteredActual',
        ]) {
          paths.push(`${activityPath(o, g, a)}.${field}`);
        }
      });
    });
  });
  return paths;
}

/**
 * Whether the progress the server counted still describes this row: it no longer does once
 * its definition, timeline, target or entered actual changed, until the next save.
 */
export function isProgressCurrent(activity: ActivityDraft, currency: string): boolean {
  const { saved } = activity;
  if (!saved) return false;
  const before = saved.metricDefinition;
  const after = definitionOf(activity);
  const counts = before?.counts ?? null;
  return (
    (['counts', ...DEFINITION_FIELDS] as const).every(
      (field) => (before?.[field] ?? null) === (after?.[field] ?? null),
    ) &&
    saved.startsOn === activity.startsOn &&
    saved.endsOn === activity.endsOn &&
    targetText(saved.targetValue, counts, currency) === activity.target &&
    (saved.enteredActual === null ? '' : String(saved.enteredActual)) ===
      (activity.counts === 'entered' ? activity.enteredActual : '')
  );
}

/** The list with the item at `from` moved to `to`; out-of-range moves change nothing. */
export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length || from === to) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** `objectives[0].goals[1].title` (service) and `objectives.0.goals.1.title` (Zod) alike. */
export const dotPath = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');
