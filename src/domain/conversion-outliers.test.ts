import { describe, expect, it } from 'vitest';
import { compareRepConversion, findConversionOutliers } from './conversion-outliers';
import type { OpportunityOutcome } from './opportunity';

const deals = (ownerId: string, productId: string, won: number, lost: number) => [
  ...Array.from({ length: won }, () => ({
    ownerId,
    productId,
    outcome: 'won' as OpportunityOutcome,
  })),
  ...Array.from({ length: lost }, () => ({
    ownerId,
    productId,
    outcome: 'lost' as OpportunityOutcome,
  })),
];

// Product P1: Ana wins 8 of 10, Bob and Cy 3 of 10 each. Product P2: Eve wins 6 of 12, Dan 0 of 9.
const rows = [
  ...deals('ana', 'P1', 8, 2),
  ...deals('bob', 'P1', 3, 7),
  ...deals('cy', 'P1', 3, 7),
  ...deals('dan', 'P2', 0, 9),
  ...deals('eve', 'P2', 6, 6),
  { ownerId: 'ana', productId: 'P1', outcome: null },
];

describe('findConversionOutliers', () => {
  it('alerts where a rep converts a product far from the rest (|z| ≥ 1.96)', () => {
    // Ana vs the rest (6 of 20): pooled 14/30, z = 0.5 / sqrt(0.4667 · 0.5333 · (1/10 + 1/20)) = 2.588.
    // Eve vs Dan (0 of 9): pooled 6/21, z = 2.510. Dan has only 9 closed deals: not tested.
    expect(findConversionOutliers(rows)).toEqual([
      {
        rep: 'ana',
        product: 'P1',
        won: 8,
        closed: 10,
        restWon: 6,
        restClosed: 20,
        winRate: 0.8,
        restWinRate: 0.3,
        z: expect.closeTo(2.5877458475, 9),
        direction: 'above',
      },
      {
        rep: 'eve',
        product: 'P2',
        won: 6,
        closed: 12,
        restWon: 0,
        restClosed: 9,
        winRate: 0.5,
        restWinRate: 0,
        z: expect.closeTo(2.5099800796, 9),
        direction: 'above',
      },
    ]);
  });

  it('compares every rep with enough deals, outliers or not', () => {
    const bob = compareRepConversion(rows).find((c) => c.rep === 'bob');
    expect(bob).toEqual({
      rep: 'bob',
      product: 'P1',
      won: 3,
      closed: 10,
      restWon: 11,
      restClosed: 20,
      winRate: 0.3,
      restWinRate: 0.55,
      z: expect.closeTo(-1.2938729238, 9),
      direction: 'below',
      isOutlier: false,
    });
    expect(compareRepConversion(rows).map((c) => c.rep)).toEqual(['ana', 'bob', 'cy', 'eve']);
  });

  it('finds no difference when everyone wins everything, or the rep sells alone', () => {
    expect(
      compareRepConversion([...deals('a', 'P', 10, 0), ...deals('b', 'P', 10, 0)]).map((c) => c.z),
    ).toEqual([0, 0]);
    expect(compareRepConversion(deals('solo', 'P', 5, 5))).toMatchObject([
      { restClosed: 0, restWinRate: null, z: 0 },
    ]);
  });

  it('flags a rep below the rest', () => {
    const below = findConversionOutliers([
      ...deals('low', 'P', 1, 14),
      ...deals('b', 'P', 8, 7),
      ...deals('c', 'P', 8, 7),
    ]);
    expect(below.map((o) => [o.rep, o.direction])).toEqual([['low', 'below']]);
  });
});
