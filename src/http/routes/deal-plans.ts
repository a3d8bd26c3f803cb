import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { IfMatchHeaders, ReadErrors, WriteErrors } from '../../schemas/common';
import {
  ActionStepInput,
  ActionStepOrder,
  ActionStepPatch,
  BuyingInfluenceInput,
  BuyingInfluencePatch,
  CompetitorInput,
  CompetitorPatch,
  DealPlanComment,
  DealPlanCommentInput,
  DealPlanView,
  PlanHealthList,
  PlanHealthQuery,
  PlanItemParams,
  PlanParams,
  SingleSalesObjectiveInput,
  SingleSalesObjectivePatch,
  WinWin,
} from '../../schemas/deal-plans';
import type { Actor } from '../../services/authorization';
import {
  addCompetitor,
  addInfluence,
  addObjective,
  deleteCompetitor,
  deleteInfluence,
  deleteObjective,
  updateCompetitor,
  updateInfluence,
  updateObjective,
} from '../../services/deal-plan-parts';
import {
  addActionStep,
  deleteActionStep,
  reorderActionSteps,
  updateActionStep,
} from '../../services/deal-plan-steps';
import { addDealPlanComment, listDealPlanCommentsFor } from '../../services/deal-plan-comments';
import { getDealPlan, listPlanHealth, setWinWin } from '../../services/deal-plans';
import { actorOf } from '../authentication';

// The deal plan of an opportunity: one GET for the whole plan, then one route per piece. Every
// write answers the whole plan (new version, findings, history).

const tags = ['deal-plans'];
const WRITE_NOTE =
  'Send the plan `version` you read as `If-Match: <version>` (quotes optional; 0 for a plan never ' +
  'saved). A missing or malformed If-Match is 400 (field `headers.if-match`); a stale one is 409 ' +
  'with the current plan in `error.current` and nothing saved. Answers the whole plan.';

type PlanParamsOut = z.output<typeof PlanParams>;
type Headers = z.output<typeof IfMatchHeaders>;
const write = (db: Database, actor: Actor, params: PlanParamsOut, headers: Headers) => ({
  db,
  actor,
  opportunityId: params.id,
  version: headers['if-match'],
});

export const dealPlanRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  const base = '/api/opportunities/:id/plan';
  // Generic in the schemas, so each handler's `request.body` has its schema's output type.
  const writeSchema = <S extends { params: z.ZodType; body?: z.ZodType }>(
    summary: string,
    parts: S,
  ) => ({
    config: { sendsEtag: true },
    schema: {
      tags,
      summary,
      description: WRITE_NOTE,
      headers: IfMatchHeaders,
      response: { 200: DealPlanView, ...WriteErrors },
      ...parts,
    },
  });
  const createSchema = <B extends z.ZodType>(summary: string, body: B) =>
    writeSchema(summary, { params: PlanParams, body });
  const itemSchema = <B extends z.ZodType>(summary: string, body: B) =>
    writeSchema(summary, { params: PlanItemParams, body });
  const removeSchema = (summary: string) => writeSchema(summary, { params: PlanItemParams });

  app.get(
    base,
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary:
          'Read the whole deal plan with its findings and history (version 0 if never saved)',
        params: PlanParams,
        response: { 200: DealPlanView, ...ReadErrors },
      },
    },
    async (request) => getDealPlan(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/deal-plans/health',
    {
      schema: {
        tags,
        summary: 'Plan health (finding counts by severity) of the deals among `ids` you can see',
        querystring: PlanHealthQuery,
        response: { 200: PlanHealthList, ...ReadErrors },
      },
    },
    async (request) => listPlanHealth(db, actorOf(request), request.query.ids),
  );

  app.get(
    `${base}/comments`,
    {
      schema: {
        tags,
        summary: "Comments from the deal's owner and their manager, oldest first",
        params: PlanParams,
        response: { 200: z.array(DealPlanComment), ...ReadErrors },
      },
    },
    async (request) => listDealPlanCommentsFor(db, actorOf(request), request.params.id),
  );

  app.post(
    `${base}/comments`,
    {
      schema: {
        tags,
        summary:
          "Comment on the plan (the deal's owner or their manager; others who see it get 403)",
        params: PlanParams,
        body: DealPlanCommentInput,
        response: { 201: DealPlanComment, ...WriteErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addDealPlanComment(db, actorOf(request), request.params.id, request.body.body)),
  );

  app.put(`${base}/win-win`, createSchema('Set the win-win', WinWin), async (request) =>
    setWinWin(db, actorOf(request), request.params.id, request.headers['if-match'], request.body),
  );

  app.post(
    `${base}/objectives`,
    createSchema('Add a single sales objective', SingleSalesObjectiveInput),
    async (r) => addObjective(write(db, actorOf(r), r.params, r.headers), r.body),
  );
  app.patch(
    `${base}/objectives/:itemId`,
    itemSchema('Change a single sales objective', SingleSalesObjectivePatch),
    async (r) =>
      updateObjective(write(db, actorOf(r), r.params, r.headers), r.params.itemId, r.body),
  );
  app.delete(
    `${base}/objectives/:itemId`,
    removeSchema('Remove a single sales objective'),
    async (r) => deleteObjective(write(db, actorOf(r), r.params, r.headers), r.params.itemId),
  );

  app.post(
    `${base}/influences`,
    createSchema('Add a buying influence (an account contact, or a new one)', BuyingInfluenceInput),
    async (r) => addInfluence(write(db, actorOf(r), r.params, r.headers), r.body),
  );
  app.patch(
    `${base}/influences/:itemId`,
    itemSchema(
      "Change a buying influence; a new response mode is recorded with today's date",
      BuyingInfluencePatch,
    ),
    async (r) =>
      updateInfluence(write(db, actorOf(r), r.params, r.headers), r.params.itemId, r.body),
  );
  app.delete(`${base}/influences/:itemId`, removeSchema('Remove a buying influence'), async (r) =>
    deleteInfluence(write(db, actorOf(r), r.params, r.headers), r.params.itemId),
  );

  app.post(
    `${base}/competition`,
    createSchema('Add a competitor or an in-account alternative', CompetitorInput),
    async (r) => addCompetitor(write(db, actorOf(r), r.params, r.headers), r.body),
  );
  app.patch(
    `${base}/competition/:itemId`,
    itemSchema('Change a competitor or alternative', CompetitorPatch),
    async (r) =>
      updateCompetitor(write(db, actorOf(r), r.params, r.headers), r.params.itemId, r.body),
  );
  app.delete(
    `${base}/competition/:itemId`,
    removeSchema('Remove a competitor or alternative'),
    async (r) => deleteCompetitor(write(db, actorOf(r), r.params, r.headers), r.params.itemId),
  );

  app.post(`${base}/steps`, createSchema('Add an action step', ActionStepInput), async (r) =>
    addActionStep(write(db, actorOf(r), r.params, r.headers), r.body),
  );
  app.put(
    `${base}/steps/order`,
    createSchema('Reorder the action steps (every step id, once)', ActionStepOrder),
    async (r) => reorderActionSteps(write(db, actorOf(r), r.params, r.headers), r.body),
  );
  app.patch(
    `${base}/steps/:itemId`,
    itemSchema('Change an action step (status done completes it today)', ActionStepPatch),
    async (r) =>
      updateActionStep(write(db, actorOf(r), r.params, r.headers), r.params.itemId, r.body),
  );
  app.delete(`${base}/steps/:itemId`, removeSchema('Remove an action step'), async (r) =>
    deleteActionStep(write(db, actorOf(r), r.params, r.headers), r.params.itemId),
  );
};
