import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { ReadErrors } from '../../schemas/common';
import {
  Opportunity,
  OpportunityDetail,
  OpportunityInput,
  OpportunityListQuery,
  OpportunityPatch,
  OpportunitySummary,
  OpportunitySummaryQuery,
} from '../../schemas/opportunities';
import {
  createOpportunity,
  deleteOpportunity,
  getOpportunity,
  listOpportunities,
  summariseOpportunities,
  updateOpportunity,
} from '../../services/opportunities';
import { actorOf } from '../authentication';
import { exportOpportunities } from '../../services/csv-export-lists';
import { registerCrudRoutes } from './crud';

export async function opportunityRoutes(app: FastifyInstance, { db }: { db: Database }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/opportunities/summary',
    {
      schema: {
        tags: ['opportunities'],
        summary: 'Count, value and weighted value of every opportunity the list filters keep',
        querystring: OpportunitySummaryQuery,
        response: { 200: OpportunitySummary, ...ReadErrors },
      },
    },
    async (request) => summariseOpportunities(db, actorOf(request), request.query),
  );

  registerCrudRoutes(app, db, {
    path: '/api/opportunities',
    noun: 'opportunity',
    schemas: {
      listQuery: OpportunityListQuery,
      input: OpportunityInput,
      patch: OpportunityPatch,
      item: Opportunity,
      detail: OpportunityDetail,
    },
    service: {
      list: listOpportunities,
      get: getOpportunity,
      create: createOpportunity,
      update: updateOpportunity,
      remove: deleteOpportunity,
    },
    exportCsv: exportOpportunities,
  });
}
