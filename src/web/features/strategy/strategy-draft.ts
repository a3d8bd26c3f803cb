import { ValidationError } from '../../../domain/errors';
import { cascadeStrategy } from '../../../domain/strategy-assignments';
import { type Strategy, StrategyInput } from '../../../schemas/strategies';
import { ApiError } from '../../api/client';
import { type FieldErrors, zodFieldErrors } from '../../components/form-errors';
import { minorToInputText, parseMoneyInput } from '../../components/money';

// The strategy editor's state, and its way to and from the API's StrategyInput. Field keys
// name what the form shows: a mix row by segment id, a norm cell by segment, status and type.

export type OrganisationModel = Strategy['model'];
export type SeasonalityKind = Strategy['seasonality']['kind'];
type NumberText = number | string;
type AccountStatus = 'prospect' | 'customer';

export type AssignmentDraft = {
  /** Stable React key for a row that can move up when another is removed. */
  key: number;
  repId: string | null;
  /** Null: the rep holds a territory share of the whole mix. */
  segmentId: string | null;
  weight: NumberText;
};

export type StrategyDraft = {
  startMonth: number;
  targetText: string;
  currency: string;
  model: OrganisationModel;
  /** Percent by segment id; blank leaves the segment out of the mix. */
  mix: Record<string, NumberText>;
  assignments: AssignmentDraft[];
  seasonalityKind: SeasonalityKind;
  weights: NumberText[];
  /** Count per year by norm key; blank cells are no norm. */
  norms: Record<string, NumberText>;
  /**
   * Whether the norms on screen are the organisation's: the norms are sent (and replace the
   * organisation's) only then or once edited, so a first strategy cannot wipe them unseen.
   */
  isNormsKnown: boolean;
  isNormsEdited: boolean;
};

export const normKey = (segmentId: string, status: AccountStatus, activityType: string) =>
  `${segmentId}:${status}:${activityType}`;

let nextKey = 1;
export function newAssignment(segmentId: string | null = null): AssignmentDraft {
  return { key: nextKey++, repId: null, segmentId, weight: 1 };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The editor's starting point: the saved strategy, or a blank one in the organisation's currency. */
export function draftOf(strategy: Strategy | null, currency: string): StrategyDraft {
  if (!strategy) {
    return {
      startMonth: 1,
      targetText: '',
      currency,
      model: 'territory',
      mix: {},
      assignments: [],
      seasonalityKind: 'flat',
      weights: Array.from({ length: 12 }, () => 1),
      norms: {},
      isNormsKnown: false,
      isNormsEdited: false,
    };
  }
  const { seasonality } = strategy;
  return {
    startMonth: strategy.startMonth,
    targetText: minorToInputText(strategy.targetMinor, strategy.currency),
    currency: strategy.currency,
    model: strategy.model,
    mix: Object.fromEntries(
      strategy.segmentMix.map((s) => [s.segmentId, s.shareBasisPoints / 100]),
    ),
    assignments: strategy.assignments.map((a) => ({
      key: nextKey++,
      repId: a.repId,
      segmentId: a.segmentId,
      weight: a.weight,
    })),
    seasonalityKind: seasonality.kind,
    // Switching to "entered" starts from the weights in use, as percent of the year.
    weights: seasonality.enteredWeights ?? seasonality.weights.map((w) => round2(w * 100)),
    norms: Object.fromEntries(
      strategy.norms.map((n) => [
        normKey(n.segmentId, n.accountStatus, n.activityType),
        n.countPerYear,
      ]),
    ),
    isNormsKnown: true,
    isNormsEdited: false,
  };
}

const isBlank = (value: NumberText) => String(value).trim() === '';

/** The mix's total in percent, from the rows that are filled in. */
export function mixTotalPercent(mix: StrategyDraft['mix']): number {
  return round2(
    Object.values(mix)
      .filter((value) => !isBlank(value))
      .reduce<number>((sum, value) => sum + Number(value), 0),
  );
}

function toInput(draft: StrategyDraft, segmentIds: readonly string[]) {
  const money = parseMoneyInput(draft.targetText, draft.currency);
  const input = {
    startMonth: draft.startMonth,
    targetMinor: money.ok ? (money.amountMinor ?? -1) : -1,
    currency: draft.currency,
    model: draft.model,
    seasonality:
      draft.seasonalityKind === 'entered'
        ? { kind: draft.seasonalityKind, weights: draft.weights.map(Number) }
        : { kind: draft.seasonalityKind },
    // Segments in the organisation's order, then any the strategy holds that the list lost.
    segmentMix: [...new Set([...segmentIds, ...Object.keys(draft.mix)])]
      .filter((id) => draft.mix[id] !== undefined && !isBlank(draft.mix[id] ?? ''))
      .map((segmentId) => ({
        segmentId,
        shareBasisPoints: Math.round(Number(draft.mix[segmentId]) * 100),
      })),
    assignments: draft.assignments.map((a) => ({
      repId: a.repId ?? '',
      segmentId: a.segmentId,
      weight: Number(a.weight),
    })),
    ...(draft.isNormsKnown || draft.isNormsEdited
      ? {
          norms: Object.entries(draft.norms)
            .filter(([, count]) => !isBlank(count))
            .map(([key, count]) => {
              const [segmentId = '', accountStatus = '', activityType = ''] = key.split(':');
              return {
                segmentId,
                accountStatus: accountStatus as AccountStatus,
                activityType,
                countPerYear: Number(count),
              };
            }),
        }
      : {}),
  };
  return { input, money };
}

/** A server or schema path ('segmentMix[2].segmentId', 'weights[3]') → the form's field key. */
export function formFieldOf(path: string, input: StrategyInput): string {
  const field = path.replace(/^body\./, '').replace(/\[(\d+)\]/g, '.$1');
  const index = (pattern: RegExp) => {
    const match = pattern.exec(field);
    return match ? Number(match[1]) : undefined;
  };
  const mixIndex = index(/^(?:segmentMix|mix)\.(\d+)/);
  if (mixIndex !== undefined) {
    const id = input.segmentMix[mixIndex]?.segmentId;
    return id ? `segmentMix.${id}` : 'segmentMix';
  }
  if (field === 'mix' || field === 'segmentMix') return 'segmentMix';
  const assignment = /^assignments\.(\d+)\.(repId|segmentId|weight)/.exec(field);
  if (assignment) return `assignments.${assignment[1]}.${assignment[2]}`;
  if (field.startsWith('assignments') || field.startsWith('reps')) return 'assignments';
  const normIndex = index(/^norms\.(\d+)/);
  if (normIndex !== undefined) {
    const norm = input.norms?.[normIndex];
    return norm
      ? `norms.${normKey(norm.segmentId, norm.accountStatus, norm.activityType)}`
      : 'norms';
  }
  const weightIndex = index(/^(?:seasonality\.)?weights\.(\d+)/);
  if (weightIndex !== undefined) return `seasonality.weights.${weightIndex}`;
  if (/^(?:seasonality\.)?weights/.test(field)) return 'seasonality.weights';
  if (field.startsWith('seasonality')) return 'seasonality.kind';
  const top = field.split('.')[0] ?? '';
  return ['startMonth', 'targetMinor', 'currency', 'model'].includes(top) ? top : '_form';
}

// What the schema cannot see: whether the model, the mix and the assignments make a cascade.
// The domain says (the same check the server runs); the form adds only what is about filling it.
function checkCombination(draft: StrategyDraft, input: StrategyInput): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Set<string>();
  draft.assignments.forEach((a, i) => {
    const at = (field: string) => `assignments.${i}.${field}`;
    if (a.repId === null) errors[at('repId')] = 'Choose a rep';
    const pair = `${a.repId}:${a.segmentId}`;
    if (a.repId !== null && seen.has(pair)) errors[at('repId')] = 'This rep is already on this row';
    seen.add(pair);
  });
  if (
    draft.seasonalityKind === 'entered' &&
    draft.weights.every((w) => isBlank(w) || Number(w) === 0)
  ) {
    errors['seasonality.weights'] = 'At least one monthly weight must be above 0';
  }
  if (Object.keys(errors).length > 0) return errors;
  try {
    // A target not typed yet is the form's to report; the cascade checks the rest.
    const target = { ...input, targetMinor: Math.max(0, input.targetMinor) };
    cascadeStrategy(target, input.segmentMix, input.assignments);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const issue of error.issues) {
      const reason = issue.reason.charAt(0).toUpperCase() + issue.reason.slice(1);
      errors[formFieldOf(issue.field, input)] ??= reason;
    }
  }
  return errors;
}

