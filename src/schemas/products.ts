import { z } from 'zod';
import {
  AmountMinor,
  Currency,
  Id,
  IsoDateTime,
  NonBlank,
  OptionalText,
  PageQuery,
} from './common';

export const ProductInput = z.object({
  name: NonBlank.max(200),
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  series: OptionalText,
  listPriceMinor: AmountMinor.nullable().optional(),
  currency: Currency.optional(),
  /** A key account's typical share of its annual revenue spent on this product, basis points
   * (200 = 2 %): the whitespace potential where the owner entered none. */
  typicalShareBp: z.number().int().min(0).max(10_000).nullable().optional(),
  isActive: z.boolean().default(true),
});
export type ProductInput = z.infer<typeof ProductInput>;

// A patch changes only what it names: without a default, a missing isActive stays as it is.
export const ProductPatch = ProductInput.extend({ isActive: z.boolean() }).partial();
export type ProductPatch = z.infer<typeof ProductPatch>;

export const Product = z.object({
  id: Id,
  name: z.string(),
  externalId: z.string().nullable(),
  series: z.string().nullable(),
  listPriceMinor: z.number().int().nullable(),
  currency: Currency,
  typicalShareBp: z.number().int().nullable(),
  isActive: z.boolean(),
  createdAt: IsoDateTime,
});
export type Product = z.infer<typeof Product>;

export const ProductListQuery = PageQuery.extend({
  q: z.string().trim().optional(),
  isActive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(['name', 'listPriceMinor', 'createdAt']).default('name'),
});
export type ProductListQuery = z.infer<typeof ProductListQuery>;
