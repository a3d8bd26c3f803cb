import { z } from 'zod';
import { STAGE_KINDS } from '../domain/opportunity';
import { Id } from './common';

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
