// `npm run bench:import [-- --rows 100000,500000]`: generates an opportunities CSV (with its
// accounts and reps) and imports it with the generic preset into PGlite and, when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set, into PostgreSQL. Each import runs in a child
// process of its own, which reports its time and peak RSS.
//
// Beside each import, in the same run and from the same files, the floor: the rows that import
// wrote (every table, the organisation's setup included), copied out as COPY text and copied
// back with COPY, in one transaction and in foreign-key order, into a fresh database migrated
// the same way (so the same indexes and foreign keys). That is the database's own speed at
// storing exactly these rows; the ratio floor time / import time is the figure the target is for.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import {
  type DatabaseHandle,
  type Executor,
  openDatabase,
  openPostgres,
  queryRows,
} from '../src/db/client';
import { copyOut, copyText, quoteIdentifier } from '../src/db/copy';
import { generateCrmFiles, generatedMapping } from '../src/services/import/generate-crm-files';
import { importFiles } from '../src/services/import';
import { adminQuery, withDatabase } from '../src/test-setup/database-templates';

type ImportResult = { seconds: number; rows: number; peakRssMb: number };
type FloorResult = { seconds: number; rows: number; peakRssMb: number };
type Result = {
  engine: string;
  opportunities: number;
  importSeconds: number;
  floorSeconds: number;
  ratio: number;
  rowsPerSecond: number;
  floorRowsPerSecond: number;
  importPeakRssMb: number;
};

type DumpedTable = { table: string; columns: string[]; file: string; rows: number };

async function open(engine: string, databaseUrl: string | undefined): Promise<DatabaseHandle> {
  if (databaseUrl) {
    const handle = openPostgres(databaseUrl);
    await handle.migrate();
    return handle;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `salesplan-bench-${engine}-`));
  const handle = await openDatabase({ dataDir, purpose: 'bench' });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** The public tables in foreign-key order (a table after those it points at), with columns. */
async function tablesInOrder(db: Executor) {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select table_name, column_name from information_schema.columns
      where table_schema = 'public' and is_generated = 'NEVER'
      order by table_name, ordinal_position`,
  );
  const references = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`,
  );
  const byTable = new Map<string, string[]>();
  for (const row of columns) {
    byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.column_name]);
  }
  const unquote = (name: string) => name.replace(/^"|"$/g, '');
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const reference of references) {
      if (unquote(reference.child) === table && unquote(reference.parent) !== table) {
        visit(unquote(reference.parent), path);
      }
    }
    ordered.push(table);
  };
  for (const table of [...byTable.keys()].sort()) visit(table, new Set());
  return ordered.map((table) => ({ table, columns: byTable.get(table) ?? [] }));
}

