import {
  type CheckInRecordInput,
  FunnelOverrides,
  Qualitative,
  type RepPlan,
  WeeklyPlanOverrides,
} from '../../../schemas/rep-plans';
import type { Stage } from '../../../schemas/reference';
import type { FieldErrors } from '../../components/form-errors';
import { minorToInputText, parseMoneyInput } from '../../components/money';

// The editable content of a rep plan as form text (target accounts, funnel overrides, the
// qualitative part), and back to what the API takes. The draft form and a check-in's agreed plan
// changes share it; the shared schema checks the result through useSchemaForm.

/** A figure entered instead of the rep's history, with the reason why; '' means "use history". */
export type OverrideText = { value: string; reason: string };

export const OVERRIDE_KEYS = [
  'closingRatio',
  'meetingToOpportunityRatio',
  'averageDealMinor',
  'salesCycleDays',
] as const;
export type OverrideKey = (typeof OVERRIDE_KEYS)[number];

export type FunnelOverrideDraft = Record<OverrideKey, OverrideText> & {
  callsPerMeeting: string;
  lookBackMonths: string;
};

/** The rep's own weekly figure for one activity type as typed; '' means "follow the plan". */
export type WeeklyOverrideText = { perWeek: string; reason: string };

export type QualitativeRow = { stage: string; salesMethods: string; expectedResults: string };

/** A plan's content as form state, keyed like the API's (`funnelInputs.closingRatio.reason`). */
export type PlanContentDraft = {
  targetAccountIds: string[];
  funnelInputs: FunnelOverrideDraft;
  /** Per activity type, keyed like the API's (`weeklyPlanOverrides.first_meeting.reason`). */
  weeklyPlanOverrides: Record<string, WeeklyOverrideText>;
  /** Null until edited: the rows then follow the organisation's stages, which arrive later. */
  qualitative: QualitativeRow[] | null;
};

type PlanChanges = NonNullable<CheckInRecordInput['planChanges']>;
type Override = { value: number; reason: string } | null | undefined;

// Ratios are edited as percentages; round away float noise (0.57 * 100 = 56.99999999999999).
const toPercentText = (ratio: number) => String(Math.round(ratio * 100 * 10_000) / 10_000);

function textOf(override: Override, show: (value: number) => string): OverrideText {
  return override
    ? { value: show(override.value), reason: override.reason }
    : { value: '', reason: '' };
}

export function funnelOverrideDraftOf(
  inputs: FunnelOverrides,
  currency: string,
): FunnelOverrideDraft {
  return {
    closingRatio: textOf(inputs.closingRatio, toPercentText),
    meetingToOpportunityRatio: textOf(inputs.meetingToOpportunityRatio, toPercentText),
    averageDealMinor: textOf(inputs.averageDealMinor, (minor) => minorToInputText(minor, currency)),
    salesCycleDays: textOf(inputs.salesCycleDays, String),
    callsPerMeeting: inputs.callsPerMeeting == null ? '' : String(inputs.callsPerMeeting),
    lookBackMonths: inputs.lookBackMonths === undefined ? '' : String(inputs.lookBackMonths),
  };
}

/**
 * The overrides the API takes, before the shared schema checks them: percentages as ratios,
 * money text as minor units. Money text that cannot be read is in `errors`, keyed like the
 * schema (`averageDealMinor.value`), and goes as "no override".
 */
export function funnelInputsOf(
  draft: FunnelOverrideDraft,
  currency: string,
): { value: FunnelOverrides; errors: FieldErrors } {
  const number = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));
  const override = ({ value, reason }: OverrideText, scale = 1) => {
    const parsed = number(value);
    return parsed === null ? null : { value: parsed / scale, reason };
  };
  const money = parseMoneyInput(draft.averageDealMinor.value, currency);
  const lookBack = number(draft.lookBackMonths);
  return {
    value: {
      closingRatio: override(draft.closingRatio, 100),
      meetingToOpportunityRatio: override(draft.meetingToOpportunityRatio, 100),
      averageDealMinor:
        money.ok && money.amountMinor !== null
          ? { value: money.amountMinor, reason: draft.averageDealMinor.reason }
          : null,
      salesCycleDays: override(draft.salesCycleDays),
      callsPerMeeting: number(draft.callsPerMeeting),
      ...(lookBack === null ? {} : { lookBackMonths: lookBack }),
    },
    errors: money.ok ? {} : { 'averageDealMinor.value': money.reason },
  };
}

/** One row per open stage of the organisation, in order, then any saved stage no longer listed. */
export function qualitativeRowsOf(
  qualitative: Qualitative,
  stages: readonly Stage[],
): QualitativeRow[] {
  const saved = new Map(qualitative.stages.map((row) => [row.stage, row]));
  const names = stages
    .filter((stage) => stage.kind === 'open')
    .sort((a, b) => a.position - b.position)
    .map((stage) => stage.name);
  const rows = names.map(
    (stage) => saved.get(stage) ?? { stage, salesMethods: '', expectedResults: '' },
  );
  const kept = qualitative.stages.filter((row) => !names.includes(row.stage));
  return [...rows, ...kept];
}

