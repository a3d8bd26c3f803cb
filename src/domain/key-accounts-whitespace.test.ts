import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type WhitespaceDeal,
  dealFiguresByProduct,
  derivedPotentialMinor,
  potentialIssues,
  potentialOf,
  whitespaceOf,
} from './key-accounts-whitespace';

const today = '2026-03-31';
const deal = (over: Partial<WhitespaceDeal>): WhitespaceDeal => ({
  productId: 'p1',
  stageKind: 'open',
  closedOn: null,
  convertedMinor: 0,
  ...over,
});

describe('dealFiguresByProduct', () => {
  it('counts won in the last 12 months and the open pipeline, not lost nor unconverted deals', () => {
    const figures = dealFiguresByProduct(
      [
        deal({ stageKind: 'open', convertedMinor: 40_000 }),
        deal({ stageKind: 'open', convertedMinor: 2_500 }),
        deal({ stageKind: 'won', closedOn: '2026-03-31', convertedMinor: 10_000 }),
        // 12 months before today is 2025-03-31: that day is outside, the next one inside.
        deal({ stageKind: 'won', closedOn: '2025-03-31', convertedMinor: 99_999 }),
        deal({ stageKind: 'won', closedOn: '2025-04-01', convertedMinor: 5_000 }),
        deal({ stageKind: 'won', closedOn: '2026-04-01', convertedMinor: 77_777 }),
        deal({ stageKind: 'lost', closedOn: '2026-03-01', convertedMinor: 30_000 }),
        deal({ stageKind: 'open', convertedMinor: null }),
        deal({ productId: 'p2', stageKind: 'won', closedOn: '2026-01-10', convertedMinor: 700 }),
        deal({ productId: null, stageKind: 'open', convertedMinor: 1_000_000 }),
      ],
      today,
    );
    // p1: open 40 000 + 2 500 = 42 500; won 10 000 + 5 000 = 15 000.
    expect(figures.get('p1')).toEqual({ wonMinor: 15_000, openMinor: 42_500 });
    expect(figures.get('p2')).toEqual({ wonMinor: 700, openMinor: 0 });
    expect(figures.size).toBe(2);
  });
});

describe('whitespaceOf', () => {
  it('gives the gap per product, never below 0, the largest first, and the totals', () => {
    const result = whitespaceOf(
      [
        { productId: 'p1', productName: 'Alpha' },
        { productId: 'p2', productName: 'Beta' },
        { productId: 'p3', productName: 'Gamma' },
        { productId: 'p4', productName: 'Delta' },
      ],
      new Map([
        ['p1', 100_000],
        ['p2', 10_000],
        ['p4', 0],
      ]),
      new Map([
        ['p1', { wonMinor: 15_000, openMinor: 42_500 }],
        ['p2', { wonMinor: 8_000, openMinor: 6_000 }],
        ['p3', { wonMinor: 1_000, openMinor: 0 }],
      ]),
    );
    // p1: 100 000 − 15 000 − 42 500 = 42 500; p2: 10 000 − 14 000 < 0 → 0; p3: no potential → 0.
    expect(result.items).toEqual([
      {
        productId: 'p1',
        productName: 'Alpha',
        potentialBasis: 'entered',
        potentialMinor: 100_000,
        wonMinor: 15_000,
        openMinor: 42_500,
        gapMinor: 42_500,
      },
      {
        productId: 'p2',
        productName: 'Beta',
        potentialBasis: 'entered',
        potentialMinor: 10_000,
        wonMinor: 8_000,
        openMinor: 6_000,
        gapMinor: 0,
      },
      {
        productId: 'p4',
        productName: 'Delta',
        potentialBasis: 'entered',
        potentialMinor: 0,
        wonMinor: 0,
        openMinor: 0,
        gapMinor: 0,
      },
      {
        productId: 'p3',
        productName: 'Gamma',
        potentialBasis: 'none',
        potentialMinor: null,
        wonMinor: 1_000,
        openMinor: 0,
        gapMinor: 0,
      },
    ]);
    expect(result.totals).toEqual({
      potentialMinor: 110_000,
      wonMinor: 24_000,
      openMinor: 48_500,
      gapMinor: 42_500,
    });
  });
});

