import fs from 'node:fs';
import { once } from 'node:events';
import { ConflictError, ValidationError } from '../domain/errors';
import type { Database } from '../db/client';
import { placementOf } from '../db/distribution';
import { isUniqueViolation } from '../db/errors';
import { syncEmailDirectory } from '../db/queries/directory';
import { findOrganisation } from '../db/queries/organisations';
import {
  type BackupTable,
  backupTables,
  createPendingRows,
  insertBackupRows,
  keepPendingRows,
  linkSelfReferences,
  organisationPresent,
  readBackupPage,
  schemaVersion,
} from '../db/queries/organisation-backup';

// `salesplan export-org` / `import-org`: one organisation as NDJSON, a header line, one line per
// row (`{"table":…,"row":…}`, tables in foreign-key order, rows in primary-key order) and an end
// line with the row count, so a truncated file is told from a whole one. Written page by page
// and read line by line: memory stays flat whatever the organisation's size.

export const BACKUP_FORMAT = 'salesplan-organisation';
export const BACKUP_FORMAT_VERSION = 1;

/**
 * Tables a backup leaves out, and why. Every other table of the organisation is in it: the
 * distributed ones by org_id, `organisations` by id; any other shared table must be named here
 * or the backup refuses to run (a new table cannot be forgotten silently).
 */
export const BACKUP_EXCLUSIONS: Readonly<Record<string, string>> = {
  sessions: 'sign-in sessions are secrets of one server: users sign in again',
  api_tokens: 'API tokens are secrets: an admin issues new ones',
  calendar_feeds: 'calendar addresses are secrets: each user creates a new one in Settings',
  token_directory: 'the directory of the sessions and tokens above',
  email_directory: "rebuilt from the organisation's users on import",
};

const PAGE_ROWS = 2000;
const BATCH_ROWS = 1000;
const BATCH_CHARACTERS = 4_000_000;

/** The tables a backup holds, each after the tables it references. */
export function backupPlan(tables: readonly BackupTable[] = backupTables()): BackupTable[] {
  const held = tables.filter((table) => !Object.hasOwn(BACKUP_EXCLUSIONS, table.name));
  const unplaced = held.filter(
    (table) => table.name !== 'organisations' && placementOf(table.name) !== 'distributed',
  );
  if (unplaced.length > 0) {
    throw new Error(
      `tables neither in the backup nor excluded from it: ${unplaced.map((t) => t.name).join(', ')}`,
    );
  }
  const byName = new Map(held.map((table) => [table.name, table]));
  const ordered: BackupTable[] = [];
  const visiting = new Set<string>();
  const visit = (table: BackupTable) => {
    if (ordered.includes(table)) return;
    if (visiting.has(table.name)) throw new Error(`foreign keys form a cycle at ${table.name}`);
    visiting.add(table.name);
    for (const name of table.references) {
      const referenced = byName.get(name);
      if (referenced) visit(referenced);
      else if (!Object.hasOwn(BACKUP_EXCLUSIONS, name))
        throw new Error(`${table.name} references ${name}, which is not a table`);
    }
    visiting.delete(table.name);
    ordered.push(table);
  };
  for (const table of held) visit(table);
  return ordered;
}

type Header = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  schema: string;
  organisation: { id: string; slug: string; name: string };
  exportedAt: string;
};

export type BackupSummary = { organisation: string; rows: number; tables: number };

/** Writes the organisation with this slug to `file` (through `file.partial`, renamed when whole). */
export async function exportOrganisation(
  db: Database,
  slug: string | undefined,
  file: string,
  now: Date,
): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    // One snapshot: rows written while the export runs are all in it or all out of it.
    const summary = await db.transaction(
      async (tx) => {
        const org = await findOrganisation(tx, slug);
        const header: Header = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          schema: await schemaVersion(tx),
          organisation: { id: org.id, slug: org.slug, name: org.name },
          exportedAt: now.toISOString(),
        };
        await write(`${JSON.stringify(header)}\n`);
        const plan = backupPlan();
        let rows = 0;
        let tables = 0;
        for (const table of plan) {
          const prefix = `{"table":${JSON.stringify(table.name)},"row":`;
          let after: string[] | undefined;
          for (;;) {
            const page = await readBackupPage(tx, table, org.id, after, PAGE_ROWS);
            if (page.length === 0) break;
            if (after === undefined) tables += 1;
            await write(page.map((r) => `${prefix}${r.row}}\n`).join(''));
            rows += page.length;
            after = page.at(-1)?.key;
            if (page.length < PAGE_ROWS) break;
          }
        }
        await write(`${JSON.stringify({ end: { rows } })}\n`);
        return { organisation: org.slug, rows, tables };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    out.end();
    await once(out, 'finish');
    fs.renameSync(partial, file);
    return summary;
  } catch (error) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** The file's lines, one at a time, read as they are needed (the stream's backpressure holds). */
async function* linesOf(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let rest = '';
  for await (const chunk of input as AsyncIterable<string>) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  if (rest !== '') yield rest;
}

const invalid = (file: string, line: number, reason: string) =>
  new ValidationError({ field: `${file} line ${line}`, reason });

