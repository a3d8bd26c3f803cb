// What the benchmarks that run the real server share (bench-lists, bench-dashboards, bench-load):
// a PostgreSQL database of their own, dropped and created again unless reused; the server in a
// child process of its own (its peak RSS its alone) with typed requests over IPC; signing in;
// and the machine's load average, to print beside every figure.
import { type ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import pg from 'pg';
import { adminQuery, withDatabase } from '../src/test-setup/database-templates';

export const log = (line: string) => process.stderr.write(`${line}\n`);

/** The 1, 5 and 15-minute load averages, e.g. `1.2 0.9 0.7`. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query('select 1 from pg_database where datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

/**
 * The benchmark's PostgreSQL database `name` on the server of `adminUrl`: kept when `reuse` finds
 * it, else dropped (if there) and created empty. `fresh` says it is empty.
 */
export async function benchDatabase(
  adminUrl: string,
  name: string,
  reuse: boolean,
): Promise<{ url: string; fresh: boolean }> {
  const exists = await databaseExists(adminUrl, name);
  if (exists && reuse) return { url: withDatabase(adminUrl, name), fresh: false };
  if (exists) await adminQuery(adminUrl, `drop database ${name} with (force)`);
  await adminQuery(adminUrl, `create database ${name}`);
  return { url: withDatabase(adminUrl, name), fresh: true };
}

export type BenchChild<Request> = {
  baseUrl: string;
  child: ChildProcess;
  /** Sends a request over IPC; resolves with the child's answer. */
  ask<T>(request: Request): Promise<T>;
};

/**
 * Forks a server child (TypeScript through tsx) and waits for its `{ ready: port }`. The child
 * answers `{ id, request }` messages with `{ id, result }` or `{ id, error }`.
 */
export async function startBenchChild<Request>(
  script: string,
  args: string[],
  options: { execArgv?: string[] } = {},
): Promise<BenchChild<Request>> {
  const child = fork(script, args, {
    execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (message: { result?: unknown; error?: string }) => void>();
  let nextId = 1;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.on(
      'message',
      (message: { ready?: number; id?: number; result?: unknown; error?: string }) => {
        if (message.ready !== undefined) resolve(message.ready);
        else if (message.id !== undefined) pending.get(message.id)?.(message);
      },
    );
  });
  const ask = <T>(request: Request) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (message) => {
        pending.delete(id);
        if (message.error) reject(new Error(message.error));
        else resolve(message.result as T);
      });
      child.send({ id, request });
    });
  return { baseUrl: `http://127.0.0.1:${port}`, child, ask };
}

/** Signs in with a password; returns the session cookie (`name=value`). */
export async function signInCookie(
  baseUrl: string,
  email: string,
  password: string,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  await response.text();
  if (response.status !== 200) throw new Error(`sign-in as ${email}: ${response.status}`);
  return response.headers.get('set-cookie')?.split(';')[0] ?? '';
}
