import { z } from 'zod';
import { BUYING_INFLUENCE_ROLES } from '../domain/deal-plan';
import { KEY_ACCOUNT_OBJECTIVE_TERMS, KEY_ACCOUNT_STEP_STATUSES } from '../domain/key-accounts';
import { BENCHMARK_SOURCES, BENCHMARK_STATUSES } from '../domain/key-accounts-plan';
import { CHECK_IN_CADENCES } from '../domain/rep-plan-states';
import { HEALTHS, SEVERITIES } from '../domain/findings';
import { Id, IsoDate, IsoDateTime, NonBlank } from './common';

// A key-account plan (DOMAIN.md, "Key accounts") as the API reads it and as its owner saves it:
// the whole plan at once, with the version read (If-Match). Items carry ids the client chooses
// for new ones (a UUID), so a step can name the objective it serves and the person it aims at
// before either is saved.

const Text = z.string().trim().max(5_000);
const Strength = z.number().int().min(1).max(5);
const Figure = z.number().min(-1e15).max(1e15);

export const ObjectiveTerm = z.enum(KEY_ACCOUNT_OBJECTIVE_TERMS);
export const KeyAccountStepStatus = z.enum(KEY_ACCOUNT_STEP_STATUSES);
export const BenchmarkSource = z.enum(BENCHMARK_SOURCES);
export const BenchmarkStatus = z.enum(BENCHMARK_STATUSES);
export const ReviewCadence = z.enum(CHECK_IN_CADENCES);

export const RelationshipInput = z.object({
  id: Id,
  contactId: PickedContact(),
  role: z.enum(BUYING_INFLUENCE_ROLES).nullable().default(null),
  currentStrength: Strength,
  targetStrength: Strength,
  nextStep: Text.default(''),
  notes: Text.default(''),
});
function PickedContact() {
  return z.uuid({ error: 'pick a contact' });
}

export const ObjectiveInput = z.object({
  id: Id,
  term: ObjectiveTerm,
  description: NonBlank.max(500),
  dueOn: IsoDate.nullable().default(null),
});

export const StepInput = z.object({
  id: Id,
  what: NonBlank.max(500),
  ownerId: Id.nullable().default(null),
  dueOn: IsoDate.nullable().default(null),
  status: KeyAccountStepStatus.default('open'),
  objectiveId: Id.nullable().default(null),
  relationshipId: Id.nullable().default(null),
});

export const BenchmarkInput = z.object({
  id: Id,
  metric: NonBlank.max(200),
  /** Computed from the data when set; the actual is entered otherwise. */
  source: BenchmarkSource.nullable().default(null),
  baseline: Figure.nullable().default(null),
  target: Figure,
  dueOn: IsoDate.nullable().default(null),
  /** Only for an entered benchmark; ignored for a computed one. */
  actual: Figure.nullable().default(null),
});

export const KeyAccountPlanInput = z.object({
  cadence: ReviewCadence.default('quarterly'),
  commitment: Text.default(''),
  relationships: z.array(RelationshipInput).max(100).default([]),
  objectives: z.array(ObjectiveInput).max(100).default([]),
  steps: z.array(StepInput).max(200).default([]),
  benchmarks: z.array(BenchmarkInput).max(50).default([]),
});
export type KeyAccountPlanInput = z.infer<typeof KeyAccountPlanInput>;

export const AcknowledgementInput = z.object({ comment: Text.default('') });
export type AcknowledgementInput = z.infer<typeof AcknowledgementInput>;

export const ReviewInput = z.object({
  heldOn: IsoDate,
  whatChanged: Text.default(''),
  adjustments: Text.default(''),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

export const PlanParams = z.object({ accountId: Id });

const Finding = z.object({
  code: z.string(),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  field: z.string().optional(),
});

const BenchmarkActual = z.object({
  benchmarkId: Id,
  metric: z.string(),
  /** Where the actual came from (reviews before this was kept have none). */
  source: BenchmarkSource.nullable().optional(),
  target: z.number(),
  actual: z.number().nullable(),
  status: BenchmarkStatus,
});

export const KeyAccountReview = z.object({
  id: Id,
  heldOn: IsoDate,
  planVersion: z.number().int(),
  reviewedByName: z.string().nullable(),
  whatChanged: z.string(),
  adjustments: z.string(),
  benchmarkActuals: z.array(BenchmarkActual),
  /** What changed in the plan since the review before, in words. */
  changesSincePrevious: z.array(z.string()),
});

export const KeyAccountPlanView = z.object({
  accountId: Id,
  accountName: z.string(),
  fiscalYear: z.number().int(),
  /** 0 before the owner first saves it. */
  version: z.number().int().min(0),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  isKeyAccount: z.boolean(),
  cadence: ReviewCadence,
  commitment: z.string(),
  repSignedAt: IsoDateTime.nullable(),
  managerAcknowledgedAt: IsoDateTime.nullable(),
  managerComment: z.string(),
  relationships: z.array(
    RelationshipInput.extend({ contactName: z.string(), contactTitle: z.string().nullable() }),
  ),
  objectives: z.array(ObjectiveInput),
  steps: z.array(
    StepInput.extend({ position: z.number().int(), ownerName: z.string().nullable() }),
  ),
  benchmarks: z.array(BenchmarkInput.extend({ isComputed: z.boolean(), status: BenchmarkStatus })),
  opportunities: z.array(
    z.object({
      id: Id,
      name: z.string(),
      stageName: z.string(),
      stageKind: z.string(),
      amountMinor: z.number().int(),
      currency: z.string(),
      expectedCloseOn: IsoDate.nullable(),
      hasPlan: z.boolean(),
      health: z.enum(HEALTHS),
    }),
  ),
  contacts: z.array(z.object({ id: Id, name: z.string(), title: z.string().nullable() })),
  findings: z.array(Finding),
  reviews: z.array(KeyAccountReview),
  nextReviewDue: IsoDate.nullable(),
  isReviewDue: z.boolean(),
  history: z.array(
    z.object({ at: IsoDateTime, userName: z.string().nullable(), summary: z.string() }),
  ),
  canEdit: z.boolean(),
  canAcknowledge: z.boolean(),
  today: IsoDate,
});
export type KeyAccountPlanView = z.infer<typeof KeyAccountPlanView>;

export const KeyAccountListItem = z.object({
  accountId: Id,
  accountName: z.string(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  score: z.number(),
  isProposed: z.boolean(),
  planVersion: z.number().int().min(0),
  repSignedAt: IsoDateTime.nullable(),
  managerAcknowledgedAt: IsoDateTime.nullable(),
  nextReviewDue: IsoDate.nullable(),
  isReviewDue: z.boolean(),
});
export const KeyAccountList = z.object({
  items: z.array(KeyAccountListItem),
  total: z.number().int(),
  fiscalYear: z.number().int(),
});
export type KeyAccountList = z.infer<typeof KeyAccountList>;
