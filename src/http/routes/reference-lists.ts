import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { ErrorResponse, ListResponse, ReadErrors, WriteErrors } from '../../schemas/common';
import {
  ActivityTypeDetail,
  ActivityTypeInput,
  ActivityTypeParams,
  ActivityTypePatch,
  ReferenceListQuery,
  Segment,
  SegmentInput,
  SegmentPatch,
  Stage,
  StageInput,
  StagePatch,
  TerritoryDetail,
  TerritoryInput,
  TerritoryPatch,
} from '../../schemas/reference';
import {
  createActivityType,
  deleteActivityType,
  getActivityType,
  listActivityTypesPage,
  updateActivityType,
} from '../../services/activity-types';
import {
  createSegment,
  deleteSegment,
  getSegment,
  listSegmentsPage,
  updateSegment,
} from '../../services/segments';
import {
  createStage,
  deleteStage,
  getStage,
  listStagesPage,
  updateStage,
} from '../../services/stages';
import {
  createTerritory,
  deleteTerritory,
  getTerritory,
  listTerritoriesPage,
  updateTerritory,
} from '../../services/territories';
import { actorOf } from '../authentication';
import { registerCrudRoutes } from './crud';

// The organisation's reference lists, one record at a time (GET /api/reference answers them
// all at once for pickers). Everyone signed in reads them; admins change them.
export async function referenceListRoutes(app: FastifyInstance, { db }: { db: Database }) {
  registerCrudRoutes(app, db, {
    path: '/api/stages',
    noun: 'pipeline stage',
    schemas: {
      listQuery: ReferenceListQuery,
      input: StageInput,
      patch: StagePatch,
      item: Stage,
      detail: Stage,
    },
    service: {
      list: listStagesPage,
      get: getStage,
      create: createStage,
      update: updateStage,
      remove: deleteStage,
    },
  });
  registerCrudRoutes(app, db, {
    path: '/api/segments',
    noun: 'segment',
    schemas: {
      listQuery: ReferenceListQuery,
      input: SegmentInput,
      patch: SegmentPatch,
      item: Segment,
      detail: Segment,
    },
    service: {
      list: listSegmentsPage,
      get: getSegment,
      create: createSegment,
      update: updateSegment,
      remove: deleteSegment,
    },
  });
  registerCrudRoutes(app, db, {
    path: '/api/territories',
    noun: 'territory',
    schemas: {
      listQuery: ReferenceListQuery,
      input: TerritoryInput,
      patch: TerritoryPatch,
      item: TerritoryDetail,
      detail: TerritoryDetail,
    },
    service: {
      list: listTerritoriesPage,
      get: getTerritory,
      create: createTerritory,
      update: updateTerritory,
      remove: deleteTerritory,
    },
  });
  await app.register(activityTypeRoutes, { db });
}

// Activity types are named by their key, not a uuid, so they have their own five routes.
const activityTypeRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  const tags = ['activity-types'];
  app.get(
    '/api/activity-types',
    {
      schema: {
        tags,
        summary: "List the organisation's activity types, in their order",
        querystring: ReferenceListQuery,
        response: { 200: ListResponse(ActivityTypeDetail), ...ReadErrors },
      },
    },
    async (request) => listActivityTypesPage(db, actorOf(request), request.query),
  );
  app.post(
    '/api/activity-types',
    {
      schema: {
        tags,
        summary: 'Create an activity type (admin)',
        body: ActivityTypeInput,
        response: { 201: ActivityTypeDetail, ...WriteErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createActivityType(db, actorOf(request), request.body)),
  );
  app.get(
    '/api/activity-types/:key',
    {
      schema: {
        tags,
        summary: 'Read an activity type',
        params: ActivityTypeParams,
        response: { 200: ActivityTypeDetail, ...ReadErrors },
      },
    },
    async (request) => getActivityType(db, actorOf(request), request.params.key),
  );
  app.patch(
    '/api/activity-types/:key',
    {
      schema: {
        tags,
        summary: "Change an activity type's label, hours or order (admin); the key stays",
        params: ActivityTypeParams,
        body: ActivityTypePatch,
        response: { 200: ActivityTypeDetail, ...WriteErrors },
      },
    },
    async (request) => updateActivityType(db, actorOf(request), request.params.key, request.body),
  );
  app.delete(
    '/api/activity-types/:key',
    {
      schema: {
        tags,
        summary: 'Delete an activity type no activity uses (admin)',
        params: ActivityTypeParams,
        response: { 204: z.undefined(), ...ReadErrors, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      await deleteActivityType(db, actorOf(request), request.params.key);
      return reply.status(204).send();
    },
  );
};
