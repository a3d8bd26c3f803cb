import { z } from 'zod';
import { ListCursor } from './list-cursor';
import { CsvExportQuery } from './csv-export';
import { ACTIVITY_STATUSES } from '../domain/activity';
import { Id, IsoDate, IsoDateTime, OptionalText, PageQuery, PickedDate, PickedId } from './common';

export const ActivityStatus = z.enum(ACTIVITY_STATUSES);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

export const ActivityInput = z.object({
  type: z.string().trim().min(1, 'pick a type').max(40),
  status: ActivityStatus,
  occursOn: PickedDate('a date'),
  // Defaults to the signed-in user.
  ownerId: Id.optional(),
  accountId: PickedId('an account'),
  opportunityId: Id.nullable().optional(),
  contactId: Id.nullable().optional(),
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  subject: z.string().trim().max(500).default(''),
  outcome: OptionalText,
});
export type ActivityInput = z.infer<typeof ActivityInput>;

export const ActivityPatch = ActivityInput.partial();
export type ActivityPatch = z.infer<typeof ActivityPatch>;

export const Activity = z.object({
  id: Id,
  type: z.string(),
  typeLabel: z.string(),
  status: ActivityStatus,
  occursOn: IsoDate,
  ownerId: Id,
  ownerName: z.string(),
  accountId: Id,
  accountName: z.string(),
  opportunityId: Id.nullable(),
  opportunityName: z.string().nullable(),
  contactId: Id.nullable(),
  contactName: z.string().nullable(),
  externalId: z.string().nullable(),
  subject: z.string(),
  outcome: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Activity = z.infer<typeof Activity>;

export const ActivityListQuery = PageQuery.extend(CsvExportQuery.shape).extend({
  after: ListCursor.optional(),
  q: z.string().trim().optional(),
  ownerId: Id.optional(),
  /** A team: the activities of the reps whose manager this is (the dashboards' drill-down). */
  managerId: Id.optional(),
  accountId: Id.optional(),
  opportunityId: Id.optional(),
  type: z.string().optional(),
  status: ActivityStatus.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  agendaFrom: IsoDate.optional().describe(
    'An agenda from this day (usually today): every activity on or after it, and the planned ones before it (overdue). Sort by occursOn ascending to read it overdue first, then the day, then the days after.',
  ),
  sort: z.enum(['occursOn', 'createdAt', 'type']).default('occursOn'),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
