import { z } from 'zod';
import { ListCursor } from './list-cursor';
import { CsvExportQuery } from './csv-export';
import { Id, IsoDateTime, NonBlank, OptionalText, PageQuery } from './common';

export const ContactInput = z.object({
  accountId: Id,
  firstName: z.string().trim().max(200).default(''),
  lastName: NonBlank.max(200),
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  title: OptionalText,
  email: z.email().nullable().optional(),
  phone: OptionalText,
});
export type ContactInput = z.infer<typeof ContactInput>;

export const ContactPatch = ContactInput.partial();
export type ContactPatch = z.infer<typeof ContactPatch>;

export const Contact = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  externalId: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Contact = z.infer<typeof Contact>;

export const ContactListQuery = PageQuery.extend(CsvExportQuery.shape).extend({
  after: ListCursor.optional(),
  q: z.string().trim().optional(),
  accountId: Id.optional(),
  sort: z.enum(['lastName', 'createdAt']).default('lastName'),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;
