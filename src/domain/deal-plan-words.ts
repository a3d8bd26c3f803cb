import type {
  ActionStepStatus,
  BuyingInfluenceRole,
  CompetitorKind,
  InfluenceLevel,
  ObjectiveStatus,
  ResponseMode,
} from './deal-plan';
import { formatDay } from './day-format';

// The words of a deal plan, spelled as in DOMAIN.md: the one table the plan's screens and its
// history sentences ("Added Dana Ortiz as a coach") both read.

export const ROLE_LABELS: Record<BuyingInfluenceRole, string> = {
  economic: 'Economic buyer',
  user: 'User buyer',
  technical: 'Technical buyer',
  coach: 'Coach',
};

/** "Added Dana Ortiz as …": there is one economic buyer, and any number of the others. */
export const ROLE_AS: Record<BuyingInfluenceRole, string> = {
  economic: 'the economic buyer',
  user: 'a user buyer',
  technical: 'a technical buyer',
  coach: 'a coach',
};

export const MODE_LABELS: Record<ResponseMode, string> = {
  growth: 'Growth',
  trouble: 'Trouble',
  even_keel: 'Even keel',
  overconfident: 'Overconfident',
};

export const INFLUENCE_LABELS: Record<InfluenceLevel, string> = {
  high: 'High influence',
  medium: 'Medium influence',
  low: 'Low influence',
};

export const COMPETITOR_KIND_LABELS: Record<CompetitorKind, string> = {
  competitor: 'Named competitor',
  do_nothing: 'Do nothing',
  in_house: 'Build in-house',
  budget_elsewhere: 'Budget spent elsewhere',
};

export const OBJECTIVE_STATUS_LABELS: Record<ObjectiveStatus, string> = {
  open: 'Open',
  achieved: 'Achieved',
  abandoned: 'Abandoned',
};

export const STEP_STATUS_LABELS: Record<ActionStepStatus, string> = {
  open: 'Open',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** What a status change did, as the verb of a history sentence. */
export const OBJECTIVE_STATUS_VERBS: Record<ObjectiveStatus, string> = {
  open: 'Reopened',
  achieved: 'Marked achieved:',
  abandoned: 'Abandoned',
};
export const STEP_STATUS_VERBS: Record<ActionStepStatus, string> = {
  open: 'Reopened',
  done: 'Completed',
  cancelled: 'Cancelled',
};

/** The plan's fields in words, by part; a field missing here is bookkeeping, not shown. */
export const PLAN_FIELD_LABELS = {
  objective: {
    title: 'title',
    who: 'who',
    whereWhen: 'where and when',
    informationToCollect: 'information to collect',
    how: 'how',
    desiredOutcome: 'desired outcome',
    dueOn: 'due date',
    status: 'status',
  },
  influence: {
    role: 'role',
    influence: 'influence',
    responseMode: 'response mode',
    notes: 'notes',
    contactId: 'contact',
  },
  competitor: { kind: 'kind', name: 'name', differentiators: 'differentiators' },
  step: {
    what: 'what',
    ownerId: 'owner',
    dueOn: 'due date',
    status: 'status',
    objectiveId: 'objective',
    influenceId: 'influence targeted',
    competitorId: 'competitor targeted',
    dependsOnStepId: 'dependency',
    confidence: 'confidence',
    activityId: 'logged activity',
  },
  winWin: {
    buyerResult: "the buyer's business result",
    buyerPersonalWin: "the buyer's personal win",
    ourWin: 'our win',
  },
} as const;

export type PlanPartKind = keyof typeof PLAN_FIELD_LABELS;

/** '2026-12-01' → 'Dec 1, 2026': a day in a history sentence, the same for every reader. */
export function dayInWords(isoDate: string): string {
  return formatDay(isoDate, 'en');
}