describe('derivedPotentialMinor', () => {
  it('is the annual revenue times the typical share, rounded half up; null when either is unknown', () => {
    // €5,000,000 annual revenue × 2 % = €100,000.
    expect(derivedPotentialMinor(500_000_000, 200)).toBe(10_000_000);
    expect(derivedPotentialMinor(12_345, 250)).toBe(309); // 308.625 → 309
    expect(derivedPotentialMinor(2, 2_500)).toBe(1); // 0.5 → 1
    expect(derivedPotentialMinor(null, 200)).toBeNull();
    expect(derivedPotentialMinor(500_000_000, null)).toBeNull();
    expect(derivedPotentialMinor(500_000_000, 0)).toBe(0);
  });
  it('equals revenue × share / 10 000 rounded half up, exactly, for any safe revenue', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 10_000 }),
        (revenue, share) => {
          const exact = (BigInt(revenue) * BigInt(share) * 2n + 10_000n) / 20_000n;
          expect(derivedPotentialMinor(revenue, share)).toBe(Number(exact));
        },
      ),
    );
  });
  it('is overridden by an entered potential, and none without either', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 1e12 })),
        fc.option(fc.integer({ min: 0, max: 1e12 })),
        fc.option(fc.integer({ min: 0, max: 10_000 })),
        (entered, revenue, share) => {
          const p = potentialOf(entered, revenue, share);
          if (entered !== null)
            expect(p).toEqual({ potentialMinor: entered, potentialBasis: 'entered' });
          else if (revenue !== null && share !== null)
            expect(p).toEqual({
              potentialMinor: derivedPotentialMinor(revenue, share),
              potentialBasis: 'derived',
            });
          else expect(p).toEqual({ potentialMinor: null, potentialBasis: 'none' });
        },
      ),
    );
  });
  it('fills the whitespace where nothing was entered, and the gap follows', () => {
    const result = whitespaceOf(
      [
        { productId: 'p1', productName: 'Alpha', typicalShareBp: 200 },
        { productId: 'p2', productName: 'Beta', typicalShareBp: 100 },
        { productId: 'p3', productName: 'Gamma', typicalShareBp: null },
      ],
      new Map([['p2', 7_000]]),
      new Map([['p1', { wonMinor: 1_000, openMinor: 2_000 }]]),
      500_000,
    );
    expect(
      result.items.map((i) => [i.productId, i.potentialBasis, i.potentialMinor, i.gapMinor]),
    ).toEqual([
      // Equal gaps: by name.
      ['p1', 'derived', 10_000, 7_000],
      ['p2', 'entered', 7_000, 7_000],
      ['p3', 'none', null, 0],
    ]);
    expect(result.totals.potentialMinor).toBe(17_000);
  });
});

describe('potentialIssues', () => {
  it('names the field of a negative, fractional, unknown or repeated potential', () => {
    const products = new Set(['p1', 'p2']);
    expect(potentialIssues([{ productId: 'p1', potentialMinor: 5 }], products)).toEqual([]);
    expect(
      potentialIssues(
        [
          { productId: 'p1', potentialMinor: -1 },
          { productId: 'p2', potentialMinor: 1.5 },
          { productId: 'p9', potentialMinor: 1 },
          { productId: 'p1', potentialMinor: 1 },
        ],
        products,
      ),
    ).toEqual([
      { field: 'potentials.0.potentialMinor', reason: 'must not be negative' },
      { field: 'potentials.1.potentialMinor', reason: 'must be whole minor units' },
      { field: 'potentials.2.productId', reason: 'is not a product here' },
      { field: 'potentials.3.productId', reason: 'is listed twice' },
    ]);
  });
});
