import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
  ValidationError,
} from '../domain/errors';
import type { ErrorResponse } from '../schemas/common';
import { PayloadTooLarge } from './multipart-upload';
import { BadRequestInput } from './text-input';

type Body = ErrorResponse['error'];

// The one place an error becomes an HTTP status. Zod parse failures are 400 with the field;
// rule violations found later (a dangling id, a bad combination) are 422; another
// organisation's or another team's record is 404 like one that does not exist.
function toHttp(error: unknown): {
  status: number;
  body: Body;
  headers?: Record<string, string>;
} {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext;
    const prefix =
      context === 'body' || context === undefined
        ? ''
        : `${context === 'querystring' ? 'query' : context}.`;
    const issues = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return {
        field: `${prefix}${path}` || (context ?? 'body'),
        reason: v.message ?? 'is invalid',
      };
    });
    return {
      status: 400,
      body: {
        code: 'validation_failed',
        message: issues.map((i) => `${i.field}: ${i.reason}`).join('; '),
        issues,
      },
    };
  }
  if (error instanceof BadRequestInput) {
    return {
      status: 400,
      body: { code: 'validation_failed', message: error.message, issues: error.issues },
    };
  }
  if (error instanceof PayloadTooLarge) {
    return {
      status: 413,
      body: { code: 'validation_failed', message: error.message, issues: error.issues },
    };
  }
  if (error instanceof ValidationError) {
    return {
      status: 422,
      body: { code: 'unprocessable', message: error.message, issues: error.issues },
    };
  }
  if (error instanceof NotFoundError)
    return { status: 404, body: { code: 'not_found', message: error.message } };
  if (error instanceof ConflictError) {
    return {
      status: 409,
      body: {
        code: 'conflict',
        message: error.message,
        ...(error.current === undefined ? {} : { current: error.current }),
      },
    };
  }
  if (error instanceof ForbiddenError)
    return { status: 403, body: { code: 'forbidden', message: error.message } };
  if (error instanceof UnauthenticatedError) {
    return { status: 401, body: { code: 'unauthenticated', message: error.message } };
  }
  if (error instanceof TooManyRequestsError) {
    return {
      status: 429,
      body: { code: 'too_many_requests', message: error.message },
      headers: { 'retry-after': String(error.retryAfterSeconds) },
    };
  }
  const statusCode = (error as FastifyError).statusCode;
  if (!isResponseSerializationError(error) && statusCode && statusCode >= 400 && statusCode < 500) {
    // Fastify's own 4xx: malformed JSON, a body too large, a wrong content type.
    return {
      status: statusCode,
      body: {
        code: 'validation_failed',
        message: (error as Error).message,
        issues: [{ field: 'body', reason: (error as Error).message }],
      },
    };
  }
  return {
    status: 500,
    body: { code: 'internal', message: 'Something went wrong on our side; it has been logged' },
  };
}

/**
 * The error as it is logged: message, name, code, stack and cause, but never the SQL parameters a
 * database error carries (a new user's password hash, a token's hash, whatever was written).
 */
export function loggable(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 3) return error;
  const { code, query, params } = error as Error & {
    code?: unknown;
    query?: unknown;
    params?: unknown;
  };
  // Drizzle writes the parameters into its message (and so into the stack) too.
  const message =
    typeof query === 'string' && params !== undefined ? `Failed query: ${query}` : error.message;
  return {
    type: error.name,
    message,
    ...(code === undefined ? {} : { code }),
    stack: error.stack?.replace(error.message, message),
    ...(error.cause === undefined ? {} : { cause: loggable(error.cause, depth + 1) }),
  };
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body, headers } = toHttp(error);
  if (status >= 500) request.log.error({ err: loggable(error) }, 'request failed');
  if (headers) void reply.headers(headers);
  return reply.status(status).send({ error: body });
}
