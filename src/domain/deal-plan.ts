import type { IsoDate } from './calendar';
import type { Check, Finding } from './findings';

// The deal plan (DOMAIN.md, seed 000): single sales objectives, buying influences with their
// response modes, the win-win, the competition, and the action steps that move the deal.

export type ObjectiveStatus = 'open' | 'achieved' | 'abandoned';
export type BuyingInfluenceRole = 'economic' | 'user' | 'technical' | 'coach';
export type InfluenceLevel = 'high' | 'medium' | 'low';
/** growth and trouble see a gap (positive); even_keel and overconfident see none (negative). */
export type ResponseMode = 'growth' | 'trouble' | 'even_keel' | 'overconfident';
export type CompetitorKind = 'competitor' | 'do_nothing' | 'in_house' | 'budget_elsewhere';
export type ActionStepStatus = 'open' | 'done' | 'cancelled';
/** The rep's confidence that a step works, 1 (doubtful) to 5 (sure). */
export type Confidence = 1 | 2 | 3 | 4 | 5;

export const BUYING_INFLUENCE_ROLES: readonly BuyingInfluenceRole[] = [
  'economic',
  'user',
  'technical',
  'coach',
];
/** Alternatives inside the account, as opposed to named competitors. */
export const IN_ACCOUNT_ALTERNATIVES: readonly CompetitorKind[] = [
  'do_nothing',
  'in_house',
  'budget_elsewhere',
];

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
  ownerId: string;
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
  expectedClose: IsoDate | null;
  objectives: SingleSalesObjective[];
  influences: BuyingInfluence[];
  winWin: WinWin;
  competitors: Competitor[];
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
