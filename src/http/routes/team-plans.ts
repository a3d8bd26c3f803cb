import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import {
  IdParams,
  ListResponse,
  OptionalIfMatchHeaders,
  ReadErrors,
  WriteErrors,
} from '../../schemas/common';
import {
  TeamPlan,
  TeamPlanContent,
  TeamPlanInput,
  TeamPlanListItem,
  TeamPlanListQuery,
} from '../../schemas/team-plans';
import {
  createTeamPlan,
  getTeamPlan,
  listTeamPlans,
  saveTeamPlan,
} from '../../services/team-plans';
import { exportTeamPlans } from '../../services/csv-export-plans';
import { actorOf } from '../authentication';
import { PlanListOrCsvResponse, sendJsonOrCsv } from '../csv-response';

const tags = ['team-plans'];

export const teamPlanRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/team-plans',
    {
      schema: {
        tags,
        summary: 'The team sales & marketing plans of a year that you may see',
        querystring: TeamPlanListQuery,
        response: { 200: PlanListOrCsvResponse(ListResponse(TeamPlanListItem)), ...ReadErrors },
      },
    },
    async (request, reply) =>
      sendJsonOrCsv(request, reply, {
        csv: () => exportTeamPlans(db, actorOf(request), request.query),
        json: () => listTeamPlans(db, actorOf(request), request.query.year),
      }),
  );

  app.post(
    '/api/team-plans',
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary: 'Start a team plan for a manager and year',
        body: TeamPlanInput,
        response: { 201: TeamPlan, ...WriteErrors },
      },
    },
    async (request, reply) => {
      const plan = await createTeamPlan(db, actorOf(request), request.body);
      return reply.status(201).send(plan);
    },
  );

  app.get(
    '/api/team-plans/:id',
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary: 'A team plan: the five answers and objectives → goals → activities with progress',
        params: IdParams,
        response: { 200: TeamPlan, ...ReadErrors },
      },
    },
    async (request) => {
      const plan = await getTeamPlan(db, actorOf(request), request.params.id);
      return plan;
    },
  );

  app.put(
    '/api/team-plans/:id',
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary: 'Replace the answers and the objective tree (the manager); If-Match is required',
        params: IdParams,
        headers: OptionalIfMatchHeaders,
        body: TeamPlanContent,
        response: { 200: TeamPlan, ...WriteErrors },
      },
    },
    async (request) => {
      const plan = await saveTeamPlan(
        db,
        actorOf(request),
        request.params.id,
        request.body,
        request.headers['if-match'],
      );
      return plan;
    },
  );
};
