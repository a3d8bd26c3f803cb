import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { ErrorResponse, IdParams, ListResponse } from '../../schemas/common';
import { ApiToken, ApiTokenInput, CreatedApiToken } from '../../schemas/session';
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/auth';
import { actorOf } from '../authentication';

export const tokenRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Your personal API tokens',
        response: { 200: ListResponse(ApiToken) },
      },
    },
    async (request) => {
      const items = await listApiTokens(db, actorOf(request));
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Create a personal API token (the secret is shown once)',
        body: ApiTokenInput,
        response: { 201: CreatedApiToken, 400: ErrorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiToken(db, actorOf(request), request.body, new Date())),
  );

  app.delete(
    '/api/tokens/:id',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Revoke a personal API token',
        params: IdParams,
        response: { 204: z.undefined(), 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      await revokeApiToken(db, actorOf(request), request.params.id, new Date());
      return reply.status(204).send();
    },
  );
};
