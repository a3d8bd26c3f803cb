import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { salesplan as run } from '../../test-setup/cli';
import { openDatabase } from '../../db/client';
import { lockDataDir } from '../../db/data-dir-lock';
import { organisations } from '../../db/schema';

const salesplan = (args: string[], dataDir: string) =>
  run(args, { SALESPLAN_DATA_DIR: dataDir, DATABASE_URL: '' });

describe('salesplan user add / migrate (CLI, embedded database)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-cli-'));

  it('creates an organisation and an admin, printing the generated password once', async () => {
    const result = await salesplan(
      [
        'user',
        'add',
        '--org',
        'maven',
        '--create-org',
        '--email',
        'Boss@Maven.test',
        '--name',
        'Boss',
        '--role',
        'admin',
      ],
      dataDir,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Created admin boss@maven\.test in maven\.\nPassword \(shown once\): [\w-]{16}\n$/,
    );
  });

  it('adds a rep under a manager, defaulting to the only organisation', async () => {
    const result = await salesplan(
      [
        'user',
        'add',
        '--email',
        'rep@maven.test',
        '--name',
        'Rep',
        '--role',
        'rep',
        '--manager',
        'boss@maven.test',
        '--password',
        'a long password',
      ],
      dataDir,
    );
    expect(result).toMatchObject({ code: 0, stdout: 'Created rep rep@maven.test in maven.\n' });
  });

  it('refuses a duplicate email, a bad role and a short password with a message and a non-zero exit', async () => {
    const duplicate = await salesplan(
      ['user', 'add', '--email', 'rep@maven.test', '--name', 'R', '--role', 'rep'],
      dataDir,
    );
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toContain('already exists');
    const role = await salesplan(
      ['user', 'add', '--email', 'x@maven.test', '--name', 'X', '--role', 'boss'],
      dataDir,
    );
    expect(role.code).not.toBe(0);
    expect(role.stderr).toContain('--role');
    const password = await salesplan(
      [
        'user',
        'add',
        '--email',
        'y@maven.test',
        '--name',
        'Y',
        '--role',
        'rep',
        '--password',
        'short',
      ],
      dataDir,
    );
    expect(password.code).not.toBe(0);
    expect(password.stderr).toContain('--password: must be at least 10 characters');
    const missing = await salesplan(['user', 'add', '--email', 'z@maven.test'], dataDir);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("required option '--name <name>' not specified");
  });

  it('refuses to open the embedded database while another process holds it, naming the holder', async () => {
    const release = lockDataDir(dataDir, 'salesplan serve (test)');
    try {
      const result = await salesplan(['migrate'], dataDir);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`in use by process ${process.pid} ("salesplan serve (test)"`);
    } finally {
      release();
    }
    expect((await salesplan(['migrate'], dataDir)).stdout).toContain('is up to date');
  });

  it('prints help for each command', async () => {
    for (const command of [[], ['serve'], ['migrate'], ['user', 'add'], ['demo']]) {
      const result = await salesplan([...command, '--help'], dataDir);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Usage: salesplan');
    }
  });

  it('creates an organisation in the time zone given, and refuses one that does not exist', async () => {
    const add = (org: string, timeZone: string) =>
      salesplan(
        ['user', 'add', '--org', org, '--create-org', '--time-zone', timeZone].concat([
          '--email',
          `admin@${org}.test`,
          '--name',
          'Admin',
          '--role',
          'admin',
        ]),
        dataDir,
      );
    const refused = await add('mars', 'Mars/Olympus_Mons');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--time-zone: is not a known time zone');
    expect((await add('tokyo', 'Asia/Tokyo')).code).toBe(0);
    const database = await openDatabase({ dataDir, purpose: 'user.test' });
    try {
      const rows = await database.db
        .select({ slug: organisations.slug, timeZone: organisations.timeZone })
        .from(organisations)
        .orderBy(organisations.slug);
      expect(rows).toEqual([
        { slug: 'maven', timeZone: 'UTC' },
        { slug: 'tokyo', timeZone: 'Asia/Tokyo' },
      ]);
    } finally {
      await database.close();
    }
  });
});
