import { ValidationError } from './errors';

// Small statistics on proportions (won of closed, opportunities of meetings), kept apart so the
// funnel and the conversion KPI share one implementation.

/** z for a two-sided 80% interval. */
export const Z_80 = 1.2816;
/** z beyond which a difference counts as significant at 5% (two-sided). */
export const Z_95 = 1.96;

/** Wilson score interval of successes / trials; null when there are no trials. */
export function wilsonInterval(
  successes: number,
  trials: number,
  z = Z_80,
): { low: number; high: number } | null {
  if (trials <= 0) return null;
  const p = Math.min(1, Math.max(0, successes / trials));
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const halfWidth =
    (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At p = 0 or 1 the bound is exactly 0 or 1; the formula leaves floating-point dust there.
  return {
    low: p === 0 ? 0 : Math.max(0, centre - halfWidth),
    high: p === 1 ? 1 : Math.min(1, centre + halfWidth),
  };
}

/**
 * Pooled two-proportion z statistic (p1 − p2) / sqrt(p̂(1 − p̂)(1/n1 + 1/n2)). Zero when the pooled
 * variance is zero (everyone won, or everyone lost): no difference to test.
 */
export function twoProportionZ(
  won1: number,
  closed1: number,
  won2: number,
  closed2: number,
): number {
  if (closed1 <= 0 || closed2 <= 0) return 0;
  const pooled = (won1 + won2) / (closed1 + closed2);
  const variance = pooled * (1 - pooled) * (1 / closed1 + 1 / closed2);
  if (variance <= 0) return 0;
  return (won1 / closed1 - won2 / closed2) / Math.sqrt(variance);
}

/** Reads a ratio written '0.25' or '25%' into 0.25; anything outside 0–1 is a ValidationError. */
export function parseRatio(text: string, field = 'ratio'): number {
  const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(text.trim());
  const value = match ? Number(match[1]) / (match[2] === '%' ? 100 : 1) : Number.NaN;
  if (!(value >= 0 && value <= 1)) {
    throw new ValidationError({
      field,
      reason: `"${text}" is not a rate between 0 and 1 (or 0% and 100%)`,
    });
  }
  return value;
}
