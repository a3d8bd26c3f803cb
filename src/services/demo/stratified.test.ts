import { describe, expect, it } from 'vitest';
import { createRandom } from './random';
import { createDither, createRevenueDither, createStratifiedPicker } from './stratified';

describe('stratified demo draws', () => {
  it('picks every index within three of its share of the draws so far', () => {
    const weights = [3, 2, 1.2, 0.7];
    const total = weights.reduce((sum, w) => sum + w, 0);
    for (const seed of [1, 2, 3]) {
      const pick = createStratifiedPicker(createRandom(seed), weights);
      const counts = weights.map(() => 0);
      for (let n = 1; n <= 500; n++) {
        const index = pick();
        counts[index] = (counts[index] ?? 0) + 1;
        counts.forEach((count, i) =>
          expect(Math.abs(count - (n * (weights[i] ?? 0)) / total)).toBeLessThan(3),
        );
      }
    }
  });

  it('never picks an index of weight 0', () => {
    const pick = createStratifiedPicker(createRandom(9), [0, 1, 0, 2]);
    const picked = new Set(Array.from({ length: 200 }, pick));
    expect([...picked].sort()).toEqual([1, 3]);
  });

  it('dithers: the trues so far stay within one of the probabilities summed', () => {
    const random = createRandom(5);
    const dither = createDither(createRandom(6));
    let expected = 0;
    let trues = 0;
    for (let n = 0; n < 1_000; n++) {
      const p = random.between(0.05, 0.6);
      expected += p;
      if (dither(p)) trues++;
      expect(Math.abs(trues - expected)).toBeLessThanOrEqual(1);
    }
  });
});

describe('revenue dither', () => {
  it('keeps the won revenue within a few deals of chance × amount, each deal at about its chance', () => {
    const random = createRandom(11);
    const win = createRevenueDither(createRandom(12), 20_000);
    let expected = 0;
    let won = 0;
    const bySize = { small: { deals: 0, won: 0 }, large: { deals: 0, won: 0 } };
    for (let n = 0; n < 4_000; n++) {
      const large = random.chance(0.3);
      const amount = large ? random.between(40_000, 120_000) : random.between(3_000, 15_000);
      const p = 0.3;
      expected += p * amount;
      const isWon = win(p, amount);
      if (isWon) won += amount;
      const size = bySize[large ? 'large' : 'small'];
      size.deals++;
      if (isWon) size.won++;
      expect(Math.abs(won - expected)).toBeLessThan(4 * 120_000);
    }
    // Small and large deals win at their chance alike: no size is favoured to balance revenue.
    expect(bySize.small.won / bySize.small.deals).toBeCloseTo(0.3, 1);
    expect(bySize.large.won / bySize.large.deals).toBeCloseTo(0.3, 1);
  });
});
