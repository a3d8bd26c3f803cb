import type { FieldIssue } from '../domain/errors';

// PostgreSQL text cannot hold the NUL character: a request carrying one is refused as bad input
// (400 naming the field) before any route parses it, rather than failing in the database.

/** A request whose input cannot be read as it is: answered 400 with the fields at fault. */
export class BadRequestInput extends Error {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.reason}`).join('; '));
    this.name = 'BadRequestInput';
    this.issues = issues;
  }
}

const MAX_ISSUES = 10;

/** The paths (`name`, `steps.2.what`, `query.q`) of strings that contain a NUL character. */
export function nulBytePaths(value: unknown, prefix: string): string[] {
  const found: string[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value, path: prefix, depth: 0 },
  ];
  while (stack.length > 0 && found.length < MAX_ISSUES) {
    const next = stack.pop();
    if (!next) break;
    const { value: current, path, depth } = next;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) found.push(path || 'body');
    } else if (current && typeof current === 'object' && depth < 64) {
      for (const [key, child] of Object.entries(current)) {
        if (key.includes('\u0000')) found.push(path ? `${path}.${key}` : key);
        stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    }
  }
  return found.sort();
}

/** Throws BadRequestInput when the body, query or path holds a NUL character. */
export function refuseNulBytes(request: { body?: unknown; query?: unknown; params?: unknown }) {
  const paths = [
    ...nulBytePaths(request.body, ''),
    ...nulBytePaths(request.query, 'query'),
    ...nulBytePaths(request.params, 'params'),
  ];
  if (paths.length > 0)
    throw new BadRequestInput(
      paths.map((field) => ({ field, reason: 'must not contain the NUL character (\\u0000)' })),
    );
}
