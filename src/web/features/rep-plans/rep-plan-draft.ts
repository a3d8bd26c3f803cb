import {
  type CheckInRecordInput,
  FunnelOverrides,
  type Qualitative,
  type RepPlan,
} from '../../../schemas/rep-plans';
import type { Stage } from '../../../schemas/reference';
import { ApiError } from '../../api/client';
import { type FieldErrors, serverFieldErrors, zodFieldErrors } from '../../components/form-errors';
import { minorToInputText, parseMoneyInput } from '../../components/money';

// The editable content of a rep plan as form text (funnel overrides, the qualitative part), and
// back to what the API takes. The draft form and a check-in's agreed plan changes share it.

/** A figure entered instead of the rep's history, with the reason why; '' means "use history". */
export type OverrideText = { value: string; reason: string };

export type FunnelOverrideDraft = {
  closingRatio: OverrideText;
  meetingToOpportunityRatio: OverrideText;
  averageDealMinor: OverrideText;
  salesCycleDays: OverrideText;
  callsPerMeeting: string;
  lookBackMonths: string;
};

export type QualitativeRow = { stage: string; salesMethods: string; expectedResults: string };

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

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The overrides the API takes, checked with the shared schema; errors keyed like `closingRatio.reason`. */
export function parseFunnelOverrideDraft(
  draft: FunnelOverrideDraft,
  currency: string,
): Parsed<FunnelOverrides> {
  const errors: FieldErrors = {};
  const number = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));
  const override = ({ value, reason }: OverrideText, scale = 1) => {
    const parsed = number(value);
    return parsed === null ? null : { value: parsed / scale, reason };
  };
  const money = parseMoneyInput(draft.averageDealMinor.value, currency);
  if (!money.ok) errors['averageDealMinor.value'] = money.reason;
  const lookBack = number(draft.lookBackMonths);
  const candidate = {
    closingRatio: override(draft.closingRatio, 100),
    meetingToOpportunityRatio: override(draft.meetingToOpportunityRatio, 100),
    averageDealMinor:
      money.ok && money.amountMinor !== null
        ? { value: money.amountMinor, reason: draft.averageDealMinor.reason }
        : null,
    salesCycleDays: override(draft.salesCycleDays),
    callsPerMeeting: number(draft.callsPerMeeting),
    ...(lookBack === null ? {} : { lookBackMonths: lookBack }),
  };
  const result = FunnelOverrides.safeParse(candidate);
  // The money reader's reason is more precise than the schema's, so it wins on its field.
  if (!result.success) return { ok: false, errors: { ...zodFieldErrors(result.error), ...errors } };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: result.data };
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

/** The server's field names for a plan's content, with a prefix (`planChanges.`) stripped. */
export function fieldErrorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const result: FieldErrors = {};
  for (const [field, reason] of Object.entries(errors)) {
    if (field.startsWith(prefix)) result[field.slice(prefix.length)] = reason;
  }
  return result;
}

export const sameIds = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

export const planCurrency = (plan: RepPlan, fallback = 'EUR') => plan.targets?.currency ?? fallback;

/** The server's issues that a plan-content form shows at its fields (under `prefix`, or one of
 * `otherFields`), plus `_form` for the message when some issue has no field there. */
export function planContentErrors(
  error: unknown,
  prefix = '',
  otherFields: readonly string[] = [],
): FieldErrors {
  const placeable = /^(cadence|targetAccountIds|funnelInputs\.|qualitative)/;
  const fields =
    error instanceof ApiError
      ? error.issues
          .map((issue) => issue.field)
          .filter(
            (field) =>
              otherFields.includes(field) ||
              (field.startsWith(prefix) && placeable.test(field.slice(prefix.length))),
          )
      : [];
  return serverFieldErrors(error, fields);
}

/** The first reason among fields starting with `prefix` (a table of stages shows one). */
export function firstErrorUnder(errors: FieldErrors, prefix: string): string | undefined {
  const field = Object.keys(errors).find((name) => name.startsWith(prefix));
  return field === undefined ? undefined : errors[field];
}

/** A check-in's agreed plan changes as form state; qualitative rows follow the plan until edited. */
export type PlanChangesDraft = {
  accountIds: string[];
  funnel: FunnelOverrideDraft;
  rows: QualitativeRow[] | null;
};

export function planChangesDraftOf(plan: RepPlan): PlanChangesDraft {
  return {
    accountIds: plan.targetAccounts.map((a) => a.accountId),
    funnel: funnelOverrideDraftOf(plan.funnelInputs, planCurrency(plan)),
    rows: null,
  };
}

type PlanChanges = NonNullable<CheckInRecordInput['planChanges']>;

/** Only the parts that differ from the plan go to the API, so the revision says what changed. */
export function parsePlanChanges(
  plan: RepPlan,
  draft: PlanChangesDraft,
  stages: readonly Stage[],
): Parsed<PlanChanges> {
  const currency = planCurrency(plan);
  const funnel = parseFunnelOverrideDraft(draft.funnel, currency);
  if (!funnel.ok) return funnel;
  const current = parseFunnelOverrideDraft(
    funnelOverrideDraftOf(plan.funnelInputs, currency),
    currency,
  );
  const isFunnelChanged =
    !current.ok || JSON.stringify(current.value) !== JSON.stringify(funnel.value);
  const qualitative = draft.rows && qualitativeOf(draft.rows);
  const isQualitativeChanged =
    qualitative !== null &&
    JSON.stringify(qualitative) !==
      JSON.stringify(qualitativeOf(qualitativeRowsOf(plan.qualitative, stages)));
  const planIds = plan.targetAccounts.map((a) => a.accountId);
  return {
    ok: true,
    value: {
      ...(sameIds(draft.accountIds, planIds) ? {} : { targetAccountIds: draft.accountIds }),
      ...(isFunnelChanged ? { funnelInputs: funnel.value } : {}),
      ...(isQualitativeChanged ? { qualitative } : {}),
    },
  };
}