/** The qualitative part the API takes: stages with something written. */
export function qualitativeOf(rows: readonly QualitativeRow[]): Qualitative {
  return {
    stages: rows
      .filter((row) => row.salesMethods.trim() !== '' || row.expectedResults.trim() !== '')
      .map(({ stage, salesMethods, expectedResults }) => ({
        stage,
        salesMethods,
        expectedResults,
      })),
  };
}

export const sameIds = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

export const planCurrency = (plan: RepPlan, fallback = 'EUR') => plan.targets?.currency ?? fallback;

export function planContentDraftOf(plan: RepPlan): PlanContentDraft {
  return {
    targetAccountIds: plan.targetAccounts.map((a) => a.accountId),
    funnelInputs: funnelOverrideDraftOf(plan.funnelInputs, planCurrency(plan)),
    weeklyPlanOverrides: Object.fromEntries(
      Object.entries(plan.weeklyPlanOverrides).map(([type, o]) => [
        type,
        { perWeek: String(o.perWeek), reason: o.reason },
      ]),
    ),
    qualitative: null,
  };
}

/** The weekly figures the API takes: the types with a figure typed, as numbers. */
export function weeklyPlanOverridesOf(
  draft: Record<string, WeeklyOverrideText>,
): WeeklyPlanOverrides {
  return Object.fromEntries(
    Object.entries(draft)
      .filter(([, o]) => o.perWeek.trim() !== '')
      .map(([type, o]) => [type, { perWeek: Number(o.perWeek), reason: o.reason }]),
  );
}

/** The rows the qualitative part shows: as edited, or the plan's along the organisation's stages. */
export const qualitativeRowsShown = (
  draft: PlanContentDraft,
  plan: RepPlan,
  stages: readonly Stage[],
) => draft.qualitative ?? qualitativeRowsOf(plan.qualitative, stages);

/**
 * The plan content the API takes (as in a draft's PATCH), before the shared schema checks it;
 * `errors` holds what only the form can see, keyed like the schema (`funnelInputs.…`).
 */
export function planContentOf(
  draft: PlanContentDraft,
  plan: RepPlan,
  stages: readonly Stage[],
): { content: Required<PlanChanges>; errors: FieldErrors } {
  const funnel = funnelInputsOf(draft.funnelInputs, planCurrency(plan));
  return {
    content: {
      targetAccountIds: draft.targetAccountIds,
      funnelInputs: funnel.value,
      weeklyPlanOverrides: weeklyPlanOverridesOf(draft.weeklyPlanOverrides),
      qualitative: qualitativeOf(qualitativeRowsShown(draft, plan, stages)),
    },
    errors: Object.fromEntries(
      Object.entries(funnel.errors).map(([field, reason]) => [`funnelInputs.${field}`, reason]),
    ),
  };
}

/**
 * Where a schema or server path of a plan's content shows on its draft: an override's value or
 * reason at that field, a list (target accounts, the qualitative table) at the list; cadence and
 * anything else at no field.
 */
export function planContentFieldOf(path: string): string | undefined {
  const [head, key, part, ...rest] = path.split('.');
  if (head === 'targetAccountIds' || head === 'qualitative') return head;
  if (head === 'weeklyPlanOverrides' && key !== undefined && rest.length === 0) {
    return part === 'reason' ? `${head}.${key}.reason` : `${head}.${key}.perWeek`;
  }
  if (head !== 'funnelInputs' || key === undefined || rest.length > 0) return undefined;
  if ((OVERRIDE_KEYS as readonly string[]).includes(key)) {
    if (part === 'reason') return `${head}.${key}.reason`;
    return part === undefined || part === 'value' ? `${head}.${key}.value` : undefined;
  }
  return (key === 'callsPerMeeting' || key === 'lookBackMonths') && part === undefined
    ? `${head}.${key}`
    : undefined;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A check-in's agreed plan changes (as the schema parsed them) less what equals the plan's own
 * content, so the revision says what changed.
 */
export function changedPlanContent(
  plan: RepPlan,
  changes: PlanChanges,
  stages: readonly Stage[],
): PlanChanges {
  const own = planContentOf(planContentDraftOf(plan), plan, stages).content;
  // The plan's own content as the schema reads it, to compare like with like.
  const ownFunnel = FunnelOverrides.safeParse(own.funnelInputs);
  const ownQualitative = Qualitative.safeParse(own.qualitative);
  const ownWeekly = WeeklyPlanOverrides.safeParse(own.weeklyPlanOverrides);
  const { targetAccountIds, funnelInputs, weeklyPlanOverrides, qualitative } = changes;
  const planIds = plan.targetAccounts.map((a) => a.accountId);
  return {
    ...(targetAccountIds === undefined || sameIds(targetAccountIds, planIds)
      ? {}
      : { targetAccountIds }),
    ...(funnelInputs === undefined || (ownFunnel.success && sameValue(funnelInputs, ownFunnel.data))
      ? {}
      : { funnelInputs }),
    ...(weeklyPlanOverrides === undefined ||
    (ownWeekly.success && sameValue(weeklyPlanOverrides, ownWeekly.data))
      ? {}
      : { weeklyPlanOverrides }),
    ...(qualitative === undefined ||
    (ownQualitative.success && sameValue(qualitative, ownQualitative.data))
      ? {}
      : { qualitative }),
  };
}
