import type {
  ActionStep,
  BuyingInfluence,
  DealPlanView,
  SingleSalesObjective,
} from '../../../schemas/deal-plans';

// Words and colours the plan's screens share, spelled as in DOMAIN.md.

export const ROLE_LABELS: Record<BuyingInfluence['role'], string> = {
  economic: 'Economic buyer',
  user: 'User buyer',
  technical: 'Technical buyer',
  coach: 'Coach',
};

export const MODE_LABELS: Record<NonNullable<BuyingInfluence['responseMode']>, string> = {
  growth: 'Growth',
  trouble: 'Trouble',
  even_keel: 'Even keel',
  overconfident: 'Overconfident',
};

/** Positive modes (see a gap) in warm-to-green, negative ones in grey and red. */
export const MODE_COLOURS: Record<NonNullable<BuyingInfluence['responseMode']>, string> = {
  growth: 'green',
  trouble: 'orange',
  even_keel: 'gray',
  overconfident: 'red',
};

export const INFLUENCE_LABELS: Record<BuyingInfluence['influence'], string> = {
  high: 'High influence',
  medium: 'Medium influence',
  low: 'Low influence',
};

export const COMPETITOR_KIND_LABELS: Record<DealPlanView['competition'][number]['kind'], string> = {
  competitor: 'Named competitor',
  do_nothing: 'Do nothing',
  in_house: 'Build in-house',
  budget_elsewhere: 'Budget spent elsewhere',
};

export const OBJECTIVE_STATUS_COLOURS: Record<SingleSalesObjective['status'], string> = {
  open: 'blue',
  achieved: 'green',
  abandoned: 'gray',
};

export const STEP_STATUS_LABELS: Record<ActionStep['status'], string> = {
  open: 'Open',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const SEVERITY_COLOURS = { error: 'red', warning: 'orange', info: 'blue' } as const;

export const options = <T extends string>(labels: Record<T, string>) =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

/** A finding's field (the API path, `steps[2].dueOn`) → the id of the element showing it ('plan-steps-2'). */
export function anchorOf(field: string): string {
  const match = /^(\w+)(?:\[(\d+)\])?/.exec(field);
  const part = match?.[1] ?? 'plan';
  return match?.[2] === undefined ? `plan-${part}` : `plan-${part}-${match[2]}`;
}

export function objectiveLabel(objective: Pick<SingleSalesObjective, 'position' | 'title'>) {
  return `${objective.position}. ${objective.title || 'Untitled objective'}`;
}

export function influenceLabel(influence: Pick<BuyingInfluence, 'contactName' | 'role'>) {
  return `${influence.contactName} (${ROLE_LABELS[influence.role].toLowerCase()})`;
}
