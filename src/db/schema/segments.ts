import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, oneOf, orgIdColumn } from './columns';
import { organisations } from './organisations';
import { ACCOUNT_STATUSES } from '../../domain/account';

export const segments = pgTable(
  'segments',
  {
    orgId: orgIdColumn(),
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete('cascade'),
    uniqueIndex('segments_org_code_key').on(t.orgId, t.code),
  ],
);

// The organisation's own activity types; `first_meeting` is always there because the funnel counts it.
export const activityTypes = pgTable(
  'activity_types',
  {
    orgId: orgIdColumn(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    // Hours one activity of this type takes, for the capacity check of the activity plan.
    hours: numeric('hours', { mode: 'number' }).notNull().default(0.5),
    isSystem: boolean('is_system').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.key] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [organisations.id] }).onDelete('cascade'),
    check('activity_types_key_format', sql`${t.key} ~ '^[a-z][a-z0-9_]{0,39}$'`),
    check('activity_types_hours_range', sql`${t.hours} >= 0 and ${t.hours} <= 40`),
  ],
);

// Activity norms: per segment, account status and activity type, a count per year.
export const segmentNorms = pgTable(
  'segment_norms',
  {
    orgId: orgIdColumn(),
    segmentId: uuid('segment_id').notNull(),
    accountStatus: text('account_status', { enum: ACCOUNT_STATUSES }).notNull(),
    activityType: text('activity_type').notNull(),
    countPerYear: integer('count_per_year').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.segmentId, t.accountStatus, t.activityType] }),
    foreignKey({
      columns: [t.orgId, t.segmentId],
      foreignColumns: [segments.orgId, segments.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.activityType],
      foreignColumns: [activityTypes.orgId, activityTypes.key],
    }),
    check('segment_norms_status_valid', oneOf('account_status', ACCOUNT_STATUSES)),
    check('segment_norms_count_range', sql`${t.countPerYear} between 0 and 1000`),
  ],
);
