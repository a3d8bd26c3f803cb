import { addMonths, type IsoDate } from './calendar';
import type { FieldIssue } from './errors';

// Whitespace (DOMAIN.md, "Key accounts"): per key account and product, the potential (the one the
// owner entered, or else the account's annual revenue times the product's typical share), what was won in the last 12 months, the open pipeline, and the gap = potential − won −
// open (never below 0), so the plan aims at the largest gaps. All money in integer minor units of
// the organisation's currency; a deal without a rate is left out, as on the dashboards.

export type WhitespaceProduct = {
  productId: string;
  productName: string;
  /** The product's typical share of an account's annual revenue, in basis points (200 = 2 %). */
  typicalShareBp?: number | null;
};

/** Where a product's potential comes from: entered by the owner, derived, or there is none. */
export const POTENTIAL_BASES = ['entered', 'derived', 'none'] as const;
export type PotentialBasis = (typeof POTENTIAL_BASES)[number];

/**
 * The account's size (its annual revenue, minor units) times the product's typical share (basis
 * points), rounded half up to whole minor units; null when either is unknown. Exact for any
 * safe-integer revenue: the revenue is split so no product exceeds 2^53.
 */
export function derivedPotentialMinor(
  annualRevenueMinor: number | null,
  typicalShareBp: number | null,
): number | null {
  if (annualRevenueMinor === null || typicalShareBp === null) return null;
  const whole = Math.floor(annualRevenueMinor / 10_000);
  const rest = annualRevenueMinor - whole * 10_000;
  return whole * typicalShareBp + Math.floor((rest * typicalShareBp + 5_000) / 10_000);
}

/** The potential of one product: the entered one if any, else the derived one, else none. */
export function potentialOf(
  enteredMinor: number | null,
  annualRevenueMinor: number | null,
  typicalShareBp: number | null,
): { potentialMinor: number | null; potentialBasis: PotentialBasis } {
  if (enteredMinor !== null) return { potentialMinor: enteredMinor, potentialBasis: 'entered' };
  const derived = derivedPotentialMinor(annualRevenueMinor, typicalShareBp);
  return derived === null
    ? { potentialMinor: null, potentialBasis: 'none' }
    : { potentialMinor: derived, potentialBasis: 'derived' };
}

/** A deal of the account, its amount already in the organisation's currency (null: no rate). */
export type WhitespaceDeal = {
  productId: string | null;
  stageKind: 'open' | 'won' | 'lost';
  closedOn: IsoDate | null;
  convertedMinor: number | null;
};

export type ProductFigures = { wonMinor: number; openMinor: number };

export type WhitespaceRow = WhitespaceProduct &
  ProductFigures & {
    potentialMinor: number | null;
    potentialBasis: PotentialBasis;
    gapMinor: number;
  };

export type Whitespace = {
  items: WhitespaceRow[];
  totals: { potentialMinor: number; wonMinor: number; openMinor: number; gapMinor: number };
};

/** Won in the 12 months up to `today` (after today − 12 months, up to today) and open now. */
export function dealFiguresByProduct(
  deals: readonly WhitespaceDeal[],
  today: IsoDate,
): Map<string, ProductFigures> {
  const from = addMonths(today, -12);
  const figures = new Map<string, ProductFigures>();
  for (const deal of deals) {
    if (deal.productId === null || deal.convertedMinor === null) continue;
    const sum = figures.get(deal.productId) ?? { wonMinor: 0, openMinor: 0 };
    if (deal.stageKind === 'open') sum.openMinor += deal.convertedMinor;
    else if (
      deal.stageKind === 'won' &&
      deal.closedOn !== null &&
      deal.closedOn > from &&
      deal.closedOn <= today
    )
      sum.wonMinor += deal.convertedMinor;
    figures.set(deal.productId, sum);
  }
  return figures;
}

/** The gap: what is left of the potential once won and open are counted; 0 without potential. */
export function whitespaceGap(
  potentialMinor: number | null,
  { wonMinor, openMinor }: ProductFigures,
): number {
  return Math.max(0, (potentialMinor ?? 0) - wonMinor - openMinor);
}

/**
 * Every product listed (those without deals or potential too), with its figures, its potential
 * (entered, or derived from the account's annual revenue and the product's typical share) and
 * gap, the largest gap first (then by name), and the totals.
 */
export function whitespaceOf(
  products: readonly WhitespaceProduct[],
  potentials: ReadonlyMap<string, number>,
  figures: ReadonlyMap<string, ProductFigures>,
  annualRevenueMinor: number | null = null,
): Whitespace {
  const items = products.map((product) => {
    const figure = figures.get(product.productId) ?? { wonMinor: 0, openMinor: 0 };
    const { potentialMinor, potentialBasis } = potentialOf(
      potentials.get(product.productId) ?? null,
      annualRevenueMinor,
      product.typicalShareBp ?? null,
    );
    return {
      ...product,
      potentialMinor,
      potentialBasis,
      // Only the figures: a figure row may carry more (the entered potential) than they are.
      wonMinor: figure.wonMinor,
      openMinor: figure.openMinor,
      gapMinor: whitespaceGap(potentialMinor, figure),
    };
  });
  items.sort((a, b) => b.gapMinor - a.gapMinor || a.productName.localeCompare(b.productName, 'en'));
  const totals = { potentialMinor: 0, wonMinor: 0, openMinor: 0, gapMinor: 0 };
  for (const item of items) {
    totals.potentialMinor += item.potentialMinor ?? 0;
    totals.wonMinor += item.wonMinor;
    totals.openMinor += item.openMinor;
    totals.gapMinor += item.gapMinor;
  }
  return { items, totals };
}

export type PotentialInput = { productId: string; potentialMinor: number };

/**
 * The owner's potentials as sent: whole minor units, not negative, one per product, each product
 * of the organisation. Every issue is named by its field.
 */
export function potentialIssues(
  potentials: readonly PotentialInput[],
  productIds: ReadonlySet<string>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  potentials.forEach((p, i) => {
    const field = `potentials.${i}`;
    if (!Number.isInteger(p.potentialMinor))
      issues.push({ field: `${field}.potentialMinor`, reason: 'must be whole minor units' });
    else if (p.potentialMinor < 0)
      issues.push({ field: `${field}.potentialMinor`, reason: 'must not be negative' });
    else if (p.potentialMinor > Number.MAX_SAFE_INTEGER)
      issues.push({ field: `${field}.potentialMinor`, reason: 'is too large' });
    if (!productIds.has(p.productId))
      issues.push({ field: `${field}.productId`, reason: 'is not a product here' });
    else if (seen.has(p.productId))
      issues.push({ field: `${field}.productId`, reason: 'is listed twice' });
    seen.add(p.productId);
  });
  return issues;
}
