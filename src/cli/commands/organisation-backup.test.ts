import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesplan as run } from '../../test-setup/cli';
import { openDatabase } from '../../db/client';
import { organisations } from '../../db/schema';
import { createOrganisation } from '../../services/organisations';

// Each command opens a fresh embedded database (initdb): seconds each, more on a busy machine.
describe('salesplan export-org and import-org', { timeout: 240_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-org-backup-'));
  const dataDir = (name: string) => path.join(dir, name);
  const file = path.join(dir, 'acme.ndjson');
  let orgId: string;

  const salesplan = (data: string, args: string[]) =>
    run(args, { SALESPLAN_DATA_DIR: dataDir(data), DATABASE_URL: '' });

  beforeAll(async () => {
    const handle = await openDatabase({ dataDir: dataDir('source'), purpose: 'test' });
    try {
      await handle.migrate();
      orgId = (await createOrganisation(handle.db, { slug: 'acme', name: 'Acme' })).id;
    } finally {
      await handle.close();
    }
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the organisation, loads it into another database, and refuses it a second time', async () => {
    const exported = await salesplan('source', ['export-org', '--org', 'acme', file]);
    expect(exported.stdout).toMatch(/^Exported acme: \d+ rows of \d+ tables to .*acme\.ndjson\n$/);
    const rows = exported.stdout.match(/(\d+) rows/)?.[1];

    const imported = await salesplan('target', ['import-org', file]);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toBe(
      `Imported acme: ${rows} rows of ${exported.stdout.match(/(\d+) tables/)?.[1]} tables into embedded PGlite in ${dataDir('target')}\n`,
    );

    const again = await salesplan('target', ['import-org', file]);
    expect(again.code).toBe(4);
    expect(again.stderr).toBe(
      `salesplan: Organisation acme (${orgId}) is already in this database: nothing was imported\n`,
    );
  });

  it('refuses a cut file with the line and leaves the database without the organisation', async () => {
    const whole = fs.readFileSync(file, 'utf8').split('\n');
    const cut = path.join(dir, 'cut.ndjson');
    fs.writeFileSync(cut, whole.slice(0, -2).join('\n'));
    const result = await salesplan('cut', ['import-org', cut]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `salesplan: Invalid input: ${cut} line ${whole.length - 2}: is the last, and it is not the end line: the file is cut short\n`,
    );
    const handle = await openDatabase({ dataDir: dataDir('cut'), purpose: 'test' });
    try {
      expect(await handle.db.select().from(organisations)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('names the organisation it cannot find', async () => {
    const result = await salesplan('source', ['export-org', '--org', 'nobody', file]);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('salesplan: Organisation nobody not found\n');
  });
});
