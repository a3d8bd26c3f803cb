import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { ErrorResponse, IdParams, ReadErrors, WriteErrors } from '../../schemas/common';
import { DealPlanView, PlanParams } from '../../schemas/deal-plans';
import {
  KeyAccountPlanView,
  PlanParams as KeyAccountPlanParams,
} from '../../schemas/key-accounts-plans';
import { KeyAccountPlanDocument } from '../../schemas/plan-format-key-account-plan';
import { RepPlanDocument } from '../../schemas/plan-format-rep-plan';
import { StrategyDocument } from '../../schemas/plan-format-strategy';
import { TeamPlanDocument } from '../../schemas/plan-format-team-plan';
import { RepPlan } from '../../schemas/rep-plans';
import { Strategy, YearParams } from '../../schemas/strategies';
import { TeamPlan } from '../../schemas/team-plans';
import {
  DealPlanDocument,
  JsonSchemaDocument,
  PlanDocumentBody,
  PlanSchemaParams,
} from '../../schemas/plan-format';
import {
  exportDealPlanDocument,
  getPlanDocumentSchema,
  importDealPlanDocument,
} from '../../services/plan-format';
import {
  exportKeyAccountPlanDocument,
  importKeyAccountPlanDocument,
} from '../../services/plan-format-key-account-plan';
import { exportRepPlanDocument, importRepPlanDocument } from '../../services/plan-format-rep-plan';
import {
  exportTeamPlanDocument,
  importTeamPlanDocument,
} from '../../services/plan-format-team-plan';
import {
  exportStrategyDocument,
  importStrategyDocument,
} from '../../services/plan-format-strategy';
import { actorOf } from '../authentication';

// The open plan format (docs/plan-format/): the JSON Schemas, and each plan (deal, rep, team,
// key-account plan, the strategy) out and in as a document that names records by external id,
// email, name or code. An import checks who may write the plan before it reads the document.

const tags = ['plan-format'];
const DOCUMENT_PATH = '/api/opportunities/:id/plan/document';
const PROBLEMS =
  'A document that does not fit the schema, or names a key, user, account, segment or product it cannot find, is 422 with one issue per problem, `field` its JSON path';

