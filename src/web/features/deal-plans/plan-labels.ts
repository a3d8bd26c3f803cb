import type { BuyingInfluence, SingleSalesObjective } from '../../../schemas/deal-plans';

// Colours the plan's screens share; the words are the domain's (deal-plan-words.ts), which the
// history sentences use too.
export {
  COMPETITOR_KIND_LABELS,
  INFLUENCE_LABELS,
  MODE_LABELS,
  OBJECTIVE_STATUS_LABELS,
  ROLE_LABELS,
  STEP_STATUS_LABELS,
} from '../../../domain/deal-plan-words';
import { ROLE_LABELS } from '../../../domain/deal-plan-words';

/** Positive modes (see a gap) in warm-to-green, negative ones in grey and red. */
export const MODE_COLOURS: Record<NonNullable<BuyingInfluence['responseMode']>, string> = {
  growth: 'green',
  trouble: 'orange',
  even_keel: 'gray',
  overconfident: 'red',
};

export const OBJECTIVE_STATUS_COLOURS: Record<SingleSalesObjective['status'], string> = {
  open: 'blue',
  achieved: 'green',
  abandoned: 'gray',
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
