import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { DEFAULT_IMPORT_MAX_MB } from '../config';
import type { DatabaseHandle } from '../db/client';
import { authentication } from './authentication';
import { handleError } from './errors';
import { etagHeaders } from './etag';
import { openApiTransform } from './openapi';
import { serializerCompiler } from './serializer';
import { refuseNulBytes } from './text-input';
import { accountRoutes } from './routes/accounts';
import { activityRoutes } from './routes/activities';
import { contactRoutes } from './routes/contacts';
import { importRoutes } from './routes/import';
import { dealPlanRoutes } from './routes/deal-plans';
import { planFormatRoutes } from './routes/plan-format';
import { opportunityRoutes } from './routes/opportunities';
import { organisationRoutes } from './routes/organisation';
import { productRoutes } from './routes/products';
import { referenceRoutes } from './routes/reference';
import { sessionRoutes } from './routes/session';
import { strategyRoutes } from './routes/strategies';
import { repPlanRoutes } from './routes/rep-plans';
import { reportRoutes } from './routes/reports';
import { dashboardRoutes } from './routes/dashboards';
import { keyAccountRoutes } from './routes/key-accounts';
import { keyAccountPlanRoutes } from './routes/key-accounts-plans';
import { keyAccountWhitespaceRoutes } from './routes/key-accounts-whitespace';
import { checkInRoutes } from './routes/check-ins';
import { teamPlanRoutes } from './routes/team-plans';
import { exchangeRateRoutes } from './routes/exchange-rates';
import { planningCalendarRoutes } from './routes/planning-calendar';
import { tokenRoutes } from './routes/tokens';
import { calendarFeedRoutes } from './routes/calendar-feed';
import { passwordLinkRoutes } from './routes/password-links';
import { userRoutes } from './routes/users';
import { referenceListRoutes } from './routes/reference-lists';
import { auditLogRoutes } from './routes/audit-log';
import { searchRoutes } from './routes/search';

export type ServerOptions = {
  database: DatabaseHandle;
  sessionDays: number;
  secureCookies: boolean;
  /** Read the client's address from X-Forwarded-For (behind a reverse proxy); off by default. */
  trustProxy?: boolean;
  logLevel: string;
  prettyLogs?: boolean;
  /** The built web app (vite build output); the API works without it. */
  webDir?: string;
  /** The largest CSV file the web import takes (config: SALESPLAN_IMPORT_MAX_MB). */
  importMaxFileBytes?: number;
};

export const defaultWebDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      // Readable lines for a person at a terminal; JSON lines for log collectors.
      ...(options.prettyLogs
        ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } }
        : {}),
    },
    // Ids in URLs are UUIDs; anything longer is not ours.
    routerOptions: { maxParamLength: 200 },
    bodyLimit: 5 * 1024 * 1024,
    // Sign-in limits count per client address: behind a proxy that is X-Forwarded-For's.
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook('preValidation', async (request) => refuseNulBytes(request));

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Salesplan API',
        description:
          'Deal plans, rep plans, key-account plans and the records under them. Sign in with ' +
          '`POST /api/session` (cookie) or send a personal API token as `Authorization: Bearer <token>`.',
        version: '0.1.0',
        license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
      },
      // The document is served by the server it describes: its paths are relative to it.
      servers: [{ url: '/', description: 'This Salesplan server' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'salesplan_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: openApiTransform,
  });
  await app.register(fastifyHelmet, {
    // The web app loads its own scripts and styles (Mantine sets style attributes inline) and
    // calls only its own API; nobody may frame it. HSTS only where the app is served over HTTPS
    // (secure cookies: production), or a local http:// start would be told to use https.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: options.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: options.secureCookies
      ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: true }
      : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'deny' },
  });
  // Limits are set per route (sign-in); the store is this process's memory.
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(fastifyCookie);
  const db = options.database.db;
  await app.register(authentication, { db, sessionDays: options.sessionDays });
  await app.register(etagHeaders);

  app.get('/api/openapi.json', { config: { isPublic: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(referenceRoutes, { db, engine: options.database.engine });
  await app.register(sessionRoutes, {
    db,
    sessionDays: options.sessionDays,
    secureCookies: options.secureCookies,
  });
  await app.register(tokenRoutes, { db });
  await app.register(calendarFeedRoutes, { db });
  await app.register(organisationRoutes, { db });
  await app.register(userRoutes, { db });
  await app.register(passwordLinkRoutes, { db });
  await app.register(referenceListRoutes, { db });
  await app.register(auditLogRoutes, { db });
  await app.register(accountRoutes, { db });
  await app.register(contactRoutes, { db });
  await app.register(productRoutes, { db });
  await app.register(opportunityRoutes, { db });
  await app.register(activityRoutes, { db });
  await app.register(importRoutes, {
    db,
    maxFileBytes: options.importMaxFileBytes ?? DEFAULT_IMPORT_MAX_MB * 1024 * 1024,
  });
  await app.register(dealPlanRoutes, { db });
  await app.register(planFormatRoutes, { db });
  await app.register(strategyRoutes, { db });
  await app.register(repPlanRoutes, { db });
  await app.register(checkInRoutes, { db });
  await app.register(teamPlanRoutes, { db });
  await app.register(exchangeRateRoutes, { db });
  await app.register(planningCalendarRoutes, { db });
  await app.register(reportRoutes, { db });
  await app.register(dashboardRoutes, { db });
  await app.register(keyAccountRoutes, { db });
  await app.register(keyAccountPlanRoutes, { db });
  await app.register(keyAccountWhitespaceRoutes, { db });
  await app.register(searchRoutes, { db });

  await serveWebApp(app, options.webDir ?? defaultWebDir);
  return app;
}

// The single-page app: static files, and index.html for every other non-API path so deep links work.
async function serveWebApp(app: FastifyInstance, webDir: string) {
  const hasBuild = fs.existsSync(path.join(webDir, 'index.html'));
  if (hasBuild) await app.register(fastifyStatic, { root: webDir, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.status(404).send({
        error: { code: 'not_found', message: `No route ${request.method} ${request.url}` },
      });
    }
    if (!hasBuild) {
      return reply
        .type('text/html')
        .send(
          '<h1>Salesplan</h1><p>The web app is not built: run <code>npm run build:web</code>. The API is at /api/docs.</p>',
        );
    }
    return reply.sendFile('index.html');
  });
}
