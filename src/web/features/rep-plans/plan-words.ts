import type { RepPlan, WeeklyPlanLine } from '../../../schemas/rep-plans';
import { useReference } from '../reference/useReference';

// Figures in a person's units (issue 17, item 8): states and activity types in words, a count
// with its noun in the singular or plural. Targets in whole currency units: formatWholeMoney
// (domain/money-format.ts).

export const STATE_WORDS: Record<RepPlan['state'], string> = {
  draft: 'Draft',
  proposed: 'Proposed',
  agreed: 'Agreed',
  revised: 'Revised',
};

export const BASIS_WORDS: Record<WeeklyPlanLine['basis'], string> = {
  norms: 'the norms',
  funnel: 'the funnel',
  override: 'the rep’s own figure',
};

/** '1 call', '3 calls', '0 first meetings'. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}

/** The organisation's label of an activity type ('First meeting'), its key in words meanwhile. */
export function useActivityTypeWords() {
  const reference = useReference();
  const label = (type: string) => {
    const known = reference.data?.activityTypes.find((t) => t.key === type)?.label;
    const words = known ?? type.replaceAll('_', ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  };
  /** '1 first meeting', '2 calls', in lower case for a sentence. */
  const count = (type: string, n: number) => countOf(n, label(type).toLowerCase());
  return { label, count };
}
