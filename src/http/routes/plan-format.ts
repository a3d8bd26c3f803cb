import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { ErrorResponse, ReadErrors, WriteErrors } from '../../schemas/common';
import { DealPlanView, PlanParams } from '../../schemas/deal-plans';
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
import { actorOf } from '../authentication';

// The open plan format (docs/plan-format/): the JSON Schemas, and a deal plan out and in as a
// document that names records by external id or email.

const tags = ['plan-format'];
const DOCUMENT_PATH = '/api/opportunities/:id/plan/document';

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
};
