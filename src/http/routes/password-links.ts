import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { PASSWORD_LINK_DAYS } from '../../domain/password-links';
import { ErrorResponse, IdParams, WriteErrors } from '../../schemas/common';
import {
  NewPassword,
  PASSWORD_LINK_PATH,
  PasswordLinkParams,
  PasswordLinkUrl,
  PasswordLinkView,
} from '../../schemas/password-links';
import {
  createPasswordLink,
  readPasswordLink,
  usePasswordLink,
} from '../../services/password-links';
import { actorOf, originOf } from '../authentication';
import { perAddressLimit } from './session';

// Set-password links: the admin makes one (POST /api/users/{id}/password-link) and hands it
// over; the page at /set-password/<secret> reads whose account it opens and sets the password.
// The two public routes are limited per client address like sign-in, so nobody guesses links.

const tags = ['users'];
const publicLimits = {
  isPublic: true,
  rateLimit: perAddressLimit('tries'),
};
const publicErrors = { 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse };

export const passwordLinkRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.post(
    '/api/users/:id/password-link',
    {
      schema: {
        tags,
        summary: `Make a user's one-time set-password link, valid ${PASSWORD_LINK_DAYS} days (admin); replaces their last one`,
        params: IdParams,
        response: { 201: PasswordLinkUrl, ...WriteErrors },
      },
    },
    async (request, reply) => {
      const { token, expiresAt } = await createPasswordLink(
        db,
        actorOf(request),
        request.params.id,
        new Date(),
      );
      return reply.status(201).send({
        url: `${originOf(request)}${PASSWORD_LINK_PATH}/${token}`,
        expiresAt: expiresAt.toISOString(),
      });
    },
  );

  app.get(
    '/api/password-links/:token',
    {
      config: publicLimits,
      schema: {
        tags,
        summary: 'Whose account a set-password link opens (404 when unknown, used or expired)',
        params: PasswordLinkParams,
        response: { 200: PasswordLinkView, ...publicErrors },
      },
    },
    async (request) => readPasswordLink(db, request.params.token, new Date()),
  );

  app.post(
    '/api/password-links/:token',
    {
      config: publicLimits,
      schema: {
        tags,
        summary:
          'Set the password through the link, once; ends the open sessions and API tokens of the user',
        params: PasswordLinkParams,
        body: NewPassword,
        response: { 200: z.object({ email: z.string() }), ...publicErrors, 422: ErrorResponse },
      },
    },
    async (request) => usePasswordLink(db, request.params.token, request.body.password, new Date()),
  );
};
