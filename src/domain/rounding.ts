// Binary floating point turns 0.1 * 3 into 0.30000000000000004: a count computed from a ratio
// must not gain one because of that noise. The tolerance is relative for ordinary counts and never above a thousandth, so a count that
// is really a fraction above an integer is still rounded up.
const RELATIVE_TOLERANCE = 1e-9;
const MAX_TOLERANCE = 1e-3;

function toleranceFor(...values: number[]): number {
  return Math.min(MAX_TOLERANCE, RELATIVE_TOLERANCE * Math.max(1, ...values.map(Math.abs)));
}

/** Rounds a count up, taking a value within one part in a billion of an integer as that integer. */
export function ceilCount(value: number): number {
  const nearest = Math.round(value);
  if (Math.abs(value - nearest) <= toleranceFor(value)) {
    return nearest;
  }
  return Math.ceil(value);
}
