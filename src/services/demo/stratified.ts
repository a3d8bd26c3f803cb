import type { Random } from './random';

// Draws that keep the demo's per-rep proportions close to their expectation: with some forty
// won deals a year per rep, independent draws put one rep's Strategic revenue at a fifth of the
// segment mix and another's Core at three times it. These draw the same proportions with counts
// that stay within two or three of the expected count at every step (each from a random start).

// The golden ratio's fractional part: consecutive multiples spread evenly over [0, 1).
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** Indexes in proportion to `weights` (a golden-ratio sequence): each count near its share at every step. */
export function createStratifiedPicker(random: Random, weights: readonly number[]): () => number {
  const total = weights.reduce((sum, weight) => sum + Math.max(0, weight), 0);
  if (!(total > 0)) throw new Error('createStratifiedPicker needs a positive weight');
  let unit = random.next();
  return () => {
    unit = (unit + GOLDEN) % 1;
    let target = unit * total;
    for (let index = 0; index < weights.length; index++) {
      target -= Math.max(0, weights[index] ?? 0);
      if (target < 0) return index;
    }
    return weights.length - 1;
  };
}

/**
 * True with probability `p` per call, as a running sum: after any number of calls the count of
 * trues is within one of the sum of their probabilities.
 */
export function createDither(random: Random): (p: number) => boolean {
  let carried = random.next();
  return (p) => {
    carried += Math.min(1, Math.max(0, p));
    if (carried < 1) return false;
    carried -= 1;
    return true;
  };
}

/**
 * Whether a deal of `amount` with a chance `p` is won: a draw at `p` moved by how far the won
 * revenue so far lies behind (or ahead of) its expectation, in units of `scale` (about one deal).
 * Each deal still wins at about its own chance, whatever its size, but the won revenue keeps
 * returning to the sum of chance × amount instead of wandering off by several large deals.
 */
export function createRevenueDither(
  random: Random,
  scale: number,
): (p: number, amount: number) => boolean {
  let behind = 0;
  return (p, amount) => {
    const chance = Math.min(1, Math.max(0, p + behind / scale));
    const won = random.next() < chance;
    behind += p * amount - (won ? amount : 0);
    return won;
  };
}
