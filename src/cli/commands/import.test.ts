import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { salesplan } from '../../test-setup/cli';
import { openPostgres, queryRows } from '../../db/client';
import { generateCrmFiles, type GeneratedCrm } from '../../services/import/generate-crm-files';
import {
  mavenCrmFacts,
  mavenCrmFixture as maven,
} from '../../services/import/presets/maven-crm-fixture';
import { adminQuery, withDatabase } from '../../test-setup/database-templates';
import { testEngines } from '../../test-setup/test-database';

const bin = path.resolve(import.meta.dirname, '../../../bin/salesplan.js');

type Target = {
  env: Record<string, string>;
  count(table: string): Promise<number>;
  close(): Promise<void>;
};

async function pgliteTarget(): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-kill-'));
  const env = { SALESPLAN_DATA_DIR: dataDir, DATABASE_URL: '' };
  return {
    env,
    // Counted through the CLI: only one process may open the data folder.
    async count(table) {
      const result = await salesplan(['report', 'win-rates', '--org', 'maven', '--json'], env);
      const rows = JSON.parse(result.stdout) as { won: number; lost: number }[];
      return table === 'closed'
        ? rows.reduce((sum, row) => sum + row.won + row.lost, 0)
        : rows.length;
    },
    async close() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresTarget(): Promise<Target> {
  const template = inject('postgresTemplate');
  if (!template) throw new Error('TEST_DATABASE_URL is not set');
  const name = `salesplan_kill_${randomBytes(6).toString('hex')}`;
  await adminQuery(template.url, `create database ${name} template ${template.name}`);
  const url = withDatabase(template.url, name);
  const handle = openPostgres(url);
  return {
    env: { DATABASE_URL: url },
    async count(table) {
      const query =
        table === 'closed'
          ? sql`select count(*)::int as n from opportunities o join stages s on s.id = o.stage_id where s.kind <> 'open'`
          : sql`select count(distinct owner_id)::int as n from opportunities o join stages s on s.id = o.stage_id where s.kind <> 'open'`;
      return Number((await queryRows<{ n: number }>(handle.db, query))[0]?.n);
    },
    async close() {
      await handle.close();
      await adminQuery(template.url, `drop database if exists ${name} with (force)`);
    },
  };
}

/** Starts an import and SIGKILLs it once it has written `after` opportunities. */
function killDuringImport(
  args: string[],
  env: Record<string, string>,
  after: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [bin, ...args], { env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(`opportunities: ${after} rows written`)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve(stderr)
        : reject(new Error(`import ended (${code}) before the kill: ${stderr}`)),
    );
  });
}

describe.each(testEngines())('salesplan import, killed part-way (%s)', (engine) => {
  let target: Target;
  let files: GeneratedCrm;
  beforeAll(async () => {
    target = engine === 'pglite' ? await pgliteTarget() : await postgresTarget();
    files = await generateCrmFiles(fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-big-')), {
      opportunities: 150_000,
    });
  });
  afterAll(async () => {
    await target.close();
    fs.rmSync(files.folder, { recursive: true, force: true });
  });

  it('imports the maven dataset, then a killed import into the same organisation leaves it as it was', async () => {
    const first = await salesplan(['import', 'maven-crm', maven, '--org', 'maven'], target.env);
    expect(first.code).toBe(0);
    const facts = mavenCrmFacts();
    const byStage = facts.stages.map((s) => `${s.stage} ${s.count.toLocaleString('en-US')}`);
    expect(first.stdout).toContain(`opportunities by stage: ${byStage.join(', ')}`);
    const before = { closed: await target.count('closed'), reps: await target.count('reps') };
    expect(before).toEqual({ closed: facts.closed, reps: facts.repsWithClosedDeals });

    const stderr = await killDuringImport(
      [
        'import',
        'generic',
        files.folder,
        '--mapping',
        files.mappingPath,
        '--org',
        'maven',
        '--stage-map',
        stageMapFile(),
      ],
      target.env,
      '10,000',
    );
    expect(stderr).toContain('opportunities: 10,000 rows written');
    expect({ closed: await target.count('closed'), reps: await target.count('reps') }).toEqual(
      before,
    );
    // PGlite creates its data folder on the first run (initdb): slow on these machines.
  }, 300_000);
});

function stageMapFile(): string {
  const file = path.join(os.tmpdir(), `salesplan-stage-map-${process.pid}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify({ Qualification: 'Prospecting', Proposal: 'Engaging', Negotiation: 'Engaging' }),
  );
  return file;
}
