import { Readable, type Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFromStdin, to as copyToStdout } from 'pg-copy-streams';
import type { Executor } from './client';

// COPY in PostgreSQL's text format, one code path for both engines: on PostgreSQL the rows stream
// through `COPY … FROM STDIN` (pg-copy-streams, with the socket's backpressure); PGlite has no
// STDIN, so they go in chunks of a few MB as `COPY … FROM '/dev/blob'` with the chunk as the
// query's `blob` (PGlite reads a blob whole). Either way only a chunk is in memory, never the file.

/** A value as COPY writes it: null and undefined are SQL NULL, anything else its text. */
export type CopyValue = string | number | bigint | boolean | null | undefined;

type Rows = Iterable<readonly CopyValue[]> | AsyncIterable<readonly CopyValue[]>;

/** PGlite reads a `/dev/blob` whole: the text is cut into blobs of about this size. */
const PGLITE_CHUNK_BYTES = 4 * 1024 * 1024;

type RawClient =
  | { engine: 'pglite'; client: PGlite | PgliteTransaction }
  | { engine: 'postgres'; client: pg.PoolClient | pg.Pool };

type Session = {
  client: unknown;
  logger?: { logQuery(query: string, params: unknown[]): void };
};

// Drizzle keeps the driver's client (a transaction's own connection inside one) on its session.
function sessionOf(db: Executor): Session {
  return (db as unknown as { session: Session }).session;
}

function rawClient(db: Executor): RawClient {
  const client = sessionOf(db).client;
  if (client instanceof pg.Pool || client instanceof pg.Client) {
    return { engine: 'postgres', client: client as pg.PoolClient | pg.Pool };
  }
  return { engine: 'pglite', client: client as PGlite };
}

function logQuery(db: Executor, text: string) {
  sessionOf(db).logger?.logQuery(text, []);
}

/** `"name"`: a quoted identifier (the callers pass their own table and column names). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function copyTarget(table: string, columns: readonly string[]) {
  return `${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')})`;
}

const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field in COPY's text format: `\N` for null, backslash, tab, CR and LF escaped. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  if (text.includes('\0')) throw new Error('a value holds a NUL character, which text cannot');
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => escapes[c] ?? c) : text;
}

/** One row in COPY's text format, newline included. */
export function copyLine(row: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + copyField(row[i]);
  return `${line}\n`;
}

async function* lines(rows: Rows): AsyncIterable<string> {
  for await (const row of rows) yield copyLine(row);
}

/**
 * Writes rows into a table's columns with COPY, inside the caller's transaction when `db` is
 * one. Returns the number of rows written.
 */
export async function copyRows(
  db: Executor,
  table: string,
  columns: readonly string[],
  rows: Rows,
): Promise<number> {
  return copyText(db, table, columns, lines(rows));
}

/**
 * Writes text already in COPY's text format (whole lines; a chunk may end anywhere) into a
 * table's columns. Returns the number of rows written.
 */
export async function copyText(
  db: Executor,
  table: string,
  columns: readonly string[],
  text: Iterable<string | Buffer> | AsyncIterable<string | Buffer>,
): Promise<number> {
  const raw = rawClient(db);
  if (raw.engine === 'postgres') {
    const statement = `copy ${copyTarget(table, columns)} from stdin`;
    logQuery(db, statement);
    return withConnection(raw.client, async (client) => {
      const stream = client.query(copyFromStdin(statement));
      await pipeline(Readable.from(text), stream as Writable);
      return stream.rowCount;
    });
  }
  const statement = `copy ${copyTarget(table, columns)} from '/dev/blob'`;
  let written = 0;
  let parts: string[] = [];
  let size = 0;
  let carry = '';
  // A buffer may end inside a character: the decoder keeps its first bytes for the next one.
  const decoder = new StringDecoder('utf8');
  const flush = async () => {
    if (size === 0) return;
    logQuery(db, statement);
    const blob = new Blob(parts);
    parts = [];
    size = 0;
    const result = await raw.client.query(statement, [], { blob });
    written += result.affectedRows ?? 0;
  };
  for await (const chunk of text) {
    // A blob must end on a line: keep what follows the last newline for the next one.
    const piece = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    const end = piece.lastIndexOf('\n') + 1;
    carry = piece.slice(end);
    if (end === 0) continue;
    const whole = piece.slice(0, end);
    parts.push(whole);
    size += whole.length;
    if (size >= PGLITE_CHUNK_BYTES) await flush();
  }
  carry += decoder.end();
  if (carry !== '') {
    parts.push(`${carry}\n`);
    size += carry.length + 1;
  }
  await flush();
  return written;
}

/**
 * Reads a query's rows in COPY's text format, a chunk at a time (`sink` is awaited for each):
 * the benchmark's floor copies an import's rows out and back with it.
 */
export async function copyOut(
  db: Executor,
  query: string,
  sink: (chunk: Buffer) => Promise<void> | void,
): Promise<void> {
  const raw = rawClient(db);
  if (raw.engine === 'postgres') {
    const statement = `copy (${query}) to stdout`;
    logQuery(db, statement);
    await withConnection(raw.client, async (client) => {
      const stream = client.query(copyToStdout(statement));
      for await (const chunk of stream) await sink(chunk as Buffer);
    });
    return;
  }
  const statement = `copy (${query}) to '/dev/blob'`;
  logQuery(db, statement);
  const result = await raw.client.query(statement);
  if (result.blob) await sink(Buffer.from(await result.blob.arrayBuffer()));
}

async function withConnection<T>(
  client: pg.PoolClient | pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  if (!(client instanceof pg.Pool)) return work(client);
  const connection = await client.connect();
  try {
    return await work(connection);
  } finally {
    connection.release();
  }
}
