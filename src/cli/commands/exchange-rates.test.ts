import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { salesplan as run } from '../../test-setup/cli';

const salesplan = (args: string[], dataDir: string) =>
  run(args, { SALESPLAN_DATA_DIR: dataDir, DATABASE_URL: '' });

describe('salesplan exchange-rates import (CLI, embedded database)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-rates-'));
  const table = (name: string, text: string) => {
    const file = path.join(dataDir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('imports a rate table into the only organisation, and nothing from a table with a bad row', async () => {
    const created = await salesplan(
      [
        'user',
        'add',
        '--org',
        'acme',
        '--create-org',
        '--email',
        'a@acme.test',
        '--name',
        'A',
        '--role',
        'admin',
      ],
      dataDir,
    );
    expect(created.code).toBe(0);
    const good = table('good.csv', 'currency,month,rate\nUSD,2026-01,0.91\nJPY,2026-01,0.0061\n');
    const imported = await salesplan(['exchange-rates', 'import', good], dataDir);
    expect(imported).toEqual({
      code: 0,
      stdout: 'Imported into acme: 2 rates added, 0 replaced\n',
      stderr: '',
    });
    const bad = table('bad.csv', 'currency,month,rate\nUSD,2026-01,0.95\nCHF,2026-02,-1\n');
    const refused = await salesplan(['exchange-rates', 'import', bad, '--org', 'acme'], dataDir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('line 3.rate: must be a decimal like 0.92');
    const again = await salesplan(['exchange-rates', 'import', good], dataDir);
    // The refused table changed nothing: both rates are still the first import's.
    expect(again.stdout).toBe('Imported into acme: 0 rates added, 2 replaced\n');
    const missing = await salesplan(
      ['exchange-rates', 'import', path.join(dataDir, 'none.csv')],
      dataDir,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('<file.csv>: cannot be read');
  }, 120_000);
});
