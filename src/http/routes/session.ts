import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { ErrorResponse } from '../../schemas/common';
import { Me, SignInInput } from '../../schemas/session';
import { signIn, signOut } from '../../services/auth';
import { meOf, SESSION_COOKIE } from '../authentication';

export type SessionRouteOptions = { db: Database; sessionDays: number; secureCookies: boolean };

export const sessionRoutes: FastifyPluginAsyncZod<SessionRouteOptions> = async (
  app,
  { db, sessionDays, secureCookies },
) => {
  app.post(
    '/api/session',
    {
      config: { isPublic: true },
      schema: {
        tags: ['session'],
        summary: 'Sign in with email and password; sets an HttpOnly session cookie',
        body: SignInInput,
        response: { 200: Me, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { token, expiresAt, me } = await signIn(db, request.body, {
        sessionDays,
        now: new Date(),
      });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        path: '/',
        expires: expiresAt,
      });
      return me;
    },
  );

  app.delete(
    '/api/session',
    {
      config: { isPublic: true },
      schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.undefined() } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags: ['session'],
        summary: 'Who is signed in',
        response: { 200: Me, 401: ErrorResponse },
      },
    },
    async (request) => meOf(request),
  );
};