export const planFormatRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/schemas/:name',
    {
      config: { isPublic: true },
      schema: {
        tags,
        summary: 'The JSON Schema (draft 2020-12) of a plan document, as in docs/plan-format/',
        params: PlanSchemaParams,
        response: { 200: JsonSchemaDocument, 400: ErrorResponse },
      },
    },
    async (request) => getPlanDocumentSchema(request.params.name),
  );

  app.get(
    DOCUMENT_PATH,
    {
      schema: {
        tags,
        summary: 'The deal plan as a `deal-plan` document (GET /api/schemas/deal-plan)',
        description:
          'Items carry a `key` other items refer to; the deal, its account and the contacts go by external id and name, step owners by email. Another tool can read it, or POST it to another deal.',
        params: PlanParams,
        response: { 200: DealPlanDocument, ...ReadErrors },
      },
    },
    async (request) => exportDealPlanDocument(db, actorOf(request), request.params.id),
  );

  app.post(
    DOCUMENT_PATH,
    {
      schema: {
        tags,
        summary: 'Import a `deal-plan` document into a deal that has no plan yet',
        description:
          "A document that does not fit the schema, or names a key, user or account it cannot find, is 422 with one issue per problem, `field` its JSON path (`$.steps[2].owner.email`). Contacts are matched on the deal's account by external id, then email, and created there otherwise. A deal that already has a plan is 409. Answers the plan as GET /api/opportunities/{id}/plan does.",
        params: PlanParams,
        body: PlanDocumentBody,
        response: { 200: DealPlanView, ...WriteErrors },
      },
    },
    async (request) =>
      importDealPlanDocument(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/rep-plans/:id/document',
    {
      schema: {
        tags,
        summary: 'The rep plan as a `rep-plan` document (GET /api/schemas/rep-plan)',
        description:
          'Target accounts by external id and name, the rep by external id and email; the targets per segment and month and the activity plan from the norms are there for the reader.',
        params: IdParams,
        response: { 200: RepPlanDocument, ...ReadErrors },
      },
    },
    async (request) => exportRepPlanDocument(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/rep-plans/:id/document',
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary: 'Import a `rep-plan` document into a draft plan (its rep or their manager)',
        description: `Replaces the cadence, target accounts, funnel inputs, weekly overrides and the qualitative part as PATCH /api/rep-plans/{id} does (a new version of the draft; a plan that is not a draft is 409); the targets and the activity plan stay the strategy's. ${PROBLEMS} (\`$.targetAccounts[3]\`). Answers the plan as GET /api/rep-plans/{id} does.`,
        params: IdParams,
        body: PlanDocumentBody,
        response: { 200: RepPlan, ...WriteErrors },
      },
    },
    async (request) => importRepPlanDocument(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/team-plans/:id/document',
    {
      schema: {
        tags,
        summary: 'The team plan as a `team-plan` document (GET /api/schemas/team-plan)',
        description:
          "Owners and metric members by external id and email, segments by code, products by external id and name; each metric's actual and its definition in words are there for the reader.",
        params: IdParams,
        response: { 200: TeamPlanDocument, ...ReadErrors },
      },
    },
    async (request) => exportTeamPlanDocument(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/team-plans/:id/document',
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary: 'Import a `team-plan` document into a team plan (its manager, or an admin)',
        description: `Replaces the five answers and the objective tree as PUT /api/team-plans/{id} does (a new version); progress is counted from the data. ${PROBLEMS}; the plan's own rules (an owner off the team, an activity count without its type) too (\`$.objectives[0].goals[1].activities[2].owner\`). Answers the plan as GET /api/team-plans/{id} does.`,
        params: IdParams,
        body: PlanDocumentBody,
        response: { 200: TeamPlan, ...WriteErrors },
      },
    },
    async (request) =>
      importTeamPlanDocument(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/key-accounts/:accountId/plan/document',
    {
      schema: {
        tags,
        summary:
          "The key account's plan of this fiscal year as a `key-account-plan` document (GET /api/schemas/key-account-plan)",
        description:
          'Relationships and objectives carry a `key` the steps refer to; contacts go by external id and email, step owners by external id and email.',
        params: KeyAccountPlanParams,
        response: { 200: KeyAccountPlanDocument, ...ReadErrors },
      },
    },
    async (request) => exportKeyAccountPlanDocument(db, actorOf(request), request.params.accountId),
  );

  app.post(
    '/api/key-accounts/:accountId/plan/document',
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary: "Import a `key-account-plan` document as the account's plan (the account's owner)",
        description: `Saves the whole plan as PUT /api/key-accounts/{accountId}/plan does (a new version; signatures are asked again). Contacts are matched on the account by external id, then email, and created there otherwise. ${PROBLEMS} (\`$.steps[2].owner\`). Answers the plan as GET /api/key-accounts/{accountId}/plan does.`,
        params: KeyAccountPlanParams,
        body: PlanDocumentBody,
        response: { 200: KeyAccountPlanView, ...WriteErrors },
      },
    },
    async (request) =>
      importKeyAccountPlanDocument(db, actorOf(request), request.params.accountId, request.body),
  );

  app.get(
    '/api/strategies/:year/document',
    {
      schema: {
        tags,
        summary: "The year's strategy as a `strategy` document (GET /api/schemas/strategy)",
        description: 'Segments by code and name, reps by external id and email.',
        params: YearParams,
        response: { 200: StrategyDocument, ...ReadErrors },
      },
    },
    async (request) => exportStrategyDocument(db, actorOf(request), request.params.year),
  );

  app.post(
    '/api/strategies/:year/document',
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary: "Import a `strategy` document as the year's strategy (leaders, admins)",
        description: `Sets the strategy as PUT /api/strategies/{year} does, its norms replacing the organisation's. ${PROBLEMS} (\`$.assignments[1].rep\`). Answers the strategy as GET /api/strategies/{year} does.`,
        params: YearParams,
        body: PlanDocumentBody,
        response: { 200: Strategy, ...WriteErrors },
      },
    },
    async (request) =>
      importStrategyDocument(db, actorOf(request), request.params.year, request.body),
  );
};
