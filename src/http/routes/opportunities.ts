import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client';
import {
  Opportunity,
  OpportunityDetail,
  OpportunityInput,
  OpportunityListQuery,
  OpportunityPatch,
} from '../../schemas/opportunities';
import {
  createOpportunity,
  deleteOpportunity,
  getOpportunity,
  listOpportunities,
  updateOpportunity,
} from '../../services/opportunities';
import { exportOpportunities } from '../../services/csv-export-lists';
import { registerCrudRoutes } from './crud';

export async function opportunityRoutes(app: FastifyInstance, { db }: { db: Database }) {
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
