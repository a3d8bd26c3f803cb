import { currencyFractionDigits } from '../../components/money';
import type { RepPlan, WeeklyPlanLine } from '../../../schemas/rep-plans';
import { useReference } from '../reference/useReference';

// Figures in a person's units (issue 17, item 8): states and activity types in words, a count
// with its noun in the singular or plural, targets in whole currency units.

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

/** €1,902,000 for 190,200,000 cents: a target in whole units, where cents mean nothing. */
export function formatWholeMoney(amountMinor: number, currency: string): string {
  const major = Math.round(amountMinor / 10 ** currencyFractionDigits(currency));
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    }).format(major);
  } catch {
    return `${major.toLocaleString('en-US')} ${currency}`;
  }
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
