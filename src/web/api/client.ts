import type { ErrorResponse } from '../../schemas/common';

export type FieldIssue = { field: string; reason: string };

/** A failed API call: the HTTP status plus the server's `{ error: { code, message, issues } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: FieldIssue[];
  /** On a 409 from a versioned write: the record as it is now, when the server sends it. */
  readonly current: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    issues: FieldIssue[] = [],
    current: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.current = current;
  }

  /** The reason the server gave for one field (`name`, `amountMinor`...), if any. */
  issueFor(field: string): string | undefined {
    return this.issues.find((issue) => issue.field === field)?.reason;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

/** `{ q: 'acme', page: 2, ownerId: undefined }` → `?q=acme&page=2`; blanks are left out. */
export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// Zod paths come back as `body.amountMinor` from the route layer; forms know fields as `amountMinor`.
function normaliseIssues(issues: readonly FieldIssue[] | undefined): FieldIssue[] {
  return (issues ?? []).map((issue) => ({
    field: issue.field.replace(/^body\./, ''),
    reason: issue.reason,
  }));
}

const FALLBACK_MESSAGES: Record<number, string> = {
  401: 'Your session has ended. Sign in again.',
  403: 'You are not allowed to do this.',
  404: 'Not found.',
  409: 'This conflicts with the current data.',
};

async function toApiError(response: Response): Promise<ApiError> {
  let body: Partial<ErrorResponse> | null = null;
  try {
    body = (await response.json()) as Partial<ErrorResponse>;
  } catch {
    body = null;
  }
  const error = body?.error;
  // The contract says `{ error: { code, message } }`, but a proxy or an early hook may answer
  // `{ error: 'text' }` or plain text: keep whatever message there is.
  if (error && typeof error === 'object') {
    return new ApiError(
      response.status,
      error.code ?? 'internal',
      error.message ?? FALLBACK_MESSAGES[response.status] ?? response.statusText,
      normaliseIssues(error.issues),
      error.current,
    );
  }
  const message =
    typeof error === 'string'
      ? error
      : (FALLBACK_MESSAGES[response.status] ??
        `The server answered ${response.status} ${response.statusText}`.trim());
  return new ApiError(
    response.status,
    response.status === 401 ? 'unauthenticated' : 'internal',
    message,
  );
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** The version the write is based on, sent as `If-Match`: a stale write gets 409. */
  version?: number | null | undefined;
};

/** Calls the same-origin JSON API with the session cookie; throws ApiError on any non-2xx. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, version } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(version === null || version === undefined ? {} : { 'If-Match': `"${version}"` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection and retry.');
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, params: Record<string, QueryValue> = {}) =>
    apiRequest<T>(`${path}${toQueryString(params)}`),
  post: <T>(path: string, body?: unknown, version?: number | null) =>
    apiRequest<T>(path, { method: 'POST', body, version }),
  patch: <T>(path: string, body: unknown, version?: number | null) =>
    apiRequest<T>(path, { method: 'PATCH', body, version }),
  put: <T>(path: string, body: unknown, version?: number | null) =>
    apiRequest<T>(path, { method: 'PUT', body, version }),
  delete: (path: string, version?: number | null) =>
    apiRequest<undefined>(path, { method: 'DELETE', version }),
};

/** Every list endpoint answers this. */
/** A list's page: `total` is exact unless `totalIsEstimate` (a large list's planner estimate). */
export type Page<T> = {
  items: T[];
  total: number;
  totalIsEstimate?: boolean;
  nextCursor?: string | null;
};

/** A human sentence for any thrown value, for alerts and notifications. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
