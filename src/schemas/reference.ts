import { z } from 'zod';
import { STAGE_KINDS } from '../domain/opportunity';
import { Id, NonBlank, PageQuery } from './common';

// The organisation's own lists that forms pick from.
export const StageKind = z.enum(STAGE_KINDS);
export type StageKind = z.infer<typeof StageKind>;

export const Stage = z.object({
  id: Id,
  name: z.string(),
  position: z.number().int(),
  probabilityPercent: z.number().int().min(0).max(100),
  kind: StageKind,
});
export type Stage = z.infer<typeof Stage>;

export const Segment = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  description: z.string(),
});
export type Segment = z.infer<typeof Segment>;

export const ActivityType = z.object({
  key: z.string(),
  label: z.string(),
  hours: z.number(),
  isSystem: z.boolean(),
});
export type ActivityType = z.infer<typeof ActivityType>;

export const Territory = z.object({ id: Id, name: z.string() });
export type Territory = z.infer<typeof Territory>;

export const ReferenceData = z.object({
  stages: z.array(Stage),
  segments: z.array(Segment),
  activityTypes: z.array(ActivityType),
  territories: z.array(Territory),
});
export type ReferenceData = z.infer<typeof ReferenceData>;

// What admins change (the /api/stages, /api/segments, /api/territories, /api/activity-types
// routes). A broken rule between fields (a won stage below 100%) is the service's 422.

/** Lists of reference records: small, one page by default, in their natural order. */
export const ReferenceListQuery = PageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(500).default(500),
  q: z.string().trim().max(200).optional(),
});
export type ReferenceListQuery = z.infer<typeof ReferenceListQuery>;

export const StageInput = z.object({
  name: NonBlank.max(100),
  position: z.number().int().min(1).max(1000),
  probabilityPercent: z.number().int().min(0).max(100),
  kind: StageKind,
});
export type StageInput = z.infer<typeof StageInput>;
export const StagePatch = StageInput.partial();
export type StagePatch = z.infer<typeof StagePatch>;

export const SegmentInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'must not be blank')
    .max(20)
    .regex(/^[A-Za-z0-9_-]+$/, 'may hold letters, digits, - and _ only'),
  name: NonBlank.max(200),
  description: z.string().trim().max(2000).default(''),
});
export type SegmentInput = z.infer<typeof SegmentInput>;
// A patch changes only what it names: no defaults, or a missing field would be reset.
export const SegmentPatch = SegmentInput.extend({
  description: z.string().trim().max(2000),
}).partial();
export type SegmentPatch = z.infer<typeof SegmentPatch>;

export const TerritoryDetail = Territory.extend({
  externalId: z.string().nullable(),
  /** Relative potential, used by the territory model of the strategy cascade. */
  potential: z.number().min(0),
});
export type TerritoryDetail = z.infer<typeof TerritoryDetail>;
export const TerritoryInput = z.object({
  name: NonBlank.max(200),
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  potential: z.number().min(0).max(1_000_000).default(1),
});
export type TerritoryInput = z.infer<typeof TerritoryInput>;
export const TerritoryPatch = TerritoryInput.extend({
  potential: z.number().min(0).max(1_000_000),
}).partial();
export type TerritoryPatch = z.infer<typeof TerritoryPatch>;

export const ActivityTypeDetail = ActivityType.extend({ position: z.number().int() });
export type ActivityTypeDetail = z.infer<typeof ActivityTypeDetail>;
/** The key is how imports and activities name the type: lower-case, fixed once created. */
export const ActivityTypeKey = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    'must be lower-case letters, digits and _, starting with a letter',
  );
export const ActivityTypeInput = z.object({
  key: ActivityTypeKey,
  label: NonBlank.max(100),
  /** Hours one activity of this type takes (the activity plan's capacity check). */
  hours: z.number().min(0).max(40),
  position: z.number().int().min(0).max(1000).default(0),
});
export type ActivityTypeInput = z.infer<typeof ActivityTypeInput>;
export const ActivityTypePatch = ActivityTypeInput.omit({ key: true })
  .extend({ position: z.number().int().min(0).max(1000) })
  .partial();
export type ActivityTypePatch = z.infer<typeof ActivityTypePatch>;
export const ActivityTypeParams = z.object({ key: ActivityTypeKey });
