import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client';
import {
  Activity,
  ActivityInput,
  ActivityListQuery,
  ActivityPatch,
} from '../../schemas/activities';
import {
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  updateActivity,
} from '../../services/activities';
import { exportActivities } from '../../services/csv-export-lists';
import { registerCrudRoutes } from './crud';

export async function activityRoutes(app: FastifyInstance, { db }: { db: Database }) {
  registerCrudRoutes(app, db, {
    path: '/api/activities',
    noun: 'activity',
    schemas: {
      listQuery: ActivityListQuery,
      input: ActivityInput,
      patch: ActivityPatch,
      item: Activity,
      detail: Activity,
    },
    service: {
      list: listActivities,
      get: getActivity,
      create: createActivity,
      update: updateActivity,
      remove: deleteActivity,
    },
    exportCsv: exportActivities,
  });
}
