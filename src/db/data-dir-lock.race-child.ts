import fs from 'node:fs';
import path from 'node:path';
import { DataDirLockedError, LOCK_NAME, lockDataDir } from './data-dir-lock';

// One contender of data-dir-lock.test.ts's race: takes the lock `rounds` times, each time as
// the taker of a dead holder's lock, and counts the times it found another holder inside.
// Usage: node --import tsx data-dir-lock.race-child.ts <dataDir> <rounds>

const [dataDir = '', roundsText = '0'] = process.argv.slice(2);
const rounds = Number(roundsText);
const inside = path.join(dataDir, 'inside');
const DEAD_PID = 2 ** 22 + 12345; // above Linux's largest pid: never alive
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Leaves the lock as a holder that died would: its record names a dead process. */
function dieHolding() {
  const lockPath = path.join(dataDir, LOCK_NAME);
  if (fs.statSync(lockPath).isDirectory()) {
    const [entry = ''] = fs.readdirSync(lockPath).filter((n) => n.startsWith(`${process.pid}-`));
    // Renamed first: until its content names the dead process, it still reads as ours.
    const file = path.join(lockPath, `${DEAD_PID}-${entry}`);
    fs.renameSync(path.join(lockPath, entry), file);
    const holder = { ...JSON.parse(fs.readFileSync(file, 'utf8')), pid: DEAD_PID };
    fs.writeFileSync(file, JSON.stringify(holder));
  } else {
    const holder = { ...JSON.parse(fs.readFileSync(lockPath, 'utf8')), pid: DEAD_PID };
    fs.writeFileSync(lockPath, JSON.stringify(holder));
  }
}

let taken = 0;
let overlaps = 0;
let refused = 0;
while (taken < rounds) {
  let release: () => void;
  try {
    release = lockDataDir(dataDir, `race child ${process.pid}`);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    refused++;
    pause(1);
    continue;
  }
  taken++;
  let isAlone = true;
  try {
    fs.writeFileSync(inside, String(process.pid), { flag: 'wx' });
  } catch {
    isAlone = false;
    overlaps++;
  }
  pause(2); // hold it a moment, as a real holder would
  if (isAlone) fs.rmSync(inside);
  dieHolding();
  release(); // only forgets the exit hook: the record now names the dead process
}
process.stdout.write(JSON.stringify({ taken, overlaps, refused }));
