import { z } from 'zod';
import { POTENTIAL_BASES } from '../domain/key-accounts-whitespace';
import { Id, IsoDate } from './common';
import { UnconvertedDeals } from './dashboards';

// The whitespace of a key account (DOMAIN.md, "Key accounts"): per product the potential its
// owner entered (or else the account's annual revenue × the product's typical share, `derived`), won in the last 12 months, the open pipeline and the gap, in integer minor units
// of the organisation's currency. The owner replaces the potentials as a whole; a product left
// out has none. Negative or fractional potentials are refused (422) by the service, which names
// the field. The potentials are versioned: the PUT sends the `version` read as If-Match.

const Minor = z.number().int();

export const WhitespaceItem = z.object({
  productId: Id,
  productName: z.string(),
  /** Entered by the owner, or else derived: the account's annual revenue × `typicalShareBp`. */
  potentialMinor: Minor.nullable(),
  potentialBasis: z.enum(POTENTIAL_BASES),
  /** The product's typical share of an account's annual revenue, basis points (200 = 2 %). */
  typicalShareBp: z.number().int().min(0).max(10_000).nullable(),
  wonMinor: Minor,
  openMinor: Minor,
  gapMinor: Minor.min(0),
});

export const KeyAccountWhitespace = z.object({
  accountId: Id,
  /** The potentials' version, sent back as If-Match (0 before they are first saved). */
  version: z.number().int().min(0),
  currency: z.string(),
  today: IsoDate,
  /** The account's size, the base of a derived potential (minor units; null: not known). */
  annualRevenueMinor: Minor.nullable(),
  items: z.array(WhitespaceItem),
  totals: z.object({
    potentialMinor: Minor,
    wonMinor: Minor,
    openMinor: Minor,
    gapMinor: Minor.min(0),
  }),
  /** The deals left out of won and open for want of an exchange rate, per currency. */
  unconverted: UnconvertedDeals,
  canEdit: z.boolean(),
});
export type KeyAccountWhitespace = z.infer<typeof KeyAccountWhitespace>;

export const WhitespaceInput = z.object({
  potentials: z.array(z.object({ productId: Id, potentialMinor: z.number() })).max(1_000),
});
export type WhitespaceInput = z.infer<typeof WhitespaceInput>;
