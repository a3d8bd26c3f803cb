import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-lock-'));

describe('data folder lock', () => {
  it('gives a second holder a clear error naming the first, and frees the folder on release', () => {
    const dir = tempDir();
    const release = lockDataDir(dir, 'salesplan serve');
    let error: unknown;
    try {
      lockDataDir(dir, 'salesplan migrate');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toContain(
      `in use by process ${process.pid} ("salesplan serve"`,
    );
    release();
    expect(fs.existsSync(path.join(dir, 'salesplan.lock'))).toBe(false);
    lockDataDir(dir, 'salesplan migrate')();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = tempDir();
    const dead = {
      pid: 2 ** 22 + 12345,
      command: 'salesplan serve',
      hostname: os.hostname(),
      startedAt: 'earlier',
    };
    fs.writeFileSync(path.join(dir, 'salesplan.lock'), JSON.stringify(dead));
    const release = lockDataDir(dir, 'salesplan serve');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'salesplan.lock'), 'utf8')).pid).toBe(
      process.pid,
    );
    release();
  });
});
