import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { citusPlan } from '../../db/distribution';

const run = promisify(execFile);

describe('salesplan citus-plan', () => {
  it('prints the distribution plan, reference tables first, without opening a database', async () => {
    const { stdout } = await run('node', ['bin/salesplan.js', 'citus-plan'], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' },
    });
    const statements = stdout.split('\n').filter((line) => line.startsWith('SELECT'));
    expect(statements).toEqual(citusPlan());
    const references = statements.filter((s) => s.includes('create_reference_table'));
    expect(references).toEqual([
      "SELECT create_reference_table('email_directory');",
      "SELECT create_reference_table('organisations');",
      "SELECT create_reference_table('token_directory');",
    ]);
    expect(statements.slice(0, references.length)).toEqual(references);
    expect(statements).toContainEqual(
      expect.stringMatching(
        /^SELECT create_distributed_table\('opportunities', 'org_id', colocate_with => '[a-z_]+'\);$/,
      ),
    );
  });
});
