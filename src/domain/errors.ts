// One class per kind of failure. Code throws the kind; the HTTP layer (src/http/errors.ts) and
// the CLI (src/cli/errors.ts) each map kinds to a status or an exit in one place.

export type FieldIssue = { field: string; reason: string };

export class ValidationError extends Error {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[] | FieldIssue) {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.map((i) => `${i.field}: ${i.reason}`).join('; '));
    this.name = 'ValidationError';
    this.issues = list;
  }
}

export class NotFoundError extends Error {
  constructor(entity: string, id?: string) {
    super(id === undefined ? `${entity} not found` : `${entity} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends Error {
  readonly current: unknown;
  constructor(message: string, current?: unknown) {
    super(message);
    this.name = 'ConflictError';
    this.current = current;
  }
}

export class ForbiddenError extends Error {
  constructor(message = 'You are not allowed to do this') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class UnauthenticatedError extends Error {
  constructor(message = 'Sign in first') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

export class TooManyRequestsError extends Error {
  /** Seconds after which the caller may try again. */
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.name = 'TooManyRequestsError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
