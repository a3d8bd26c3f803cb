import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { ReadErrors } from '../../schemas/common';
import { ReportFilters, ReportParams, ReportRows } from '../../schemas/reports';
import { buildReportFor } from '../../services/reports';
import { actorOf } from '../authentication';

export const reportRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/reports/:kind',
    {
      schema: {
        tags: ['reports'],
        summary:
          'A KPI report (the rows of `salesplan report <kind> --json`) over the deals and activities you may see',
        params: ReportParams,
        querystring: ReportFilters,
        response: { 200: ReportRows, ...ReadErrors },
      },
    },
    async (request) => buildReportFor(db, actorOf(request), request.params.kind, request.query),
  );
};
