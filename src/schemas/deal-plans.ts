import { z } from 'zod';
import {
  ACTION_STEP_STATUSES,
  BUYING_INFLUENCE_ROLES,
  COMPETITOR_KINDS,
  COMPETITOR_NAME_RULE,
  CONFIDENCE_RANGE,
  INFLUENCE_LEVELS,
  OBJECTIVE_STATUSES,
  RESPONSE_MODES,
  lacksCompetitorName,
} from '../domain/deal-plan';
import type * as domain from '../domain/deal-plan';
import type { DealPlanCheckOptions } from '../domain/deal-plan-checks';
import { CHECKS, type FindingSummary, HEALTHS, SEVERITIES } from '../domain/findings';
import { Id, IsoDate, IsoDateTime, NonBlank } from './common';

// The deal plan (DOMAIN.md, "Deal plan") as the API reads and writes it. Read shapes carry ids and
// names; inputs carry only what a rep types. Field rules live here, once, for API and web. Each
// read shape `satisfies` its domain type, so the API plan is the domain plan (with names added)
// and the checks run on it as it is: a field renamed on one side fails the typecheck.

const Text = z.string().trim().max(5_000);
const optionalText = Text.default('');

export const ObjectiveStatus = z.enum(OBJECTIVE_STATUSES);
export const BuyingInfluenceRole = z.enum(BUYING_INFLUENCE_ROLES);
export const InfluenceLevel = z.enum(INFLUENCE_LEVELS);
export const ResponseMode = z.enum(RESPONSE_MODES);
export const CompetitorKind = z.enum(COMPETITOR_KINDS);
export const ActionStepStatus = z.enum(ACTION_STEP_STATUSES);
export const Confidence = z.number().int().min(CONFIDENCE_RANGE.min).max(CONFIDENCE_RANGE.max);
export const CheckFamily = z.enum(CHECKS);
export const Severity = z.enum(SEVERITIES);

const ObjectiveFields = z.object({
  title: Text.max(300),
  /** Buying influence ids: who this objective is about. */
  who: z.array(Id).max(50),
  whereWhen: Text,
  informationToCollect: Text,
  how: Text,
  /** Measurable. */
  desiredOutcome: Text,
  dueOn: IsoDate.nullable(),
  status: ObjectiveStatus,
});
export const SingleSalesObjectiveInput = ObjectiveFields.extend({
  title: Text.max(300).default(''),
  who: z.array(Id).max(50).default([]),
  whereWhen: optionalText,
  informationToCollect: optionalText,
  how: optionalText,
  desiredOutcome: optionalText,
  dueOn: IsoDate.nullable().default(null),
  status: ObjectiveStatus.default('open'),
});
export type SingleSalesObjectiveInput = z.infer<typeof SingleSalesObjectiveInput>;
// No defaults in a patch: a field left out stays as it is.
export const SingleSalesObjectivePatch = ObjectiveFields.partial();
export type SingleSalesObjectivePatch = z.infer<typeof SingleSalesObjectivePatch>;
export const SingleSalesObjective = ObjectiveFields.extend({
  id: Id,
  position: z.number().int(),
}) satisfies z.ZodType<domain.SingleSalesObjective>;
export type SingleSalesObjective = z.infer<typeof SingleSalesObjective>;

export const BuyingInfluenceInput = z.object({
  /** An existing contact of the deal's account... */
  contactId: Id.optional(),
  /** ...or a new one, created on the account. */
  newContact: z
    .object({ firstName: Text.max(200).default(''), lastName: NonBlank.max(200), title: Text })
    .optional(),
  role: BuyingInfluenceRole,
  influence: InfluenceLevel.default('medium'),
  responseMode: ResponseMode.nullable().default(null),
  notes: optionalText,
});
export type BuyingInfluenceInput = z.infer<typeof BuyingInfluenceInput>;
export const BuyingInfluencePatch = z
  .object({
    role: BuyingInfluenceRole,
    influence: InfluenceLevel,
    // A change is recorded with today's date, never overwritten.
    responseMode: ResponseMode,
    notes: Text,
  })
  .partial();
