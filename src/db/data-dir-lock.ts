import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// PGlite has no lock between processes, and two processes on one folder corrupt it silently.
// We hold a lock file holding the owner's pid; a second process gets a clear error naming it.

export type LockHolder = { pid: number; command: string; hostname: string; startedAt: string };

export class DataDirLockedError extends Error {
  readonly holder: LockHolder;
  constructor(dataDir: string, holder: LockHolder) {
    super(
      `The Salesplan data folder ${dataDir} is in use by process ${holder.pid} ` +
        `("${holder.command}", started ${holder.startedAt} on ${holder.hostname}). ` +
        'Stop that process first (the embedded database allows one process at a time), ' +
        'or set DATABASE_URL to use a PostgreSQL server.',
    );
    this.name = 'DataDirLockedError';
    this.holder = holder;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/** Takes the lock on `dataDir` or throws DataDirLockedError; returns the release function. */
export function lockDataDir(dataDir: string, command: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'salesplan.lock');
  const me: LockHolder = {
    pid: process.pid,
    command,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        if (readHolder(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      const sameHost = holder?.hostname === os.hostname();
      if (holder && (!sameHost || isAlive(holder.pid)))
        throw new DataDirLockedError(dataDir, holder);
      // The holder died without releasing (kill -9, power loss): the lock is stale.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}: the lock file keeps reappearing`);
}
