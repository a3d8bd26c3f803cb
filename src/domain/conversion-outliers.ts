import type { OpportunityRow } from './opportunity';
import { twoProportionZ, Z_95 } from './proportions';

// Conversion outliers (DOMAIN.md, KPIs): per product, each rep's win rate against the rest of the
// organisation on that product, by a pooled two-proportion z-test; only reps with at least 10
// closed deals of the product are tested; |z| ≥ 1.96 is an alert.

export type ConversionComparison = {
  rep: string;
  product: string;
  won: number;
  closed: number;
  restWon: number;
  restClosed: number;
  winRate: number;
  restWinRate: number | null;
  z: number;
  direction: 'above' | 'below';
  isOutlier: boolean;
};

export type ConversionOutlier = Omit<ConversionComparison, 'isOutlier'>;

type Counts = { won: number; closed: number };

/** A rep's won and closed deals of a product (the grouped rows a database gives). */
export type RepProductCounts = { rep: string; product: string } & Counts;

/** Every testable rep × product comparison, by product then rep. */
export function compareRepConversion(
  rows: readonly Pick<OpportunityRow, 'ownerId' | 'productId' | 'outcome'>[],
  options: { minClosed?: number; zThreshold?: number } = {},
): ConversionComparison[] {
  const counts: RepProductCounts[] = [];
  const index = new Map<string, RepProductCounts>();
  for (const row of rows) {
    if (row.outcome === null) continue;
    const key = JSON.stringify([row.productId, row.ownerId]);
    let entry = index.get(key);
    if (!entry) {
      entry = { rep: row.ownerId, product: row.productId, won: 0, closed: 0 };
      index.set(key, entry);
      counts.push(entry);
    }
    entry.won += row.outcome === 'won' ? 1 : 0;
    entry.closed += 1;
  }
  return compareRepConversionCounts(counts, options);
}

/** The same comparisons from counts per rep × product (each pair at most once). */
export function compareRepConversionCounts(
  counts: readonly RepProductCounts[],
  options: { minClosed?: number; zThreshold?: number } = {},
): ConversionComparison[] {
  const minClosed = options.minClosed ?? 10;
  const threshold = options.zThreshold ?? Z_95;
  const byProduct = new Map<string, Map<string, Counts>>();
  for (const entry of counts) {
    const reps = byProduct.get(entry.product) ?? new Map<string, Counts>();
    const known = reps.get(entry.rep) ?? { won: 0, closed: 0 };
    reps.set(entry.rep, { won: known.won + entry.won, closed: known.closed + entry.closed });
    byProduct.set(entry.product, reps);
  }
  const comparisons: ConversionComparison[] = [];
  for (const product of [...byProduct.keys()].sort()) {
    const reps = byProduct.get(product) ?? new Map<string, Counts>();
    const total = [...reps.values()].reduce(
      (sum, c) => ({ won: sum.won + c.won, closed: sum.closed + c.closed }),
      { won: 0, closed: 0 },
    );
    for (const rep of [...reps.keys()].sort()) {
      const { won, closed } = reps.get(rep) ?? { won: 0, closed: 0 };
      if (closed < minClosed) continue;
      const restWon = total.won - won;
      const restClosed = total.closed - closed;
      const z = twoProportionZ(won, closed, restWon, restClosed);
      const winRate = won / closed;
      const restWinRate = restClosed === 0 ? null : restWon / restClosed;
      const direction = restWinRate !== null && winRate < restWinRate ? 'below' : 'above';
      comparisons.push({
        rep,
        product,
        won,
        closed,
        restWon,
        restClosed,
        winRate,
        restWinRate,
        z,
        direction,
        isOutlier: Math.abs(z) >= threshold,
      });
    }
  }
  return comparisons;
}

/** The comparisons where |z| ≥ 1.96: reps converting a product far above or below the rest. */
export function findConversionOutliers(
  rows: readonly Pick<OpportunityRow, 'ownerId' | 'productId' | 'outcome'>[],
  options: { minClosed?: number; zThreshold?: number } = {},
): ConversionOutlier[] {
  return compareRepConversion(rows, options)
    .filter((comparison) => comparison.isOutlier)
    .map(({ isOutlier: _isOutlier, ...outlier }) => outlier);
}

/** The outliers from counts per rep × product, as findConversionOutliers finds them from deals. */
export function findConversionOutliersInCounts(
  counts: readonly RepProductCounts[],
  options: { minClosed?: number; zThreshold?: number } = {},
): ConversionOutlier[] {
  return compareRepConversionCounts(counts, options)
    .filter((comparison) => comparison.isOutlier)
    .map(({ isOutlier: _isOutlier, ...outlier }) => outlier);
}
