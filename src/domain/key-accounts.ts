import { ValidationError } from './errors';
import { ceilCount } from './rounding';

// Key accounts (DOMAIN.md, seed 004): potential score = Σ weight_i·n_i / Σ weight_i, n_i in [0,1].
// A number criterion is min–max normalised over the organisation's accounts; when every account
// has the same value it gives 1 to all (nobody is below the top, and ranks do not change). A
// rating 1–5 gives (r − 1) / 4. A missing value gives 0 and is marked, so an unknown never lifts
// an account into the key list.

export const CRITERION_KINDS = ['number', 'rating'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];
export type PotentialCriterion = { id: string; kind: CriterionKind; weight: number };

/** A key-account plan's objectives are short-term (≤ 1 quarter) or long-term; its steps' states. */
export const KEY_ACCOUNT_OBJECTIVE_TERMS = ['short', 'long'] as const;
export const KEY_ACCOUNT_STEP_STATUSES = ['open', 'done', 'cancelled'] as const;

export type AccountCriteriaValues = {
  accountId: string;
  values: Record<string, number | null | undefined>;
};

export type CriterionContribution = {
  criterionId: string;
  value: number | null;
  normalised: number;
  weight: number;
  /** weight · normalised / Σ weights; the contributions sum to the score. */
  contribution: number;
  isMissing: boolean;
};

export type PotentialScore = {
  accountId: string;
  score: number;
  contributions: CriterionContribution[];
};

function validateCriteria(criteria: readonly PotentialCriterion[]): number {
  criteria.forEach((criterion, index) => {
    if (!Number.isFinite(criterion.weight) || criterion.weight < 0) {
      throw new ValidationError({
        field: `criteria[${index}].weight`,
        reason: 'must be a number of at least 0',
      });
    }
  });
  const weightSum = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  if (weightSum <= 0)
    throw new ValidationError({
      field: 'criteria',
      reason: 'need at least one criterion with a weight above 0',
    });
  return weightSum;
}

/** Scores every account's potential in [0, 1], with each criterion's contribution. */
export function scorePotential(
  criteria: readonly PotentialCriterion[],
  accounts: readonly AccountCriteriaValues[],
): PotentialScore[] {
  const weightSum = validateCriteria(criteria);
  const ranges = criteria.map((criterion) => {
    const values = accounts
      .map((a) => a.values[criterion.id])
      .filter((v): v is number => typeof v === 'number');
    return { min: Math.min(...values), max: Math.max(...values) };
  });
  return accounts.map((account) => {
    const contributions = criteria.map((criterion, c) => {
      const raw = account.values[criterion.id];
      const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
      let normalised = 0;
      if (value !== null && criterion.kind === 'rating') {
        if (value < 1 || value > 5) {
          throw new ValidationError({
            field: `accounts.${account.accountId}.${criterion.id}`,
            reason: 'a rating must be from 1 to 5',
          });
        }
        normalised = (value - 1) / 4;
      } else if (value !== null) {
        const { min, max } = ranges[c] ?? { min: value, max: value };
        normalised = max === min ? 1 : (value - min) / (max - min);
      }
      const contribution = (criterion.weight * normalised) / weightSum;
      return {
        criterionId: criterion.id,
        value,
        normalised,
        weight: criterion.weight,
        contribution,
        isMissing: value === null,
      };
    });
    // The score is the sum of the contributions, so the explanation adds up exactly.
    const score = contributions.reduce((sum, part) => sum + part.contribution, 0);
    return { accountId: account.accountId, score: Math.min(1, score), contributions };
  });
}

/**
 * The top X% of accounts by score (X from 5 to 20, default 10): ceil(X% · n) accounts, at least
 * one, plus every account tied with the last one at the cut. Highest score first, then by id.
 */
export function proposeKeyAccounts<Scored extends { accountId: string; score: number }>(
  scored: readonly Scored[],
  topPercent = 10,
): Scored[] {
  if (!Number.isFinite(topPercent) || topPercent < 5 || topPercent > 20) {
    throw new ValidationError({ field: 'topPercent', reason: 'must be from 5 to 20' });
  }
  if (scored.length === 0) return [];
  const sorted = [...scored].sort(
    (a, b) => b.score - a.score || (a.accountId < b.accountId ? -1 : 1),
  );
  const count = Math.max(1, ceilCount((topPercent * sorted.length) / 100));
  const cut = sorted[count - 1]?.score ?? 0;
  return sorted.filter((account) => account.score >= cut);
}
