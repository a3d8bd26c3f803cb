import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { TooManyRequestsError, UnauthenticatedError } from '../../domain/errors';
import { ErrorResponse } from '../../schemas/common';
import { Me, SignInInput } from '../../schemas/session';
import { signIn, signOut } from '../../services/auth';
import { meOf, SESSION_COOKIE } from '../authentication';

export type SessionRouteOptions = { db: Database; sessionDays: number; secureCookies: boolean };

/**
 * Sign-in resists guessing in two ways. Each client address may try 30 times a minute, whatever
 * the account (this also bounds the argon2 work one client can ask of the server). And each
 * account may fail 10 times in 15 minutes from one address; the 11th attempt answers 429 until
 * the window ends, even with the right password. The window always ends, and another address
 * (the real user's) keeps its own count, so an attacker cannot lock a real user out.
 */
export const SIGN_IN_LIMITS = {
  perAddress: { max: 30, timeWindow: 60_000 },
  failuresPerAccountAndAddress: { max: 10, timeWindow: 15 * 60_000 },
} as const;

/** The per-address limit of a public route, its 429 saying what was tried too often. */
export function perAddressLimit(tried: string) {
  return {
    ...SIGN_IN_LIMITS.perAddress,
    errorResponseBuilder: (_request: unknown, context: { after: string; ttl: number }) =>
      new TooManyRequestsError(
        `Too many ${tried} from your address; try again in ${context.after}`,
        Math.ceil(context.ttl / 1000),
      ),
  };
}

export const sessionRoutes: FastifyPluginAsyncZod<SessionRouteOptions> = async (
  app,
  { db, sessionDays, secureCookies },
) => {
  const failedSignIns = app.createRateLimit({
    ...SIGN_IN_LIMITS.failuresPerAccountAndAddress,
    // The limiter sees the plain request; the body it reads is the sign-in already validated.
    keyGenerator: (request) =>
      `${SignInInput.pick({ email: true }).safeParse(request.body).data?.email ?? ''}|${request.ip}`,
  });
  app.post(
    '/api/session',
    {
      config: {
        isPublic: true,
        rateLimit: perAddressLimit('sign-in attempts'),
      },
      schema: {
        tags: ['session'],
        summary: 'Sign in with email and password; sets an HttpOnly session cookie',
        body: SignInInput,
        response: { 200: Me, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const failures = await failedSignIns(request, { increment: false });
      if (!failures.isAllowed && failures.remaining === 0) {
        const minutes = Math.max(1, Math.ceil(failures.ttlInSeconds / 60));
        throw new TooManyRequestsError(
          `Too many failed sign-ins for this account; try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask your admin to reset your password`,
          failures.ttlInSeconds,
        );
      }
      const { token, expiresAt, me } = await signIn(db, request.body, {
        sessionDays,
        now: new Date(),
      }).catch(async (error: unknown) => {
        if (error instanceof UnauthenticatedError) await failedSignIns(request);
        throw error;
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
