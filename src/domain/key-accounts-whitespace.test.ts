import { describe, expect, it } from 'vitest';
import {
  type WhitespaceDeal,
  dealFiguresByProduct,
  potentialIssues,
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
        potentialMinor: 100_000,
        wonMinor: 15_000,
        openMinor: 42_500,
        gapMinor: 42_500,
      },
      {
        productId: 'p2',
        productName: 'Beta',
        potentialMinor: 10_000,
        wonMinor: 8_000,
        openMinor: 6_000,
        gapMinor: 0,
      },
      {
        productId: 'p4',
        productName: 'Delta',
        potentialMinor: 0,
        wonMinor: 0,
        openMinor: 0,
        gapMinor: 0,
      },
      {
        productId: 'p3',
        productName: 'Gamma',
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
