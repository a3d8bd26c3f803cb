import type { IsoDate } from './calendar';
import type { Check, Finding } from './findings';

// The deal plan (DOMAIN.md, seed 000): single sales objectives, buying influences with their
// response modes, the win-win, the competition, and the action steps that move the deal.

// Closed sets, declared once: the Zod enums (schemas/deal-plans.ts) and the table checks
// (db/schema/deal-plans.ts) are built from these arrays.
export const OBJECTIVE_STATUSES = ['open', 'achieved', 'abandoned'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export const BUYING_INFLUENCE_ROLES = ['economic', 'user', 'technical', 'coach'] as const;
export type BuyingInfluenceRole = (typeof BUYING_INFLUENCE_ROLES)[number];
export const INFLUENCE_LEVELS = ['high', 'medium', 'low'] as const;
export type InfluenceLevel = (typeof INFLUENCE_LEVELS)[number];
/** growth and trouble see a gap (positive); even_keel and overconfident see none (negative). */
export const RESPONSE_MODES = ['growth', 'trouble', 'even_keel', 'overconfident'] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];
export const COMPETITOR_KINDS = [
  'competitor',
  'do_nothing',
  'in_house',
  'budget_elsewhere',
] as const;
export type CompetitorKind = (typeof COMPETITOR_KINDS)[number];
export const ACTION_STEP_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ActionStepStatus = (typeof ACTION_STEP_STATUSES)[number];

/** The rep's confidence that a step works, a whole number from 1 (doubtful) to 5 (sure). */
export type Confidence = number;
export const CONFIDENCE_RANGE = { min: 1, max: 5 } as const;
/** A confidence at or below this is flagged by the valid check. */
export const LOW_CONFIDENCE = 2;

/** Alternatives inside the account, as opposed to named competitors. */
export const IN_ACCOUNT_ALTERNATIVES: readonly CompetitorKind[] = [
  'do_nothing',
  'in_house',
  'budget_elsewhere',
];

/** A named competitor needs a name; an alternative inside the account does not. */
export const COMPETITOR_NAME_RULE = 'a named competitor needs a name';
export const lacksCompetitorName = (competitor: Pick<Competitor, 'kind' | 'name'>) =>
  competitor.kind === 'competitor' && competitor.name.trim() === '';

export type SingleSalesObjective = {
  id: string;
  /** Buying influence ids. */
  who: string[];
  whereWhen: string;
  informationToCollect: string;
  how: string;
  /** Measurable. */
  desiredOutcome: string;
  dueOn: IsoDate | null;
  status: ObjectiveStatus;
  position: number;
};

export type ResponseModeRecord = { mode: ResponseMode; recordedOn: IsoDate };

export type BuyingInfluence = {
  id: string;
  contactName: string;
  role: BuyingInfluenceRole;
  influence: InfluenceLevel;
  responseMode: ResponseMode | null;
  modeHistory: ResponseModeRecord[];
  notes: string;
};

export type WinWin = { buyerResult: string; buyerPersonalWin: string; ourWin: string };

export type Competitor = {
  id: string;
  kind: CompetitorKind;
  name: string;
  differentiators: string;
};

export type ActionStep = {
  id: string;
  what: string;
  ownerId: string | null;
  dueOn: IsoDate | null;
  status: ActionStepStatus;
  objectiveId: string | null;
  /** The buying influence the step targets. */
  influenceId?: string | null;
  /** The competitor or alternative the step works against. */
  competitorId?: string | null;
  dependsOnStepId?: string | null;
  confidence: Confidence | null;
  position: number;
};

export type DealPlan = {
  /** The deal is still open (not won or lost). */
  isOpen: boolean;
  expectedCloseOn: IsoDate | null;
  objectives: SingleSalesObjective[];
  influences: BuyingInfluence[];
  winWin: WinWin;
  competition: Competitor[];
  steps: ActionStep[];
};

/** A deal-plan finding always names its check family and the field to fix. */
export type DealPlanFinding = Finding & { check: Check; field: string };

/** The response mode's last recorded date, or null when it was never dated. */
export function lastModeRecordedOn(
  influence: Pick<BuyingInfluence, 'modeHistory'>,
): IsoDate | null {
  return influence.modeHistory.reduce<IsoDate | null>(
    (latest, record) =>
      latest === null || record.recordedOn > latest ? record.recordedOn : latest,
    null,
  );
}
