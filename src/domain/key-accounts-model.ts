import { type CriterionKind, type PotentialCriterion } from './key-accounts';
import { ValidationError } from './errors';

// The organisation's scoring model (DOMAIN.md, "Key accounts"): which criteria, with which
// weights, and the top-X% cut. Each criterion takes its value from one source: a number of the
// account, a figure computed from the organisation's data, or a 1–5 rating entered per account.

export const CRITERION_SOURCES = [
  'annual_revenue',
  'employees',
  'won_revenue_12_months',
  'open_pipeline',
  'contacts_engaged',
  'growth_year_over_year',
  'rating',
] as const;
export type CriterionSource = (typeof CRITERION_SOURCES)[number];

/** The sources whose values are money, in minor units of the organisation's currency. */
export const MONEY_CRITERION_SOURCES = [
  'annual_revenue',
  'won_revenue_12_months',
  'open_pipeline',
  'growth_year_over_year',
] as const satisfies readonly CriterionSource[];

export const isMoneyCriterionSource = (source: CriterionSource): boolean =>
  (MONEY_CRITERION_SOURCES as readonly CriterionSource[]).includes(source);

/** How a leader overrides the proposal: add an account below the cut, or drop one above it. */
export const KEY_ACCOUNT_OVERRIDES = ['include', 'exclude'] as const;
export type KeyAccountOverride = (typeof KEY_ACCOUNT_OVERRIDES)[number];

export const CUT_PERCENT_RANGE = { min: 5, max: 20, default: 10 } as const;

export const kindOfSource = (source: CriterionSource): CriterionKind =>
  source === 'rating' ? 'rating' : 'number';

export type ModelCriterion = PotentialCriterion & { name: string; source: CriterionSource };

/** Refuses a model the score cannot use: no criterion, a duplicate name, a weight of 0 or less. */
export function checkScoringModel(criteria: readonly Omit<ModelCriterion, 'id' | 'kind'>[]): void {
  if (criteria.length === 0)
    throw new ValidationError({ field: 'criteria', reason: 'add at least one criterion' });
  const seen = new Set<string>();
  criteria.forEach((criterion, index) => {
    const name = criterion.name.trim().toLowerCase();
    if (seen.has(name))
      throw new ValidationError({
        field: `criteria.${index}.name`,
        reason: 'another criterion has this name',
      });
    seen.add(name);
    if (!(criterion.weight > 0))
      throw new ValidationError({ field: `criteria.${index}.weight`, reason: 'must be above 0' });
  });
}

export type ListChange = { movedIn: string[]; movedOut: string[] };

/**
 * What a new proposal changes against the confirmed list: accounts moved in (proposed, not yet
 * key accounts) and moved out (key accounts no longer proposed), each sorted by id.
 */
export function compareKeyAccountLists(
  confirmed: readonly string[],
  proposed: readonly string[],
): ListChange {
  const isConfirmed = new Set(confirmed);
  const isProposed = new Set(proposed);
  return {
    movedIn: [...isProposed].filter((id) => !isConfirmed.has(id)).sort(),
    movedOut: [...isConfirmed].filter((id) => !isProposed.has(id)).sort(),
  };
}

/**
 * The key-account list a leader confirms: the proposal, plus the accounts they include, minus
 * those they exclude. Every override needs a reason; including a proposed account or excluding
 * one that is not proposed is refused as meaningless.
 */
export function confirmKeyAccountList(
  proposed: readonly string[],
  overrides: readonly { accountId: string; decision: KeyAccountOverride; reason: string }[],
): string[] {
  const isProposed = new Set(proposed);
  const list = new Set(proposed);
  const seen = new Set<string>();
  overrides.forEach((override, index) => {
    if (seen.has(override.accountId))
      throw new ValidationError({
        field: `overrides.${index}.accountId`,
        reason: 'is overridden twice',
      });
    seen.add(override.accountId);
    if (override.reason.trim() === '')
      throw new ValidationError({
        field: `overrides.${index}.reason`,
        reason: 'say why you override the proposal',
      });
    if (override.decision === 'include') {
      if (isProposed.has(override.accountId))
        throw new ValidationError({
          field: `overrides.${index}.decision`,
          reason: 'the account is already proposed',
        });
      list.add(override.accountId);
    } else {
      if (!isProposed.has(override.accountId))
        throw new ValidationError({
          field: `overrides.${index}.decision`,
          reason: 'the account is not proposed',
        });
      list.delete(override.accountId);
    }
  });
  return [...list].sort();
}

/**
 * Accounts by score, highest first (then by id), each with its rank: 1 + the number of accounts
 * scoring higher, so tied accounts share a rank and the next rank skips (1, 2, 2, 4).
 */
export function rankByScore<Scored extends { accountId: string; score: number }>(
  scored: readonly Scored[],
): (Scored & { rank: number })[] {
  const sorted = [...scored].sort(
    (a, b) => b.score - a.score || (a.accountId < b.accountId ? -1 : 1),
  );
  let rank = 0;
  return sorted.map((account, index) => {
    if (index === 0 || account.score !== sorted[index - 1]?.score) rank = index + 1;
    return { ...account, rank };
  });
}