export type BuyingInfluencePatch = z.infer<typeof BuyingInfluencePatch>;
export const ResponseModeChange = z.object({
  mode: ResponseMode,
  recordedOn: IsoDate,
  recordedByName: z.string().nullable(),
});
export const BuyingInfluence = z.object({
  id: Id,
  contactId: Id,
  contactName: z.string(),
  contactTitle: z.string().nullable(),
  role: BuyingInfluenceRole,
  influence: InfluenceLevel,
  responseMode: ResponseMode.nullable(),
  modeHistory: z.array(ResponseModeChange),
  notes: z.string(),
}) satisfies z.ZodType<domain.BuyingInfluence>;
export type BuyingInfluence = z.infer<typeof BuyingInfluence>;

export const WinWin = z.object({
  buyerResult: Text,
  buyerPersonalWin: Text,
  ourWin: Text,
}) satisfies z.ZodType<domain.WinWin>;
export type WinWin = z.infer<typeof WinWin>;

export const CompetitorInput = z
  .object({
    kind: CompetitorKind,
    name: Text.max(300).default(''),
    differentiators: optionalText,
  })
  .refine((c) => !lacksCompetitorName(c), { path: ['name'], message: COMPETITOR_NAME_RULE });
export type CompetitorInput = z.infer<typeof CompetitorInput>;
export const CompetitorPatch = z
  .object({ kind: CompetitorKind, name: Text.max(300), differentiators: Text })
  .partial();
export type CompetitorPatch = z.infer<typeof CompetitorPatch>;
export const Competitor = z.object({
  id: Id,
  kind: CompetitorKind,
  name: z.string(),
  differentiators: z.string(),
}) satisfies z.ZodType<domain.Competitor>;
export type Competitor = z.infer<typeof Competitor>;

export const ActionStepInput = z.object({
  what: NonBlank.max(1_000),
  /** Defaults to the deal's owner. */
  ownerId: Id.optional(),
  dueOn: IsoDate.nullable().default(null),
  status: ActionStepStatus.default('open'),
  objectiveId: Id.nullable().default(null),
  influenceId: Id.nullable().default(null),
  competitorId: Id.nullable().default(null),
  dependsOnStepId: Id.nullable().default(null),
  confidence: Confidence.nullable().default(null),
});
export type ActionStepInput = z.infer<typeof ActionStepInput>;
export const ActionStepPatch = z
  .object({
    what: NonBlank.max(1_000),
    ownerId: Id,
    dueOn: IsoDate.nullable(),
    status: ActionStepStatus,
    objectiveId: Id.nullable(),
    influenceId: Id.nullable(),
    competitorId: Id.nullable(),
    dependsOnStepId: Id.nullable(),
    confidence: Confidence.nullable(),
    /** The activity a completed step produced. */
    activityId: Id.nullable(),
  })
  .partial();
