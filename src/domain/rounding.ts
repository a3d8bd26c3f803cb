// Binary floating point turns 0.1 * 3 into 0.30000000000000004: a count computed from a ratio
// must not gain one because of that noise. Only noise is forgiven: a value within a few units in
// the last place of an integer (8·2^-52 of its size) counts as that integer. Every real fraction
// is rounded up; for a quotient of whole numbers below 5·10^14 that is exactly ceil(n / d), since
// its distance from an integer is at least 1 / d.
const FLOATING_POINT_NOISE = 8 * Number.EPSILON;

/** Rounds a count up, taking a value within floating-point noise of an integer as that integer. */
export function ceilCount(value: number): number {
  const nearest = Math.round(value);
  if (Math.abs(value - nearest) <= FLOATING_POINT_NOISE * Math.max(1, Math.abs(value))) {
    return nearest;
  }
  return Math.ceil(value);
}

/** ceil(numerator / denominator) for whole numbers (numerator ≥ 0, denominator > 0), exactly. */
export function ceilDivide(numerator: number, denominator: number): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  return Number((n + d - 1n) / d);
}
