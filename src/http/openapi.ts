import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../schemas/common';

// What the OpenAPI document says of every operation, decided once from the route table rather
// than repeated in each route: an operationId a generated client can name its methods by, no
// security requirement on the public routes (sign-in, health), the 401 of every other one, the
// 413 of every one that takes a body, and the ETag header of every versioned answer.

/** `GET /api/opportunities/:id/plan` → `getOpportunitiesByIdPlan`. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) =>
      segment.startsWith(':') ? ['by', segment.slice(1)] : segment.split(/[^A-Za-z0-9]+/),
    )
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0]?.toUpperCase() + w.slice(1))].join('');
}

export const openApiTransform: SwaggerTransform = (input) => {
  const { route } = input;
  const method = Array.isArray(route.method) ? route.method[0] : route.method;
  const isPublic = route.config?.isPublic === true;
  const response = { ...(input.schema.response as Record<string, unknown> | undefined) };
  // A route that streams a multipart body (the import) declares it for the document only.
  const multipartBody = route.config?.multipartBody;
  if (multipartBody !== undefined) {
    input = {
      ...input,
      schema: { ...input.schema, body: multipartBody, consumes: ['multipart/form-data'] },
    };
  }
  if (!isPublic && !('401' in response)) response['401'] = ErrorResponse;
  // A body over the route's limit is refused before it is parsed.
  if (input.schema.body !== undefined && !('413' in response)) response['413'] = ErrorResponse;
  const schema = {
    ...input.schema,
    response,
    operationId: operationIdOf(String(method), input.url),
    ...(isPublic ? { security: [] } : {}),
  };
  const transformed = jsonSchemaTransform({ ...input, schema: schema as FastifySchema });
  if (route.config?.sendsEtag === true) withEtagHeaders(transformed.schema.response);
  return transformed;
};

const ETAG_HEADER = {
  type: 'string',
  description: 'The version of the resource answered, to send back as If-Match with a change',
};

/** Declares the ETag on each success answer (src/http/etag.ts sends it). */
function withEtagHeaders(responses: unknown): void {
  if (typeof responses !== 'object' || responses === null) return;
  for (const [status, response] of Object.entries(responses))
    if (status.startsWith('2') && typeof response === 'object' && response !== null)
      Object.assign(response, { headers: { ETag: ETAG_HEADER } });
}
