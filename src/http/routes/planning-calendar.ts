import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { ErrorResponse } from '../../schemas/common';
import { PlanningCalendar, PlanningCalendarQuery } from '../../schemas/planning-calendar';
import { planningCalendar } from '../../services/planning-calendar';
import { actorOf } from '../authentication';

export const planningCalendarRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (
  app,
  { db },
) => {
  app.get(
    '/api/planning-calendar',
    {
      schema: {
        tags: ['planning-calendar'],
        summary: 'Your planning tasks for a year (default next year) and its quarterly inspections',
        querystring: PlanningCalendarQuery,
        response: { 200: PlanningCalendar, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => planningCalendar(db, actorOf(request), request.query.year),
  );
};