/** Child: imports the files into a fresh database, then copies every table's rows to `out`. */
async function importChild(folder: string, engine: string, url: string | undefined, out: string) {
  const handle = await open(engine, url);
  const started = performance.now();
  const report = await importFiles(handle.db, {
    preset: 'generic',
    path: folder,
    mapping: generatedMapping,
    orgSlug: 'bench',
  });
  const seconds = (performance.now() - started) / 1000;
  const peak = peakRssMb();
  if (report.status !== 'imported') throw new Error(`import ${report.status}`);
  // Rows in a freshly migrated database (seeded by a migration) are not the import's.
  const dumped: DumpedTable[] = [];
  for (const { table, columns } of await tablesInOrder(handle.db)) {
    const [count] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    );
    if (!count || Number(count.n) === 0) continue;
    const file = path.join(out, `${table}.copy`);
    const stream = fs.createWriteStream(file);
    await copyOut(
      handle.db,
      `select ${columns.map(quoteIdentifier).join(', ')} from ${quoteIdentifier(table)}`,
      (chunk) =>
        new Promise<void>((resolve, reject) =>
          stream.write(chunk, (error) => (error ? reject(error) : resolve())),
        ),
    );
    await new Promise((resolve) => stream.end(resolve));
    dumped.push({ table, columns, file, rows: Number(count.n) });
  }
  fs.writeFileSync(path.join(out, 'tables.json'), JSON.stringify(dumped));
  await handle.close();
  const result: ImportResult = {
    seconds,
    rows: report.counts.opportunities?.inserted ?? 0,
    peakRssMb: peak,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Child: copies the dumped rows into a fresh database, timed, in one transaction. */
async function floorChild(engine: string, url: string | undefined, out: string) {
  const dumped = JSON.parse(
    fs.readFileSync(path.join(out, 'tables.json'), 'utf8'),
  ) as DumpedTable[];
  const handle = await open(engine, url);
  const started = performance.now();
  let rows = 0;
  await handle.db.transaction(async (tx) => {
    for (const table of dumped) {
      rows += await copyText(
        tx,
        table.table,
        table.columns,
        fs.createReadStream(table.file, { highWaterMark: 1 << 20 }),
      );
    }
  });
  const seconds = (performance.now() - started) / 1000;
  await handle.close();
  const result: FloorResult = { seconds, rows, peakRssMb: peakRssMb() };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild<T>(args: string[]): T {
  const output = execFileSync('node', ['--import', 'tsx', import.meta.filename, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as T;
}

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '100000,500000' },
      engines: { type: 'string', default: 'pglite,postgres' },
      child: { type: 'string' },
      folder: { type: 'string' },
      out: { type: 'string' },
      engine: { type: 'string' },
      url: { type: 'string' },
    },
  });
  if (values.child === 'import') {
    return importChild(
      values.folder ?? '',
      values.engine ?? 'pglite',
      values.url,
      values.out ?? '',
    );
  }
  if (values.child === 'floor')
    return floorChild(values.engine ?? 'pglite', values.url, values.out ?? '');
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  const wanted = values.engines.split(',');
  process.stderr.write(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  const results: Result[] = [];
  for (const count of values.rows.split(',').map(Number)) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-bench-files-'));
    await generateCrmFiles(folder, { opportunities: count });
    const size = fs.statSync(path.join(folder, 'opportunities.csv')).size;
    process.stderr.write(
      `${count.toLocaleString('en-US')} opportunities (${(size / 1e6).toFixed(0)} MB)\n`,
    );
    const engines: [string, () => Promise<string | undefined>][] = [];
    const databases: string[] = [];
    if (wanted.includes('pglite')) engines.push(['pglite', async () => undefined]);
    if (url && wanted.includes('postgres')) {
      engines.push([
        'postgres',
        async () => {
          const database = `salesplan_bench_${randomBytes(4).toString('hex')}`;
          await adminQuery(url, `create database ${database}`);
          databases.push(database);
          return withDatabase(url, database);
        },
      ]);
    }
    for (const [engine, database] of engines) {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-bench-rows-'));
      const base = ['--engine', engine, '--out', out];
      const importUrl = await database();
      const imported = runChild<ImportResult>([
        ...base,
        '--child',
        'import',
        '--folder',
        folder,
        ...(importUrl ? ['--url', importUrl] : []),
      ]);
      const floorUrl = await database();
      const floor = runChild<FloorResult>([
        ...base,
        '--child',
        'floor',
        ...(floorUrl ? ['--url', floorUrl] : []),
      ]);
      fs.rmSync(out, { recursive: true, force: true });
      const result: Result = {
        engine,
        opportunities: imported.rows,
        importSeconds: Number(imported.seconds.toFixed(2)),
        floorSeconds: Number(floor.seconds.toFixed(2)),
        ratio: Number((floor.seconds / imported.seconds).toFixed(2)),
        rowsPerSecond: Math.round(imported.rows / imported.seconds),
        floorRowsPerSecond: Math.round(imported.rows / floor.seconds),
        importPeakRssMb: imported.peakRssMb,
      };
      results.push(result);
      process.stderr.write(
        `  ${engine}: import ${result.importSeconds} s (${result.rowsPerSecond.toLocaleString('en-US')} rows/s), ` +
          `floor ${result.floorSeconds} s (${floor.rows.toLocaleString('en-US')} rows in all tables), ` +
          `ratio ${result.ratio}, import peak RSS ${result.importPeakRssMb} MB\n`,
      );
    }
    for (const database of databases) {
      if (url) await adminQuery(url, `drop database if exists ${database} with (force)`);
    }
    fs.rmSync(folder, { recursive: true, force: true });
  }
  console.table(results);
}

await main();
