import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import {
  IdParams,
  ListResponse,
  OptionalIfMatchHeaders,
  ReadErrors,
  WriteErrors,
} from '../../schemas/common';
import {
  CommentInput,
  CompareQuery,
  RepPlan,
  RepPlanComment,
  RepPlanInput,
  RepPlanListItem,
  RepPlanListQuery,
  RepPlanPatch,
  RepPlanVersion,
  SignatureInput,
  TransitionInput,
  VersionComparison,
} from '../../schemas/rep-plans';
import {
  addComment,
  compareRepPlanVersions,
  listComments,
  listVersions,
  signRepPlan,
  transitionRepPlan,
} from '../../services/rep-plan-agreement';
import { createRepPlan, getRepPlan, listRepPlans, updateRepPlan } from '../../services/rep-plans';
import { exportRepPlans } from '../../services/csv-export-plans';
import { actorOf } from '../authentication';
import { PlanListOrCsvResponse, sendJsonOrCsv } from '../csv-response';

const tags = ['rep-plans'];

export const repPlanRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/rep-plans',
    {
      schema: {
        tags,
        summary: 'The rep plans of a fiscal year that you may see',
        querystring: RepPlanListQuery,
        response: { 200: PlanListOrCsvResponse(ListResponse(RepPlanListItem)), ...ReadErrors },
      },
    },
    async (request, reply) =>
      sendJsonOrCsv(request, reply, {
        csv: () => exportRepPlans(db, actorOf(request), request.query),
        json: () => listRepPlans(db, actorOf(request), request.query.year),
      }),
  );

  app.post(
    '/api/rep-plans',
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary: 'Start a rep plan (a draft) for a rep and fiscal year',
        body: RepPlanInput,
        response: { 201: RepPlan, ...WriteErrors },
      },
    },
    async (request, reply) => {
      const plan = await createRepPlan(db, actorOf(request), request.body);
      return reply.status(201).send(plan);
    },
  );

  app.get(
    '/api/rep-plans/:id',
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary: 'A rep plan with its targets, activity plan, funnel, weekly plan and check-ins',
        params: IdParams,
        response: { 200: RepPlan, ...ReadErrors },
      },
    },
    async (request) => {
      const plan = await getRepPlan(db, actorOf(request), request.params.id);
      return plan;
    },
  );

  app.patch(
    '/api/rep-plans/:id',
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary: 'Edit a draft plan (rep or manager); If-Match is required',
        params: IdParams,
        headers: OptionalIfMatchHeaders,
        body: RepPlanPatch,
        response: { 200: RepPlan, ...WriteErrors },
      },
    },
    async (request) => {
      const plan = await updateRepPlan(
        db,
        actorOf(request),
        request.params.id,
        request.body,
        request.headers['if-match'],
      );
      return plan;
    },
  );

  app.post(
    '/api/rep-plans/:id/transitions',
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary: 'Move the plan to another state, or 409 with the reason it cannot',
        params: IdParams,
        headers: OptionalIfMatchHeaders,
        body: TransitionInput,
        response: { 200: RepPlan, ...WriteErrors },
      },
    },
    async (request) => {
      const plan = await transitionRepPlan(
        db,
        actorOf(request),
        request.params.id,
        request.body.to,
        request.headers['if-match'],
      );
      return plan;
    },
  );

  app.post(
    '/api/rep-plans/:id/signatures',
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary: 'Sign a proposed plan as its rep, or countersign as their manager',
        params: IdParams,
        headers: OptionalIfMatchHeaders,
        body: SignatureInput,
        response: { 200: RepPlan, ...WriteErrors },
      },
    },
    async (request) => {
      const plan = await signRepPlan(
        db,
        actorOf(request),
        request.params.id,
        request.body.as,
        request.headers['if-match'],
      );
      return plan;
    },
  );

  app.get(
    '/api/rep-plans/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every agreed version of the plan, frozen with both signatures',
        params: IdParams,
        response: { 200: z.array(RepPlanVersion), ...ReadErrors },
      },
    },
    async (request) => listVersions(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/rep-plans/:id/versions/compare',
    {
      schema: {
        tags,
        summary: 'What changed between two agreed versions',
        params: IdParams,
        querystring: CompareQuery,
        response: { 200: VersionComparison, ...ReadErrors },
      },
    },
    async (request) =>
      compareRepPlanVersions(
        db,
        actorOf(request),
        request.params.id,
        request.query.from,
        request.query.to,
      ),
  );

  app.get(
    '/api/rep-plans/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comments from the rep and the manager, oldest first',
        params: IdParams,
        response: { 200: z.array(RepPlanComment), ...ReadErrors },
      },
    },
    async (request) => listComments(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/rep-plans/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on the plan (rep or manager)',
        params: IdParams,
        body: CommentInput,
        response: { 201: RepPlanComment, ...WriteErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addComment(db, actorOf(request), request.params.id, request.body.body)),
  );
};
