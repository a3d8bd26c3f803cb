import { z } from 'zod';

// The pieces every plan document (src/schemas/plan-format*.ts) is built of: the plan's own items
// named by a `key`, and Salesplan's records named as another tool knows them (external id, email,
// name or code) instead of by Salesplan's ids.

export const DocumentText = z.string().max(5_000);
export const Key = z
  .string()
  .min(1)
  .max(100)
  .describe('Names this item within the document; other items refer to it by this key');
export const KeyRef = Key.nullable().describe("Another item's key in this document, or null");
export const ExternalId = z.string().min(1).max(200).nullable();

/** A record as the other tool knows it; informative where the URL names the record. */
export const RecordRef = z.object({ externalId: ExternalId, name: z.string() });

export const UserRef = z
  .object({
    externalId: ExternalId.describe("The user's id in the other tool"),
    email: z.email().nullable(),
  })
  .describe('A user of the organisation, found by externalId, then by email');
export type UserRef = z.infer<typeof UserRef>;

export const AccountRef = z
  .object({
    externalId: ExternalId.describe("The account's id in the other tool"),
    name: z.string().trim().min(1).max(300),
  })
  .describe(
    'An account, found by externalId, then by its exact name (a name two accounts share finds neither)',
  );
export type AccountRef = z.infer<typeof AccountRef>;

export const ProductRef = z
  .object({
    externalId: ExternalId.describe("The product's id in the other tool"),
    name: z.string().trim().min(1).max(300),
  })
  .describe('A product, found by externalId, then by its name');
export type ProductRef = z.infer<typeof ProductRef>;

export const SegmentRef = z
  .object({ code: z.string().trim().min(1).max(50), name: z.string().max(200) })
  .describe('A segment, found by code, then by name');
export type SegmentRef = z.infer<typeof SegmentRef>;

export const ContactRef = z.object({
  externalId: ExternalId.describe("The contact's id in the other tool"),
  email: z.email().nullable(),
  firstName: z.string().max(200),
  lastName: z.string().trim().min(1).max(200),
  title: z.string().max(200).nullable(),
});
export type ContactRef = z.infer<typeof ContactRef>;
