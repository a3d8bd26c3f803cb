import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// PGlite has no lock between processes, and two processes on one folder corrupt it silently.
// The lock is the directory `salesplan.lock`, holding one entry file named after its holder
// (`<pid>-<random>.json`, with the command, host and start time). Every step is atomic, and
// nothing is ever removed by a name that could belong to someone else:
// - taking: build a directory with our entry beside it, then rename it onto `salesplan.lock`.
//   rename succeeds only if `salesplan.lock` is missing or empty, so nobody else holds it then;
// - a dead holder's lock: unlink that holder's entry by its own unique name, then rmdir, which
//   only removes an empty directory. A taker who judged an entry dead can never remove a newer
//   holder's entry (it has another name), and never a held directory (it is not empty).
// So there is at most one entry, and one holder. (Lock libraries that stat a lock, find it
// stale and delete it by path can delete a lock taken in between: the race this replaces.)

export type LockHolder = { pid: number; command: string; hostname: string; startedAt: string };

export const LOCK_NAME = 'salesplan.lock';
// Each round either takes the lock or clears a dead holder; a few rounds always suffice unless
// other processes keep taking and dying at that very moment.
const MAX_ROUNDS = 100;

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

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** Runs a file operation that may find the file already gone or changed; says whether it did it. */
function attempt(operation: () => void, tolerated: readonly string[]): boolean {
  try {
    operation();
    return true;
  } catch (error) {
    if (tolerated.includes(codeOf(error) ?? '')) return false;
    throw error;
  }
}

/** Renames a staged directory holding only our entry onto the lock; false if someone holds it. */
function tryToTake(lockPath: string, entry: string, me: LockHolder): boolean {
  const staged = `${lockPath}.${entry}.staged`;
  fs.mkdirSync(staged);
  fs.writeFileSync(path.join(staged, entry), JSON.stringify(me));
  // EEXIST/ENOTEMPTY: a held lock; ENOTDIR: a lock file written by an older Salesplan.
  if (attempt(() => fs.renameSync(staged, lockPath), ['EEXIST', 'ENOTEMPTY', 'ENOTDIR']))
    return true;
  fs.rmSync(staged, { recursive: true, force: true });
  return false;
}

type Found =
  | { kind: 'gone' }
  | { kind: 'entry'; file: string; holder: LockHolder }
  | { kind: 'legacy-file'; holder: LockHolder | undefined };

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function findHolder(lockPath: string): Found {
  let names: string[];
  try {
    names = fs.readdirSync(lockPath);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { kind: 'gone' };
    if (codeOf(error) === 'ENOTDIR') return { kind: 'legacy-file', holder: readHolder(lockPath) };
    throw error;
  }
  const name = names.find((n) => n.endsWith('.json'));
  // Empty: being cleared by someone, or left so; the next rename replaces an empty directory.
  if (!name) return { kind: 'gone' };
  const file = path.join(lockPath, name);
  const holder = readHolder(file);
  return holder ? { kind: 'entry', file, holder } : { kind: 'gone' };
}

function isHeld(holder: LockHolder): boolean {
  // A process on another machine (a shared folder) cannot be checked: it holds the lock.
  return holder.hostname !== os.hostname() || isAlive(holder.pid);
}

/** Takes the lock on `dataDir` or throws DataDirLockedError; returns the release function. */
export function lockDataDir(dataDir: string, command: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_NAME);
  const me: LockHolder = {
    pid: process.pid,
    command,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  const entry = `${process.pid}-${randomBytes(8).toString('hex')}.json`;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (tryToTake(lockPath, entry, me)) return releaseOnExit(lockPath, entry);
    const found = findHolder(lockPath);
    if (found.kind === 'gone') continue;
    if (found.holder && isHeld(found.holder)) throw new DataDirLockedError(dataDir, found.holder);
    // The holder died without releasing (kill -9, power loss): clear its lock, then retry.
    if (found.kind === 'legacy-file') {
      // unlink removes a file, never a directory: it cannot remove a lock taken meanwhile.
      attempt(() => fs.unlinkSync(lockPath), ['ENOENT', 'EISDIR', 'EPERM']);
    } else if (attempt(() => fs.unlinkSync(found.file), ['ENOENT'])) {
      attempt(() => fs.rmdirSync(lockPath), ['ENOENT', 'ENOTEMPTY', 'EEXIST']);
    }
  }
  throw new Error(`Could not lock ${dataDir}: other processes keep taking and leaving the lock`);
}

function releaseOnExit(lockPath: string, entry: string): () => void {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (attempt(() => fs.unlinkSync(path.join(lockPath, entry)), ['ENOENT']))
      attempt(() => fs.rmdirSync(lockPath), ['ENOENT', 'ENOTEMPTY', 'EEXIST']);
  };
  process.on('exit', release);
  return release;
}
