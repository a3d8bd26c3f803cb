// A small seeded pseudo-random generator (mulberry32) for the demo organisation: the same seed
// gives the same data on every machine, so demo screenshots, tests and bug reports agree.

export type Random = {
  /** A number in [0, 1). */
  next(): number;
  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number;
  /** A number in [min, max). */
  between(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item chosen with probability proportional to its weight. */
  pickWeighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Roughly normal (sum of four uniforms), mean `mean`, standard deviation `sd`. */
  normal(mean: number, sd: number): number;
  /** `expected` rounded up or down at random so that the average count is `expected`. */
  count(expected: number): number;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** A random-looking version-4 UUID string. */
  uuid(): string;
  /** An independent generator for one part of the data, so parts do not shift each other. */
  fork(label: string): Random;
};

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const nextUint32 = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => nextUint32() / 4_294_967_296;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));

  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => at(items, Math.floor(next() * items.length)),
    pickWeighted: (items, weights) => at(items, weightedIndex(weights, next())),
    normal: (mean, sd) => {
      // The sum of four uniforms has variance 4/12; rescale it to a unit standard deviation.
      const sum = next() + next() + next() + next();
      return mean + sd * (sum - 2) * Math.sqrt(3);
    },
    count: (expected) => {
      const whole = Math.floor(expected);
      return whole + (next() < expected - whole ? 1 : 0);
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [at(copy, j), at(copy, i)];
      }
      return copy;
    },
    uuid: () => formatUuid([nextUint32(), nextUint32(), nextUint32(), nextUint32()]),
    fork: (label) => createRandom(hashLabel(`${seed}:${label}`)),
  };
}

/**
 * Draws indexes with probability proportional to fixed weights in O(log n) per draw (used to
 * pick days by seasonality among ~550 days thousands of times).
 */
export function createWeightedSampler(weights: readonly number[]): (random: Random) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) {
    total += Math.max(0, weight);
    cumulative.push(total);
  }
  if (total <= 0) throw new Error('createWeightedSampler needs a positive weight');
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (at(cumulative, middle) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

function weightedIndex(weights: readonly number[], unit: number): number {
  const total = weights.reduce((sum, weight) => sum + Math.max(0, weight), 0);
  let target = unit * total;
  for (let index = 0; index < weights.length; index++) {
    target -= Math.max(0, at(weights, index));
    if (target < 0) return index;
  }
  return weights.length - 1;
}

function at<T>(items: readonly T[], index: number): T {
  if (index < 0 || index >= items.length) throw new Error('random pick from an empty list');
  return items[index] as T;
}

// FNV-1a: turns a label into a 32-bit seed.
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function formatUuid(words: readonly number[]): string {
  const hex = words.map((word) => word.toString(16).padStart(8, '0')).join('');
  // Version nibble 4 and variant bits 10xx, as a random (v4) UUID has.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
