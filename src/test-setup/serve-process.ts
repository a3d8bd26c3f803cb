import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { expect, inject } from 'vitest';
import { pgliteExtensions } from '../db/client';
import { adminQuery, withDatabase } from './database-templates';
import type { Engine } from './test-database';

// `salesplan serve` as a child process on a database of its own, for the tests that SIGKILL it
// (src/cli/commands/serve.killed*.test.ts): the database outlives the process, so a second
// start finds what the first left.

const bin = path.resolve('bin/salesplan.js');

/** A database for `salesplan serve`: the environment that points at it. */
export type ServeTarget = {
  env: Record<string, string>;
  /** The server's temporary folder (TMPDIR), its own: a killed server's upload spool stays here. */
  tmpDir: string;
  /** A query from outside the server (PostgreSQL only: PGlite's folder is the server's alone). */
  query?<T>(text: string): Promise<T[]>;
  close(): Promise<void>;
};

export async function serveTarget(engine: Engine, prefix: string): Promise<ServeTarget> {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-tmp-`));
  const removeTmp = () => fs.rmSync(tmpDir, { recursive: true, force: true });
  if (engine === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
    // The folder starts as a copy of the migrated template (3 s, not initdb and migrations).
    const pgDataDir = path.join(dataDir, 'pgdata');
    fs.mkdirSync(pgDataDir);
    const seed = await PGlite.create(pgDataDir, {
      loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplatePath'))]),
      extensions: pgliteExtensions,
    });
    await seed.close();
    return {
      env: { SALESPLAN_DATA_DIR: dataDir, DATABASE_URL: '', TMPDIR: tmpDir },
      tmpDir,
      async close() {
        fs.rmSync(dataDir, { recursive: true, force: true });
        removeTmp();
      },
    };
  }
  const template = inject('postgresTemplate');
  if (!template) throw new Error('TEST_DATABASE_URL is not set');
  const name = `${prefix.replace(/\W/g, '_')}_${randomBytes(6).toString('hex')}`;
  await adminQuery(template.url, `create database ${name} template ${template.name}`);
  const url = withDatabase(template.url, name);
  return {
    env: { DATABASE_URL: url, TMPDIR: tmpDir },
    tmpDir,
    async query<T>(text: string) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(text)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async close() {
      await adminQuery(template.url, `drop database if exists ${name} with (force)`);
      removeTmp();
    },
  };
}

export type Server = { child: ChildProcess; baseUrl: string; stdout: string };

// Every server started and not yet ended: a failed test leaves none running (stopServers).
const running = new Set<ChildProcess>();

/** Starts `salesplan serve` on a free port; resolves once it listens. */
export function startServer(env: Record<string, string>): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [bin, 'serve'], {
      env: {
        ...process.env,
        ...env,
        PORT: '0',
        HOST: '127.0.0.1',
        SALESPLAN_DEMO: 'false',
        NODE_ENV: 'production',
      },
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /Salesplan is running at (http:\/\/\S+?)\/\s/.exec(stdout)?.[1];
      if (url && stdout.includes('API reference')) resolve({ child, baseUrl: url, stdout });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (code, signal) =>
      reject(new Error(`serve ended (${code ?? signal}) before listening: ${stdout}${stderr}`)),
    );
  });
}

/** SIGKILL: no shutdown hook, no transaction finished, nothing flushed. */
export function kill(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

/** SIGKILLs every server still running (an afterAll: a failed assertion skips a test's kill). */
export async function stopServers(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** The first-run admin's email and one-time password, from the first start's output. */
export function firstRunAdmin(server: Server): { email: string; password: string } {
  const signInLine = /sign in as (\S+) with the one-time password (\S+)/.exec(server.stdout);
  if (!signInLine) throw new Error(`no first-run admin in: ${server.stdout}`);
  return { email: signInLine[1] ?? '', password: signInLine[2] ?? '' };
}

export type Answer<T> = { status: number; body: T };
export type Session = {
  cookie: string;
  request<T>(method: string, url: string, body?: unknown, ifMatch?: string): Promise<Answer<T>>;
};

export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    cookie,
    async request(method, url, body, ifMatch) {
      const answer = await fetch(baseUrl + url, {
        method,
        headers: {
          cookie,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await answer.text();
      return { status: answer.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}