export type DraftResult =
  { ok: true; input: StrategyInput } | { ok: false; errors: FieldErrors; input: StrategyInput };

/** The PUT body for the draft, checked with the shared schema and the cascade's rules. */
export function strategyInputOf(draft: StrategyDraft, segmentIds: readonly string[]): DraftResult {
  const { input, money } = toInput(draft, segmentIds);
  const typed = input as StrategyInput;
  // The cascade's own words first: they say more than the schema's ("Choose a rep", not "Invalid UUID").
  const errors = checkCombination(draft, typed);
  const parsed = StrategyInput.safeParse(input);
  if (!parsed.success) {
    for (const [path, reason] of Object.entries(zodFieldErrors(parsed.error))) {
      errors[formFieldOf(path, typed)] ??= reason;
    }
  }
  if (!money.ok) errors.targetMinor = money.reason;
  else if (money.amountMinor === null) errors.targetMinor = 'Enter the revenue target';
  return parsed.success && Object.keys(errors).length === 0
    ? { ok: true, input: parsed.data }
    : { ok: false, errors, input: typed };
}

/** A failed save's issues on the fields they name; what names no field goes to `_form`. */
export function serverErrorsOf(error: unknown, input: StrategyInput): FieldErrors {
  if (!(error instanceof ApiError)) {
    return { _form: error instanceof Error ? error.message : 'Something went wrong.' };
  }
  const errors: FieldErrors = {};
  const unplaced: string[] = [];
  for (const issue of error.issues) {
    const field = formFieldOf(issue.field, input);
    const reason = issue.reason.charAt(0).toUpperCase() + issue.reason.slice(1);
    if (field === '_form') unplaced.push(`${issue.field}: ${issue.reason}`);
    else errors[field] ??= reason;
  }
  if (unplaced.length > 0) errors._form = unplaced.join('; ');
  else if (Object.keys(errors).length === 0) errors._form = error.message;
  return errors;
}
