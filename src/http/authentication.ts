import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/client';
import { ForbiddenError, UnauthenticatedError } from '../domain/errors';
import type { Me } from '../schemas/session';
import { authenticateApiToken, authenticateSession } from '../services/auth';
import type { Actor } from '../services/authorization';

export const SESSION_COOKIE = 'salesplan_session';

declare module 'fastify' {
  interface FastifyRequest {
    identity: { me: Me; actor: Actor } | null;
  }
  interface FastifyContextConfig {
    /** Routes anyone may call without signing in. */
    isPublic?: boolean;
  }
}

/** The signed-in actor of a request that passed authentication. */
/** This server as the client reached it (behind a proxy, as the proxy says with trustProxy). */
export const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export function actorOf(request: FastifyRequest): Actor {
  if (!request.identity) throw new UnauthenticatedError();
  return request.identity.actor;
}

export function meOf(request: FastifyRequest): Me {
  if (!request.identity) throw new UnauthenticatedError();
  return request.identity.me;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A write whose Origin is another site (defence in depth beside SameSite=Lax cookies). Browsers
 * send Origin on every write; a client without one (curl, a script) is no browser to trick.
 */
function isCrossSiteWrite(request: FastifyRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== request.host;
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage
  }
}

// Every /api route needs a session cookie or a bearer token, unless it is marked public.
export const authentication = fp(
  async (app: FastifyInstance, options: { db: Database; sessionDays: number }) => {
    app.decorateRequest('identity', null);
    // onRequest: before the body is read, so a stranger's upload is refused unread.
    app.addHook('onRequest', async (request) => {
      const route = request.routeOptions.url ?? '';
      // The interactive API reference is public; what it calls is not.
      if (
        !route.startsWith('/api/') ||
        route.startsWith('/api/docs') ||
        request.routeOptions.config.isPublic
      )
        return;
      const now = new Date();
      const header = request.headers.authorization;
      if (header) {
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        if (!match?.[1])
          throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
        request.identity = await authenticateApiToken(options.db, match[1], now);
        return;
      }
      const token = request.cookies[SESSION_COOKIE];
      if (!token) throw new UnauthenticatedError('Sign in first');
      if (isCrossSiteWrite(request))
        throw new ForbiddenError('A change signed in by cookie must come from this site');
      request.identity = await authenticateSession(options.db, token, {
        sessionDays: options.sessionDays,
        now,
      });
    });
  },
);
