import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_NAME, lockDataDir } from './data-dir-lock';

const run = promisify(execFile);
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-lock-'));
const DEAD_PID = 2 ** 22 + 12345; // above Linux's largest pid: never alive

/** The holders named inside the lock directory. */
function holdersOf(dir: string): { pid: number; command: string }[] {
  const lockPath = path.join(dir, LOCK_NAME);
  return fs
    .readdirSync(lockPath)
    .map((name) => JSON.parse(fs.readFileSync(path.join(lockPath, name), 'utf8')));
}

function lockError(dir: string, command: string): unknown {
  try {
    lockDataDir(dir, command)();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('data folder lock', () => {
  it('gives a second holder a clear error naming the first, and frees the folder on release', () => {
    const dir = tempDir();
    const release = lockDataDir(dir, 'salesplan serve');
    const error = lockError(dir, 'salesplan migrate');
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toContain(
      `in use by process ${process.pid} ("salesplan serve"`,
    );
    release();
    expect(fs.readdirSync(dir)).toEqual([]);
    lockDataDir(dir, 'salesplan migrate')();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = tempDir();
    const release = lockDataDir(dir, 'salesplan serve');
    const [entry = ''] = fs.readdirSync(path.join(dir, LOCK_NAME));
    const dead = { ...holdersOf(dir)[0], pid: DEAD_PID };
    fs.rmSync(path.join(dir, LOCK_NAME, entry));
    fs.writeFileSync(path.join(dir, LOCK_NAME, `${DEAD_PID}-x.json`), JSON.stringify(dead));
    release();

    const again = lockDataDir(dir, 'salesplan migrate');
    expect(holdersOf(dir)).toEqual([
      expect.objectContaining({ pid: process.pid, command: 'salesplan migrate' }),
    ]);
    again();
  });

  it('takes over a lock file left by an older Salesplan that died, and respects a live one', () => {
    const dir = tempDir();
    const legacy = (pid: number) =>
      fs.writeFileSync(
        path.join(dir, LOCK_NAME),
        JSON.stringify({
          pid,
          command: 'salesplan serve',
          hostname: os.hostname(),
          startedAt: 'earlier',
        }),
      );
    legacy(process.pid);
    expect(lockError(dir, 'salesplan migrate')).toBeInstanceOf(DataDirLockedError);
    legacy(DEAD_PID);
    const release = lockDataDir(dir, 'salesplan migrate');
    expect(holdersOf(dir)).toEqual([expect.objectContaining({ pid: process.pid })]);
    release();
  });

  // Several processes meet a dead holder's lock at once, again and again: each time exactly one
  // takes it. The lock this replaced let two of them hold it within a few dozen rounds.
  it("never lets two processes hold it at once when they race for a dead holder's lock", async () => {
    const dir = tempDir();
    const child = path.join(import.meta.dirname, 'data-dir-lock.race-child.ts');
    const contenders = 4;
    const rounds = 40;
    const results = await Promise.all(
      Array.from({ length: contenders }, () =>
        run(process.execPath, ['--import', 'tsx', child, dir, String(rounds)]),
      ),
    );
    const counts = results.map((r) => JSON.parse(r.stdout) as { taken: number; overlaps: number });
    expect(counts.map((c) => c.taken)).toEqual(Array(contenders).fill(rounds));
    expect(counts.map((c) => c.overlaps)).toEqual(Array(contenders).fill(0));
  });
});
