import { z } from 'zod';
import { PLAN_FORMAT_VERSION } from '../domain/plan-format';
import {
  BenchmarkInput,
  ObjectiveInput,
  RelationshipInput,
  ReviewCadence,
  StepInput,
} from './key-accounts-plans';
import { ContactRef, Key, KeyRef, RecordRef, UserRef } from './plan-format-records';

// A key-account plan in the open plan format (docs/plan-format/key-account-plan.schema.json):
// relationships by contact (external id or email), steps' owners by external id or email, and
// the plan's own items by `key`.

const {
  id: _relationshipId,
  contactId: _contactId,
  ...relationshipFields
} = RelationshipInput.shape;
const { id: _objectiveId, ...objectiveFields } = ObjectiveInput.shape;
const {
  id: _stepId,
  ownerId: _ownerId,
  objectiveId: _objective,
  relationshipId: _relationship,
  ...stepFields
} = StepInput.shape;
const { id: _benchmarkId, ...benchmarkFields } = BenchmarkInput.shape;

export const KeyAccountPlanDocument = z
  .object({
    format: z.literal('salesplan-key-account-plan'),
    formatVersion: z.literal(PLAN_FORMAT_VERSION),
    account: RecordRef.describe('The key account (informative on import: the URL names it)'),
    fiscalYear: z.number().int().describe('The fiscal year (informative on import)'),
    cadence: ReviewCadence,
    commitment: z.string().trim().max(5_000),
    relationships: z
      .array(
        z.object({
          key: Key,
          contact: ContactRef.describe(
            'Found on the account by externalId, then by email; created there when neither matches',
          ),
          ...relationshipFields,
        }),
      )
      .max(100),
    objectives: z.array(z.object({ key: Key, ...objectiveFields })).max(100),
    steps: z
      .array(
        z.object({
          ...stepFields,
          owner: UserRef.nullable().describe('A user of the organisation; null for nobody named'),
          objective: KeyRef,
          relationship: KeyRef,
        }),
      )
      .max(200),
    benchmarks: z.array(z.object(benchmarkFields)).max(50),
  })
  .meta({
    title: 'Salesplan key-account plan',
    description:
      "A key account's plan for a fiscal year (relationships, short- and long-term objectives, action steps, benchmarks, the written commitment) with contacts and users by external id or email",
  });
export type KeyAccountPlanDocument = z.infer<typeof KeyAccountPlanDocument>;
