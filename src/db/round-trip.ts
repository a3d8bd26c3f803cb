import { getTableColumns, type SQL, sql, type Table } from 'drizzle-orm';
import type { Executor } from './client';

// A dashboard needs a dozen independent aggregates; sent one by one, each waits for a pool
// connection and a round trip of its own (docs/PERFORMANCE.md, "Load"). `inOneRoundTrip` sends
// the raw statements issued together as one: each becomes a sub-select aggregated to JSON, one
// column per statement, on the same connection and snapshot. The queries return text, numbers
// and booleans (ids and days already cast to text), which JSON carries unchanged; their callers
// convert counts with Number() whichever way they come (a string from pg, a BigInt from PGlite,
// a number from JSON).

type Pending = {
  query: SQL;
  resolve: (result: { rows: unknown[] }) => void;
  reject: (error: unknown) => void;
};

const batchedExecutors = new WeakSet<object>();

function rowsOf(value: unknown): unknown[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed : [];
}

/**
 * Runs `work` with an executor that gathers the raw statements (`execute`, which `queryRows`
 * uses) issued in the same turn of the event loop — say the queries of one `Promise.all` — and
 * sends them as one statement. Statements of the query builder go through unchanged. Reads only:
 * a sub-select's rows keep the order its ORDER BY gave them. Nested, the inner work runs on the
 * outer batch.
 */
export async function inOneRoundTrip<D extends Executor, T>(
  db: D,
  work: (batched: D) => Promise<T>,
): Promise<T> {
  // Nested (computeRepFigures inside a dashboard's batch): the outer batch takes its statements.
  if (batchedExecutors.has(db)) return work(db);
  let pending: Pending[] = [];
  const flush = async () => {
    const queries = pending;
    pending = [];
    if (queries.length === 1) {
      const [only] = queries as [Pending];
      db.execute(only.query).then(
        (result) => only.resolve(result as unknown as { rows: unknown[] }),
        only.reject,
      );
      return;
    }
    const columns = queries.map(
      (query, i) =>
        sql`(select coalesce(json_agg(r), '[]'::json) from (${query.query}) r) as ${sql.identifier(`r${i}`)}`,
    );
    try {
      const result = (await db.execute(sql`select ${sql.join(columns, sql`, `)}`)) as unknown as {
        rows: Record<string, unknown>[];
      };
      const row = result.rows[0] ?? {};
      queries.forEach((query, i) => query.resolve({ rows: rowsOf(row[`r${i}`]) }));
    } catch (error) {
      for (const query of queries) query.reject(error);
    }
  };
  const execute = (query: SQL) =>
    new Promise<{ rows: unknown[] }>((resolve, reject) => {
      if (pending.length === 0) setImmediate(() => void flush());
      pending.push({ query, resolve, reject });
    });
  const batched = new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'execute') return execute;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  batchedExecutors.add(batched);
  return work(batched);
}

/**
 * A table's row from its JSON form (a raw `select t.*` through `inOneRoundTrip`, keys in
 * snake_case), each column decoded as Drizzle decodes the driver's value: timestamps become
 * Dates, bigints numbers, jsonb stays parsed.
 */
export function rowFromJson<T extends Table>(table: T, json: unknown): T['$inferSelect'] {
  const fields = json as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    // JSON writes a timestamp as ISO 8601, not as the driver's text: only Date mode reads both.
    if (column.columnType === 'PgTimestampString')
      throw new Error(`rowFromJson: ${column.name} is a timestamp in string mode`);
    const value = fields[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}