function parseLine(file: string, lineNumber: number, line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return invalid(file, lineNumber, 'is not JSON (is the file cut short or damaged?)');
  }
}

async function readHeader(db: Database, file: string, line: string | undefined): Promise<Header> {
  const parsed = line === undefined ? undefined : parseLine(file, 1, line);
  if (parsed instanceof ValidationError) throw parsed;
  const header = parsed as Partial<Header> | undefined;
  if (header?.format !== BACKUP_FORMAT || !header.organisation)
    throw invalid(file, 1, `is not the header of a ${BACKUP_FORMAT} file`);
  if (header.formatVersion !== BACKUP_FORMAT_VERSION)
    throw invalid(
      file,
      1,
      `is format version ${header.formatVersion}; this Salesplan reads ${BACKUP_FORMAT_VERSION}`,
    );
  const current = await schemaVersion(db);
  if (header.schema !== current)
    throw invalid(
      file,
      1,
      `was written at schema ${header.schema}; this database is at ${current}: export and import with the same Salesplan version`,
    );
  return header as Header;
}

/**
 * Loads a backup into the database, all of it or nothing (one transaction). An organisation whose
 * id or slug is already here is refused before anything is written.
 */
export async function importOrganisation(db: Database, file: string): Promise<BackupSummary> {
  const lines = linesOf(file);
  try {
    return await importLines(db, file, lines);
  } finally {
    // Closes the file when the import stops before its end.
    await lines.return(undefined);
  }
}

async function importLines(
  db: Database,
  file: string,
  lines: AsyncGenerator<string>,
): Promise<BackupSummary> {
  const first = await lines.next();
  const header = await readHeader(db, file, first.done ? undefined : first.value);
  const { id: orgId, slug } = header.organisation;
  const refuse = () =>
    new ConflictError(
      `Organisation ${slug} (${orgId}) is already in this database: nothing was imported`,
    );
  if (await organisationPresent(db, orgId, slug)) throw refuse();
  const plan = backupPlan();
  const position = new Map(plan.map((table, index) => [table.name, index]));
  try {
    return await db.transaction(async (tx) => {
      await createPendingRows(tx);
      let table: BackupTable | undefined;
      let batch: string[] = [];
      let batchCharacters = 0;
      let batchStart = 0;
      let rows = 0;
      let lineNumber = 1;
      let ended = false;
      const seen = new Set<string>();
      const flush = async () => {
        if (!table || batch.length === 0) return;
        const inserted = await insertBackupRows(tx, table, orgId, batch).catch((error: unknown) => {
          const reason = error instanceof Error ? (error.cause ?? error) : error;
          throw invalid(
            file,
            batchStart,
            `rows up to line ${lineNumber} do not load into ${table?.name}: ${reason instanceof Error ? reason.message : String(reason)}`,
          );
        });
        if (inserted !== batch.length)
          throw invalid(file, batchStart, `rows up to line ${lineNumber} are not all of ${slug}`);
        if (table.selfReferences.length > 0) await keepPendingRows(tx, table, batch);
        batch = [];
        batchCharacters = 0;
      };
      for await (const line of lines) {
        lineNumber += 1;
        if (line === '') continue;
        if (ended) throw invalid(file, lineNumber, 'follows the end line');
        const parsed = parseLine(file, lineNumber, line);
        if (parsed instanceof ValidationError) throw parsed;
        const { table: name, end } = parsed as { table?: unknown; end?: { rows?: unknown } };
        if (end) {
          if (end.rows !== rows)
            throw invalid(
              file,
              lineNumber,
              `counts ${String(end.rows)} rows; the file has ${rows}`,
            );
          ended = true;
          continue;
        }
        const next = typeof name === 'string' ? plan[position.get(name) ?? -1] : undefined;
        const prefix = `{"table":${JSON.stringify(name)},"row":`;
        if (!next || !line.startsWith(prefix) || !line.endsWith('}'))
          throw invalid(file, lineNumber, `is not a row of a table of the backup`);
        if (next !== table) {
          if (table && (position.get(next.name) ?? 0) < (position.get(table.name) ?? 0))
            throw invalid(file, lineNumber, `${next.name} comes after ${table.name}`);
          await flush();
          if (table) await linkSelfReferences(tx, table, orgId);
          table = next;
          seen.add(next.name);
        }
        if (batch.length === 0) batchStart = lineNumber;
        // The row's text as written: PostgreSQL parses it, so no value passes through a JS number.
        const row = line.slice(prefix.length, -1);
        batch.push(row);
        batchCharacters += row.length;
        rows += 1;
        if (batch.length >= BATCH_ROWS || batchCharacters >= BATCH_CHARACTERS) await flush();
      }
      if (!ended)
        throw invalid(
          file,
          lineNumber,
          'is the last, and it is not the end line: the file is cut short',
        );
      await flush();
      if (table) await linkSelfReferences(tx, table, orgId);
      await syncEmailDirectory(tx, orgId);
      return { organisation: slug, rows, tables: seen.size };
    });
  } catch (error) {
    // Another import of the same organisation that committed first.
    if (isUniqueViolation(error) && (await organisationPresent(db, orgId, slug))) throw refuse();
    throw error;
  }
}
