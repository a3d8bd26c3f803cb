import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';
import { lockDataDir } from './data-dir-lock';

export type Schema = typeof schema;
/** The one database type every query takes: the same on PGlite and PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: queries accept either. */
export type Executor = Parameters<Parameters<Database['transaction']>[0]>[0] | Database;

export type DatabaseHandle = {
  db: Database;
  engine: 'pglite' | 'postgres';
  /** Applies the committed migrations that have not run yet. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Calls `listener` with every SQL statement sent (and its parameters), until the returned function is called. */
  onQuery(listener: QueryListener): () => void;
};

// Drizzle's logger sees every statement, in transactions too: tests count a request's queries.
export type QueryListener = (sql: string, params: readonly unknown[]) => void;

function queryListeners() {
  const listeners = new Set<QueryListener>();
  return {
    logger: {
      logQuery: (sql: string, params: unknown[]) => {
        for (const listener of listeners) listener(sql, params);
      },
    },
    onQuery(listener: QueryListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/**
 * The extensions the migrations create (search's trigram indexes): PGlite loads an extension only
 * when it is named here, so every `PGlite.create` passes them, a reopened database included.
 */
export const pgliteExtensions = { pg_trgm, btree_gin };

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export type DatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Who holds the embedded database's lock, for the error a second process sees. */
  purpose: string;
};

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir, options.purpose);
}

export function openPostgres(connectionString: string): DatabaseHandle {
  // No JIT compilation: the dashboards' statements have many expressions (conversions, flags)
  // and estimates high enough to be compiled, which took 7-11 s for a one-rep statement that
  // runs in 46 ms without it (bench large, docs/PERFORMANCE.md); on the whole-organisation
  // aggregates JIT saved nothing measurable.
  const pool = new pg.Pool({ connectionString, max: 10, options: '-c jit=off' });
  const { logger, onQuery } = queryListeners();
  const db = drizzlePg(pool, { schema, logger }) as unknown as Database;
  return {
    db,
    engine: 'postgres',
    onQuery,
    migrate: () => migratePg(db as never, { migrationsFolder }),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, purpose: string): Promise<DatabaseHandle> {
  const release = lockDataDir(dataDir, purpose);
  try {
    const pgDataDir = path.join(dataDir, 'pgdata');
    fs.mkdirSync(pgDataDir, { recursive: true });
    const client = await PGlite.create(pgDataDir, { extensions: pgliteExtensions });
    return wrapPglite(client, release);
  } catch (error) {
    release();
    throw error;
  }
}

/** Wraps an open PGlite instance (tests load one from a migrated template). */
export function wrapPglite(client: PGlite, onClose: () => void = () => {}): DatabaseHandle {
  const { logger, onQuery } = queryListeners();
  const db = drizzlePglite(client, { schema, logger }) as unknown as Database;
  return {
    db,
    engine: 'pglite',
    onQuery,
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: async () => {
      try {
        await client.close();
      } finally {
        onClose();
      }
    },
  };
}

/** Runs raw SQL and returns its rows: both drivers answer `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

type Query = () => PromiseLike<unknown>;

/**
 * Runs independent queries: together on a pool, one after another inside a transaction (its one
 * connection runs one query at a time; node-postgres only queues them, with a warning).
 */
export async function allQueries<const T extends readonly Query[]>(
  db: Executor,
  queries: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  if (!(db instanceof PgTransaction)) {
    return (await Promise.all(queries.map((query) => query()))) as never;
  }
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as never;
}
