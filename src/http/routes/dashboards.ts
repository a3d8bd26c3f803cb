import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { ErrorResponse, ReadErrors } from '../../schemas/common';
import {
  DashboardFilters,
  OrganisationDashboard,
  RepDashboard,
  RepDashboardQuery,
  TeamDashboard,
  TeamDashboardQuery,
} from '../../schemas/dashboards';
import { getOrganisationDashboard } from '../../services/organisation-dashboard';
import { getRepDashboard } from '../../services/rep-dashboard';
import { getTeamDashboard } from '../../services/team-dashboard';
import { actorOf } from '../authentication';

export const dashboardRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/dashboards/rep',
    {
      schema: {
        tags: ['dashboards'],
        summary:
          "A rep's dashboard (yours by default): attainment, activity, funnel pace, pipeline",
        querystring: RepDashboardQuery,
        response: { 200: RepDashboard, ...ReadErrors },
      },
    },
    async (request) => getRepDashboard(db, actorOf(request), request.query),
  );

  app.get(
    '/api/dashboards/team',
    {
      schema: {
        tags: ['dashboards'],
        summary: "A manager's team dashboard (yours by default): each rep's figures and the totals",
        querystring: TeamDashboardQuery,
        response: { 200: TeamDashboard, ...ReadErrors, 422: ErrorResponse },
      },
    },
    async (request) => getTeamDashboard(db, actorOf(request), request.query),
  );

  app.get(
    '/api/dashboards/organisation',
    {
      schema: {
        tags: ['dashboards'],
        summary:
          "The organisation's dashboard (a manager: their team's) for the filters given: attainment, pipeline, segment mix, won by product, segment, territory and customer type, teams and reps",
        querystring: DashboardFilters,
        response: { 200: OrganisationDashboard, ...ReadErrors },
      },
    },
    async (request) => getOrganisationDashboard(db, actorOf(request), request.query),
  );
};
