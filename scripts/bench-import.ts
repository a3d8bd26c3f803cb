// `npm run bench:import [-- --rows 100000,500000]`: generates an opportunities CSV (with its
// accounts and reps) and imports it with the generic preset into PGlite and, when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set, into PostgreSQL. Each import runs in a child
// process of its own, which reports its rows per second and peak RSS.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, openPostgres } from '../src/db/client';
import { generateCrmFiles, generatedMapping } from '../src/services/import/generate-crm-files';
import { importFiles } from '../src/services/import';
import { adminQuery, withDatabase } from '../src/test-setup/database-templates';

type Result = {
  engine: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
};

async function child(
  folder: string,
  engine: string,
  databaseUrl: string | undefined,
): Promise<void> {
  const handle = databaseUrl
    ? openPostgres(databaseUrl)
    : await openDatabase({
        dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-bench-')),
        purpose: 'bench',
      });
  await handle.migrate();
  const started = performance.now();
  const report = await importFiles(handle.db, {
    preset: 'generic',
    path: folder,
    mapping: generatedMapping,
    orgSlug: 'bench',
  });
  const seconds = (performance.now() - started) / 1000;
  await handle.close();
  const rows = report.counts.opportunities?.inserted ?? 0;
  const result: Result = {
    engine,
    rows,
    seconds: Number(seconds.toFixed(1)),
    rowsPerSecond: Math.round(rows / seconds),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '100000,500000' },
      child: { type: 'string' },
      engine: { type: 'string' },
      url: { type: 'string' },
    },
  });
  if (values.child) return child(values.child, values.engine ?? 'pglite', values.url);
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  const results: Result[] = [];
  for (const rows of values.rows.split(',').map(Number)) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-bench-files-'));
    await generateCrmFiles(folder, { opportunities: rows });
    const size = fs.statSync(path.join(folder, 'opportunities.csv')).size;
    process.stderr.write(
      `${rows.toLocaleString('en-US')} opportunities (${(size / 1e6).toFixed(0)} MB)\n`,
    );
    const engines: [string, string | undefined][] = [['pglite', undefined]];
    let database: string | undefined;
    if (url) {
      database = `salesplan_bench_${randomBytes(4).toString('hex')}`;
      await adminQuery(url, `create database ${database}`);
      engines.push(['postgres', withDatabase(url, database)]);
    }
    for (const [engine, databaseUrl] of engines) {
      const args = ['--import', 'tsx', import.meta.filename, '--child', folder, '--engine', engine];
      const output = execFileSync('node', databaseUrl ? [...args, '--url', databaseUrl] : args, {
        encoding: 'utf8',
      });
      const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as Result;
      results.push(result);
      process.stderr.write(
        `  ${engine}: ${result.rowsPerSecond.toLocaleString('en-US')} rows/s, peak RSS ${result.peakRssMb} MB\n`,
      );
    }
    if (url && database) await adminQuery(url, `drop database if exists ${database} with (force)`);
    fs.rmSync(folder, { recursive: true, force: true });
  }
  console.table(results);
}

await main();
