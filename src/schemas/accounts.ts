import { z } from 'zod';
import { ListCursor } from './list-cursor';
import { CsvExportQuery } from './csv-export';
import { ACCOUNT_STATUSES } from '../domain/account';
import {
  AmountMinor,
  Id,
  INT4_MAX,
  IsoDate,
  IsoDateTime,
  NonBlank,
  OptionalText,
  PageQuery,
} from './common';

export const AccountStatus = z.enum(ACCOUNT_STATUSES);
export type AccountStatus = z.infer<typeof AccountStatus>;

export const AccountInput = z.object({
  name: NonBlank.max(300),
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  segmentId: Id.nullable().optional(),
  status: AccountStatus.default('prospect'),
  ownerId: Id.nullable().optional(),
  territoryId: Id.nullable().optional(),
  industry: OptionalText,
  country: OptionalText,
  employees: z.number().int().min(0).max(INT4_MAX).nullable().optional(),
  annualRevenueMinor: AmountMinor.nullable().optional(),
  parentName: OptionalText,
  website: OptionalText,
});
export type AccountInput = z.infer<typeof AccountInput>;

export const AccountPatch = AccountInput.partial();
export type AccountPatch = z.infer<typeof AccountPatch>;

export const Account = z.object({
  id: Id,
  name: z.string(),
  externalId: z.string().nullable(),
  segmentId: Id.nullable(),
  segmentName: z.string().nullable(),
  status: AccountStatus,
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  territoryId: Id.nullable(),
  industry: z.string().nullable(),
  country: z.string().nullable(),
  employees: z.number().int().nullable(),
  annualRevenueMinor: z.number().int().nullable(),
  parentName: z.string().nullable(),
  website: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Account = z.infer<typeof Account>;

/** A row of the account list: the account and what is going on in it, within the caller's view. */
export const AccountListItem = Account.extend({
  /** The day of the last done activity on the account, or null when none. */
  lastActivityOn: IsoDate.nullable(),
  openDealCount: z.number().int().nonnegative(),
});
export type AccountListItem = z.infer<typeof AccountListItem>;

export const AccountListQuery = PageQuery.extend(CsvExportQuery.shape).extend({
  after: ListCursor.optional(),
  q: z.string().trim().optional(),
  ownerId: Id.optional(),
  /** The accounts this rep may work on: theirs, the shared pool, and those with a deal of theirs. */
  workableBy: Id.optional(),
  segmentId: Id.optional(),
  status: AccountStatus.optional(),
  sort: z.enum(['name', 'createdAt', 'updatedAt', 'status']).default('name'),
});
export type AccountListQuery = z.infer<typeof AccountListQuery>;
