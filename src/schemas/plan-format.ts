import { z } from 'zod';
import { PLAN_DOCUMENT_KINDS, PLAN_FORMAT_VERSION } from '../domain/plan-format';
import { IsoDate } from './common';
import {
  ActionStepStatus,
  BuyingInfluenceRole,
  CompetitorKind,
  Confidence,
  InfluenceLevel,
  ObjectiveStatus,
  ResponseMode,
  WinWin,
} from './deal-plans';
import { KeyAccountPlanDocument } from './plan-format-key-account-plan';
import { ContactRef, DocumentText, Key, KeyRef, RecordRef } from './plan-format-records';
import { RepPlanDocument } from './plan-format-rep-plan';
import { StrategyDocument } from './plan-format-strategy';
import { TeamPlanDocument } from './plan-format-team-plan';

// The open plan format: the documents' schemas, published as JSON Schema
// (docs/plan-format/*.schema.json, GET /api/schemas/{name}). Records are named by external id or
// email, items of the plan by a `key` unique within the document.

const Text = DocumentText;

const DealPlanObjective = z.object({
  key: Key,
  title: z.string().max(300),
  who: z.array(Key).max(50).describe('Keys of buying influences of this document'),
  whereWhen: Text,
  informationToCollect: Text,
  how: Text,
  desiredOutcome: Text,
  dueOn: IsoDate.nullable(),
  status: ObjectiveStatus,
});

const DealPlanContact = ContactRef.describe(
  "Found on the deal's account by externalId, then by email; created there when neither matches",
);

const DealPlanInfluence = z.object({
  key: Key,
  contact: DealPlanContact,
  role: BuyingInfluenceRole,
  influence: InfluenceLevel,
  responseMode: ResponseMode.nullable(),
  notes: Text,
});

const DealPlanCompetitor = z.object({
  key: Key,
  kind: CompetitorKind,
  name: z.string().max(300),
  differentiators: Text,
});

const DealPlanStep = z.object({
  key: Key,
  what: z.string().trim().min(1).max(1_000),
  owner: z
    .object({ email: z.email() })
    .nullable()
    .describe("A user of the organisation by email; null for the deal's owner"),
  dueOn: IsoDate.nullable(),
  status: ActionStepStatus,
  objective: KeyRef,
  influence: KeyRef,
  competitor: KeyRef,
  dependsOn: KeyRef,
  confidence: Confidence.nullable(),
});

export const DealPlanDocument = z
  .object({
    format: z.literal('salesplan-deal-plan'),
    formatVersion: z.literal(PLAN_FORMAT_VERSION),
    opportunity: RecordRef.describe('The deal the plan was written for (informative on import)'),
    account: RecordRef.nullable(),
    objectives: z.array(DealPlanObjective).max(100),
    influences: z.array(DealPlanInfluence).max(100),
    winWin: WinWin,
    competition: z.array(DealPlanCompetitor).max(100),
    steps: z.array(DealPlanStep).max(500),
  })
  .meta({
    title: 'Salesplan deal plan',
    description:
      'A deal plan (single sales objectives, buying influences, win-win, competition, action steps) with records named by external id or email',
  });
export type DealPlanDocument = z.infer<typeof DealPlanDocument>;

export const planDocumentSchemas = {
  'deal-plan': DealPlanDocument,
  'rep-plan': RepPlanDocument,
  'team-plan': TeamPlanDocument,
  'key-account-plan': KeyAccountPlanDocument,
  strategy: StrategyDocument,
} satisfies Record<(typeof PLAN_DOCUMENT_KINDS)[number], z.ZodType>;

export const PlanSchemaParams = z.object({ name: z.enum(PLAN_DOCUMENT_KINDS) });
/** A JSON Schema document (draft 2020-12). */
export const JsonSchemaDocument = z.record(z.string(), z.unknown());
/** An import's body: any JSON object, checked against the document's schema by the service (422 with each problem's JSON path). */
export const PlanDocumentBody = z.record(z.string(), z.unknown());

/** The JSON Schema of a document kind, as published. */
export function planDocumentJsonSchema(name: (typeof PLAN_DOCUMENT_KINDS)[number]) {
  return {
    $id: `urn:salesplan:plan-format:${name}`,
    ...z.toJSONSchema(planDocumentSchemas[name], { target: 'draft-2020-12', io: 'input' }),
  };
}

/** The schema's text as published in docs/plan-format/{name}.schema.json. */
export function planDocumentSchemaFile(name: (typeof PLAN_DOCUMENT_KINDS)[number]): string {
  return `${JSON.stringify(planDocumentJsonSchema(name), null, 2)}\n`;
}
