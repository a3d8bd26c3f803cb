import { describe, expect, it } from 'vitest';
import { createRandom, createWeightedSampler } from './random';

const draw = (seed: number, times = 5) => {
  const random = createRandom(seed);
  return Array.from({ length: times }, () => random.next());
};

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('forks independent generators that do not move the parent', () => {
    const parent = createRandom(1);
    const child = parent.fork('accounts');
    expect(child.next()).toBe(createRandom(1).fork('accounts').next());
    expect(parent.next()).toBe(createRandom(1).next());
    expect(createRandom(1).fork('a').next()).not.toBe(createRandom(1).fork('b').next());
  });

  it('formats version-4 UUIDs', () => {
    const random = createRandom(7);
    const ids = Array.from({ length: 200 }, () => random.uuid());
    const version4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(ids.filter((id) => !version4.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(200);
  });

  it('keeps integers in range and counts that average their expectation', () => {
    const random = createRandom(3);
    const ints = Array.from({ length: 1_000 }, () => random.int(2, 4));
    expect(new Set(ints)).toEqual(new Set([2, 3, 4]));
    const counts = Array.from({ length: 10_000 }, () => random.count(2.3));
    expect(counts.reduce((a, b) => a + b, 0) / counts.length).toBeCloseTo(2.3, 1);
  });

  it('picks by weight, never an item of weight zero', () => {
    const random = createRandom(5);
    const sample = createWeightedSampler([0, 3, 1]);
    const picks = Array.from({ length: 4_000 }, () => sample(random));
    expect(picks.includes(0)).toBe(false);
    expect(picks.filter((i) => i === 1).length / picks.length).toBeCloseTo(0.75, 1);
    const items = Array.from({ length: 4_000 }, () => random.pickWeighted(['a', 'b'], [1, 0]));
    expect(new Set(items)).toEqual(new Set(['a']));
  });
});