export type ActionStepPatch = z.infer<typeof ActionStepPatch>;
export const ActionStep = z.object({
  id: Id,
  position: z.number().int(),
  what: z.string(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  dueOn: IsoDate.nullable(),
  status: ActionStepStatus,
  objectiveId: Id.nullable(),
  influenceId: Id.nullable(),
  competitorId: Id.nullable(),
  dependsOnStepId: Id.nullable(),
  confidence: Confidence.nullable(),
  completedOn: IsoDate.nullable(),
  activityId: Id.nullable(),
}) satisfies z.ZodType<domain.ActionStep>;
export type ActionStep = z.infer<typeof ActionStep>;

/** The new order of the plan's steps: every step id, once. */
export const ActionStepOrder = z.object({ stepIds: z.array(Id).min(1).max(500) });
export type ActionStepOrder = z.infer<typeof ActionStepOrder>;

export const DealPlanFinding = z.object({
  check: CheckFamily,
  severity: Severity,
  code: z.string(),
  message: z.string(),
  /** The field to fix, as `steps[2].dueOn`: indexes are positions in this plan's arrays. */
  field: z.string(),
}) satisfies z.ZodType<domain.DealPlanFinding>;
export type DealPlanFinding = z.infer<typeof DealPlanFinding>;

export const PlanHealth = z.object({
  error: z.number().int(),
  warning: z.number().int(),
  info: z.number().int(),
  total: z.number().int(),
  health: z.enum(HEALTHS),
}) satisfies z.ZodType<FindingSummary>;
export type PlanHealth = z.infer<typeof PlanHealth>;

export const PlanChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export const PlanTimelineEntry = z.object({
  id: Id,
  at: IsoDateTime,
  userName: z.string().nullable(),
  /** What happened, as a sentence: "Objective 2 achieved". */
  summary: z.string(),
  /** One line per field when a change touched several: "Due date: 1 Dec 2026 → 8 Dec 2026". */
  details: z.array(z.string()),
  entityType: z.string(),
  action: z.enum(['create', 'update', 'delete']),
  changes: z.array(PlanChange),
});
export type PlanTimelineEntry = z.infer<typeof PlanTimelineEntry>;

export const PlanCheckOptions = z.object({
  /** The organisation's today on the server: the browser's live checks use it too. */
  today: IsoDate,
  openStepsPerWeekCapacity: z.number().int(),
  /** The owner's open steps per ISO week on their other deals. */
  repOpenStepsByWeek: z.record(z.string(), z.number().int()),
  repId: Id,
}) satisfies z.ZodType<DealPlanCheckOptions>;
export type PlanCheckOptions = z.infer<typeof PlanCheckOptions>;

export const DealPlanView = z.object({
  opportunityId: Id,
  opportunityName: z.string(),
  accountId: Id.nullable(),
  accountName: z.string().nullable(),
  ownerId: Id,
  ownerName: z.string(),
  isOpen: z.boolean(),
  expectedCloseOn: IsoDate.nullable(),
  /** 0 until the first write; send it back in If-Match. */
  version: z.number().int().min(0),
  canEdit: z.boolean(),
  /** The deal owner and their manager comment on the plan; others who see it read the comments. */
  canComment: z.boolean(),
  objectives: z.array(SingleSalesObjective),
  influences: z.array(BuyingInfluence),
  winWin: WinWin,
  competition: z.array(Competitor),
  steps: z.array(ActionStep),
  findings: z.array(DealPlanFinding),
  health: PlanHealth,
  /** What the checks ran with, so the web can re-run them live on a draft. */
  checkOptions: PlanCheckOptions,
  history: z.array(PlanTimelineEntry),
});
export type DealPlanView = z.infer<typeof DealPlanView>;

export const DealPlanCommentInput = z.object({ body: NonBlank.max(10_000) });

export const DealPlanComment = z.object({
  id: Id,
  author: z.object({ id: Id, name: z.string() }),
  body: z.string(),
  createdAt: IsoDateTime,
});
export type DealPlanComment = z.infer<typeof DealPlanComment>;

/** The parts the checks read (a draft in the browser, the stored plan on the server): the domain plan. */
export const DealPlanDraft = DealPlanView.pick({
  isOpen: true,
  expectedCloseOn: true,
  objectives: true,
  influences: true,
  winWin: true,
  competition: true,
  steps: true,
}) satisfies z.ZodType<domain.DealPlan>;
export type DealPlanDraft = z.infer<typeof DealPlanDraft>;

export const PlanParams = z.object({ id: Id });
export const PlanItemParams = z.object({ id: Id, itemId: Id });
export const PlanHealthQuery = z.object({
  ids: z
    .string()
    .transform((text) => text.split(',').filter(Boolean))
    .pipe(z.array(Id).max(500)),
});
export const PlanHealthList = z.object({
  items: z.array(
    PlanHealth.extend({
      opportunityId: Id,
      hasPlan: z.boolean(),
      /**
       * An open deal without a plan that is worth one (at least its owner's average won deal, as
       * on the dashboards); false for every other deal.
       */
      needsPlan: z.boolean(),
    }),
  ),
});
export type PlanHealthList = z.infer<typeof PlanHealthList>;
