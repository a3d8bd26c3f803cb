import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import {
  ErrorResponse,
  Id,
  IdParams,
  ListResponse,
  OptionalIfMatchHeaders,
  ReadErrors,
} from '../../schemas/common';
import { ApiToken } from '../../schemas/session';
import { User, UserInput, UserListQuery, UserPatch } from '../../schemas/users';
import { listUserApiTokens, revokeUserApiToken } from '../../services/auth';
import { createUser, getVisibleUser, listUsers, updateUser } from '../../services/users';
import { actorOf } from '../authentication';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};

export const userRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users you may see (yourself and your team; everyone for leaders and admins)',
        querystring: UserListQuery,
        response: { 200: ListResponse(User), 400: ErrorResponse },
      },
    },
    async (request) => listUsers(db, actorOf(request), request.query),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (admin)',
        body: UserInput,
        response: { 201: User, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createUser(db, actorOf(request), request.body)),
  );

  app.get(
    '/api/users/:id',
    {
      config: { sendsEtag: true },
      schema: {
        tags: ['users'],
        summary: 'A user you may see, with their version as ETag',
        params: IdParams,
        response: { 200: User, ...ReadErrors },
      },
    },
    async (request) => {
      const user = await getVisibleUser(db, actorOf(request), request.params.id);
      return user;
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { sendsEtag: true },
      schema: {
        tags: ['users'],
        summary:
          'Change a user: role, manager, territory, password, deactivation (admin); If-Match: the version you read',
        headers: OptionalIfMatchHeaders,
        params: IdParams,
        body: UserPatch,
        response: { 200: User, ...errors },
      },
    },
    async (request) => {
      const user = await updateUser(
        db,
        actorOf(request),
        request.params.id,
        request.body,
        request.headers['if-match'],
      );
      return user;
    },
  );

  app.get(
    '/api/users/:id/tokens',
    {
      schema: {
        tags: ['users'],
        summary: "A user's live API tokens (admin)",
        params: IdParams,
        response: { 200: ListResponse(ApiToken), ...ReadErrors },
      },
    },
    async (request) => {
      const items = await listUserApiTokens(db, actorOf(request), request.params.id);
      return { items, total: items.length };
    },
  );

  app.delete(
    '/api/users/:id/tokens/:tokenId',
    {
      schema: {
        tags: ['users'],
        summary: "Revoke a user's API token (admin)",
        params: z.object({ id: Id, tokenId: Id }),
        response: { 204: z.undefined(), ...ReadErrors },
      },
    },
    async (request, reply) => {
      const { id, tokenId } = request.params;
      await revokeUserApiToken(db, actorOf(request), id, tokenId, new Date());
      return reply.status(204).send();
    },
  );
};
