import { inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** The owners whose rows a query may return; null is the whole organisation. */
export type OwnerScope = readonly string[] | null;

/** `column in (scope)`, or no condition for the whole organisation; an empty scope matches nothing. */
export function inOwnerScope(column: PgColumn, scope: OwnerScope): SQL | undefined {
  if (scope === null) return undefined;
  if (scope.length === 0) return sql`false`;
  return inArray(column, [...scope]);
}

/** Escapes LIKE wildcards in user input, so a search for "50%" finds "50%". */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
