import { z } from 'zod';

export const Id = z.uuid();
/** PostgreSQL's largest `integer` (versions, counts like employees). */
export const INT4_MAX = 2_147_483_647;
/** A calendar date; PostgreSQL has no year 0, so years start at 0001. */
export const IsoDate = z.iso.date().refine((d) => !d.startsWith('0000'), 'has no year 0');
export const IsoDateTime = z.iso.datetime({ offset: true });
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO currency code');
/** Money in integer minor units (cents): never a float. */
export const AmountMinor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const NonBlank = z.string().trim().min(1, 'must not be blank');
export const OptionalText = z.string().trim().max(10_000).nullable().optional();
export const IdParams = z.object({ id: Id });

// A required choice left empty says what to do ("pick a stage"), not "Invalid UUID".
const pickMessage = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined || issue.input === null || issue.input === ''
    ? `pick ${what}`
    : undefined;
/** A required reference: `PickedId('a stage')`. */
export const PickedId = (what: string) => z.uuid({ error: pickMessage(what) });
/** A required day: `PickedDate('a date')`. */
export const PickedDate = (what: string) =>
  z.iso.date({ error: pickMessage(what) }).refine((d) => !d.startsWith('0000'), 'has no year 0');

export const SortOrder = z.enum(['asc', 'desc']);

/** Paging shared by every list endpoint: `?page=1&pageSize=50`. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  order: SortOrder.default('asc'),
});

/**
 * Every list answers `{ items, total }`; `total` counts all matches, not just this page. The large
 * lists (opportunities, accounts, contacts, activities) count exactly up to EXACT_TOTAL_UP_TO
 * matches and past that give the planner's estimate, with `totalIsEstimate`; their `nextCursor`
 * is the `after` of the next page (null on the last), which costs the same at any depth.
 */
export function ListResponse<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    totalIsEstimate: z.boolean().optional(),
    nextCursor: z.string().nullable().optional(),
  });
}

/** Up to this many matches a list's total is counted; past it, it is estimated. */
export const EXACT_TOTAL_UP_TO = 10_000;

export const FieldIssue = z.object({ field: z.string(), reason: z.string() });

export const ErrorResponse = z.object({
  error: z.object({
    code: z.enum([
      'validation_failed',
      'unprocessable',
      'not_found',
      'conflict',
      'forbidden',
      'unauthenticated',
      'too_many_requests',
      'internal',
    ]),
    message: z.string(),
    issues: z.array(FieldIssue).optional(),
    current: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** The error answers of a read: bad input, signed out, not allowed, not found. */
export const ReadErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
} as const;
/** A write's, plus a stale version or a conflict (409) and a rule broken (422). */
export const WriteErrors = { ...ReadErrors, 409: ErrorResponse, 422: ErrorResponse } as const;

// Optimistic concurrency: reads answer `ETag: "<version>"`; writes send back the version they
// read as `If-Match` (quotes optional) and get 409 when someone saved in between.
const versionText = z
  .string({ error: 'is required: send the version you read, e.g. If-Match: "3"' })
  .regex(/^\s*(W\/)?"?\d+"?\s*$/, 'must be the version you read, e.g. "3"')
  .transform((text) => Number(text.replace(/\D/g, '')))
  .refine((version) => version <= INT4_MAX, 'is not a version this server gave out');

/** Writes that must say which version they are based on. */
export const IfMatchHeaders = z.object({ 'if-match': versionText });
/** Writes where the version is checked only once the record exists (or by the service). */
export const OptionalIfMatchHeaders = z.object({ 'if-match': versionText.optional() });

export const etag = (version: number) => `"${version}"`;
