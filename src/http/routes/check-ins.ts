import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { CheckIn, CheckInParams, DueCheckIn } from '../../schemas/check-ins';
import { ListResponse, ReadErrors, WriteErrors } from '../../schemas/common';
import { CheckInRecordInput } from '../../schemas/rep-plans';
import { getCheckIn, listDue, recordCheckIn } from '../../services/check-ins';
import { actorOf } from '../authentication';

const tags = ['check-ins'];

export const checkInRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/check-ins/due',
    {
      schema: {
        tags,
        summary: 'Check-ins due now or overdue on the plans you may see',
        response: { 200: ListResponse(DueCheckIn), ...ReadErrors },
      },
    },
    async (request) => listDue(db, actorOf(request)),
  );

  app.get(
    '/api/rep-plans/:id/check-ins/:checkInId',
    {
      schema: {
        tags,
        summary: 'A check-in, pre-filled with plan vs actual while it is due',
        params: CheckInParams,
        response: { 200: CheckIn, ...ReadErrors },
      },
    },
    async (request) =>
      getCheckIn(db, actorOf(request), request.params.id, request.params.checkInId),
  );

  app.post(
    '/api/rep-plans/:id/check-ins/:checkInId',
    {
      schema: {
        tags,
        summary: 'Record a check-in; plan changes agreed in it make a revised version',
        params: CheckInParams,
        body: CheckInRecordInput,
        response: { 200: CheckIn, ...WriteErrors },
      },
    },
    async (request) =>
      recordCheckIn(
        db,
        actorOf(request),
        request.params.id,
        request.params.checkInId,
        request.body,
      ),
  );
};
