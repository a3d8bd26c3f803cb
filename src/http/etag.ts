import fp from 'fastify-plugin';
import { etag } from '../schemas/common';

// A versioned resource (a plan, the strategy, a user, the organisation's settings, the scoring
// model) answers its version as the ETag, the value a client sends back as If-Match. Routes say
// so once, with `config: { sendsEtag: true }`; this hook sets the header from the answer's
// `version`, and the OpenAPI document (src/http/openapi.ts) declares it from the same flag.

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers a versioned resource: its `version` goes out as the ETag. */
    sendsEtag?: boolean;
  }
}

function versionOf(payload: unknown): number | undefined {
  if (typeof payload !== 'object' || payload === null || !('version' in payload)) return undefined;
  return typeof payload.version === 'number' ? payload.version : undefined;
}

export const etagHeaders = fp(async (app) => {
  app.addHook('preSerialization', async (request, reply, payload) => {
    const version = versionOf(payload);
    if (
      request.routeOptions.config.sendsEtag === true &&
      reply.statusCode < 300 &&
      version !== undefined
    )
      void reply.header('etag', etag(version));
    return payload;
  });
});
