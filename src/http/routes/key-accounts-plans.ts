import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Database } from '../../db/client';
import { IfMatchHeaders, ReadErrors, WriteErrors } from '../../schemas/common';
import {
  AcknowledgementInput,
  KeyAccountList,
  KeyAccountPlanInput,
  KeyAccountPlanView,
  PlanParams,
  ReviewInput,
} from '../../schemas/key-accounts-plans';
import {
  acknowledgeKeyAccountPlan,
  getKeyAccountPlan,
  listKeyAccountPlans,
  reviewKeyAccountPlan,
  saveKeyAccountPlan,
  signKeyAccountPlan,
} from '../../services/key-accounts-plans';
import { CsvExportQuery } from '../../schemas/csv-export';
import { exportKeyAccounts } from '../../services/csv-export-plans';
import { actorOf } from '../authentication';
import { PlanListOrCsvResponse, sendJsonOrCsv } from '../csv-response';

// Key-account plans: one GET for the whole plan, a PUT of the whole plan by its owner, and the
// signature, the acknowledgement and the reviews. Every write answers the whole plan.

const tags = ['key-accounts'];
const WRITE_NOTE =
  'Send the plan `version` you read as `If-Match` (0 for a plan never saved); a stale one is 409 ' +
  'with the current plan in `error.current` and nothing saved. Answers the whole plan.';

export const keyAccountPlanRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (
  app,
  { db },
) => {
  const base = '/api/key-accounts/:accountId/plan';
  const bare = (summary: string) => ({
    config: { sendsEtag: true },
    schema: {
      tags,
      summary,
      description: WRITE_NOTE,
      params: PlanParams,
      headers: IfMatchHeaders,
      response: { 200: KeyAccountPlanView, ...WriteErrors },
    },
  });
  // Generic in the body, so each handler's `request.body` has its schema's output type.
  const write = <B extends z.ZodType>(summary: string, body: B) => ({
    ...bare(summary),
    schema: { ...bare(summary).schema, body },
  });

  app.get(
    '/api/key-accounts',
    {
      schema: {
        tags,
        summary: "This fiscal year's key accounts you may read, with their plan and next review",
        querystring: CsvExportQuery,
        response: { 200: PlanListOrCsvResponse(KeyAccountList), ...ReadErrors },
      },
    },
    async (request, reply) =>
      sendJsonOrCsv(request, reply, {
        csv: () => exportKeyAccounts(db, actorOf(request), request.query),
        json: () => listKeyAccountPlans(db, actorOf(request)),
      }),
  );

  app.get(
    base,
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary:
          "A key account's plan this fiscal year with benchmark actuals, findings, reviews and history",
        params: PlanParams,
        response: { 200: KeyAccountPlanView, ...ReadErrors },
      },
    },
    async (request) => getKeyAccountPlan(db, actorOf(request), request.params.accountId),
  );

  app.put(base, write('Save the whole plan (the account owner)', KeyAccountPlanInput), async (r) =>
    saveKeyAccountPlan(db, actorOf(r), r.params.accountId, r.headers['if-match'], r.body),
  );

  app.post(`${base}/signature`, bare('Sign the commitment (the account owner)'), async (r) =>
    signKeyAccountPlan(db, actorOf(r), r.params.accountId, r.headers['if-match']),
  );

  app.post(
    `${base}/acknowledgement`,
    write("Acknowledge the signed plan with a comment (the owner's manager)", AcknowledgementInput),
    async (r) =>
      acknowledgeKeyAccountPlan(db, actorOf(r), r.params.accountId, r.headers['if-match'], r.body),
  );

  app.post(
    `${base}/reviews`,
    write(
      'Record a review: benchmark actuals, what changed, adjustments; a new version',
      ReviewInput,
    ),
    async (r) =>
      reviewKeyAccountPlan(db, actorOf(r), r.params.accountId, r.headers['if-match'], r.body),
  );
};
