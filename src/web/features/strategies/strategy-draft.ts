import type { AccountStatus } from '../../../domain/account';
import { ValidationError } from '../../../domain/errors';
import { cascadeStrategy } from '../../../domain/strategy-assignments';
import { enteredWeights } from '../../../domain/seasonality';
import type { Strategy, StrategyInput } from '../../../schemas/strategies';
import { type FieldErrors, normalisePath, sentence } from '../../components/form-errors';
import { minorToInputText, parseMoneyInput } from '../../components/money';

// The strategy editor's state, and its way to and from the API's StrategyInput. Field keys
// name what the form shows: a mix row by segment id, a norm cell by segment, status and type.

export type OrganisationModel = Strategy['model'];
export type SeasonalityKind = Strategy['seasonality']['kind'];
type NumberText = number | string;

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

/** The draft as the PUT body's shape, for the shared StrategyInput schema to check. */
export function toStrategyInput(draft: StrategyDraft, segmentIds: readonly string[]) {
  const money = parseMoneyInput(draft.targetText, draft.currency);
  return {
    startMonth: draft.startMonth,
    // A target not typed yet is the form's to report (checkStrategyDraft); -1 fails the schema.
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
  } satisfies StrategyInput;
}

/**
 * Where a path of the PUT body ('segmentMix.2.segmentId', already normalised) shows: the form
 * keys the mix by segment id and the norms by cell, where the body has list positions.
 */
export function strategyFieldOf(path: string, input: StrategyInput): string | undefined {
  const [head = '', index, leaf] = path.split('.');
  const at = index === undefined ? undefined : Number(index);
  switch (head) {
    case 'segmentMix':
    case 'mix': {
      const id = at === undefined ? undefined : input.segmentMix[at]?.segmentId;
      return id ? `segmentMix.${id}` : 'segmentMix';
    }
    case 'assignments':
      return at !== undefined && leaf ? `assignments.${at}.${leaf}` : 'assignments';
    case 'reps':
      return 'assignments';
    case 'norms': {
      const norm = at === undefined ? undefined : input.norms?.[at];
      return norm
        ? `norms.${normKey(norm.segmentId, norm.accountStatus, norm.activityType)}`
        : 'norms';
    }
    // The domain names entered weights `weights[3]`, the body `seasonality.weights.3`.
    case 'weights':
      return at === undefined ? 'seasonality.weights' : `seasonality.weights.${at}`;
    case 'seasonality':
      return path.startsWith('seasonality.weights')
        ? strategyFieldOf(path.slice('seasonality.'.length), input)
        : 'seasonality.kind';
    case 'startMonth':
    case 'targetMinor':
    case 'currency':
    case 'model':
      return head;
    default:
      return undefined;
  }
}

// What the schema cannot see: whether the weights, the model, the mix and the assignments make
// a cascade. The domain says (the same checks the server runs); the form adds only what is about
// filling it in.
export function checkStrategyDraft(
  draft: StrategyDraft,
  segmentIds: readonly string[],
): FieldErrors {
  const input = toStrategyInput(draft, segmentIds);
  const errors: FieldErrors = {};
  // A rep not picked yet fails the schema as "Invalid UUID"; say what to do instead. A repeated
  // rep × segment row is the cascade check's to name.
  draft.assignments.forEach((a, i) => {
    if (a.repId === null) errors[`assignments.${i}.repId`] = 'Choose a rep';
  });
  const domainChecks = [
    () => {
      if (input.seasonality.kind === 'entered') enteredWeights(input.seasonality.weights ?? []);
    },
    () => {
      // A target not typed yet is reported below; the cascade checks the rest.
      const target = { ...input, targetMinor: Math.max(0, input.targetMinor) };
      cascadeStrategy(target, input.segmentMix, input.assignments);
    },
  ];
  for (const check of domainChecks) {
    if (Object.keys(errors).length > 0) break;
    try {
      check();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const issue of error.issues) {
        errors[strategyFieldOf(normalisePath(issue.field), input) ?? '_form'] ??= sentence(
          issue.reason,
        );
      }
    }
  }
  const money = parseMoneyInput(draft.targetText, draft.currency);
  if (!money.ok) errors.targetMinor = money.reason;
  else if (money.amountMinor === null) errors.targetMinor = 'Enter the revenue target';
  return errors;
}
