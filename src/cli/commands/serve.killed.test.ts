import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminQuery, withDatabase } from '../../test-setup/database-templates';
import { testEngines } from '../../test-setup/test-database';

// Crash safety of the server (issue #12, item 6): `salesplan serve` is SIGKILLed while deal
// plans are being saved, then started again on the same database. Every save it answered is
// there, none is there in part: each plan's version moved exactly once per step it holds, the
// steps are numbered without gaps, and the audit log has one entry per step.

const bin = path.resolve('bin/salesplan.js');
const PLANS = 8;
const ANSWERED_BEFORE_KILL = 40;

type Target = { env: Record<string, string>; close(): Promise<void> };

async function pgliteTarget(): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-serve-kill-'));
  return {
    env: { SALESPLAN_DATA_DIR: dataDir, DATABASE_URL: '' },
    async close() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresTarget(): Promise<Target> {
  const template = inject('postgresTemplate');
  if (!template) throw new Error('TEST_DATABASE_URL is not set');
  const name = `salesplan_serve_kill_${randomBytes(6).toString('hex')}`;
  await adminQuery(template.url, `create database ${name} template ${template.name}`);
  return {
    env: { DATABASE_URL: withDatabase(template.url, name) },
    async close() {
      await adminQuery(template.url, `drop database if exists ${name} with (force)`);
    },
  };
}

type Server = { child: ChildProcess; baseUrl: string; stdout: string };

/** Starts `salesplan serve` on a free port; resolves once it listens. */
function startServer(env: Record<string, string>): Promise<Server> {
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

function kill(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

type Session = {
  request<T>(method: string, url: string, body?: unknown, ifMatch?: string): Promise<Answer<T>>;
};
type Answer<T> = { status: number; body: T };

async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
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

type Plan = { version: number; steps: { position: number; what: string }[] };

describe.each(testEngines())('salesplan serve, killed during plan saves (%s)', (engine) => {
  let target: Target;
  beforeAll(async () => {
    target = engine === 'pglite' ? await pgliteTarget() : await postgresTarget();
  });
  afterAll(async () => {
    await target.close();
  });

  it('keeps every answered save and no half of one', { timeout: 180_000 }, async () => {
    const first = await startServer(target.env);
    const signInLine = /sign in as (\S+) with the one-time password (\S+)/.exec(first.stdout);
    if (!signInLine) throw new Error(`no first-run admin in: ${first.stdout}`);
    const [, email = '', password = ''] = signInLine;
    const admin = await signIn(first.baseUrl, email, password);

    const reference = await admin.request<{ stages: { id: string }[] }>('GET', '/api/reference');
    const account = await admin.request<{ id: string }>('POST', '/api/accounts', {
      name: 'Northwind',
    });
    expect(account.status).toBe(201);
    const deals: { id: string; startVersion: number }[] = [];
    for (let i = 0; i < PLANS; i++) {
      const deal = await admin.request<{ id: string }>('POST', '/api/opportunities', {
        name: `Fleet ${i}`,
        accountId: account.body.id,
        stageId: reference.body.stages[0]?.id,
      });
      expect(deal.status).toBe(201);
      const plan = await admin.request<Plan>('GET', `/api/opportunities/${deal.body.id}/plan`);
      deals.push({ id: deal.body.id, startVersion: plan.body.version });
    }

    // Every deal's plan gets steps one after another, all deals at once; the kill comes while
    // saves are in flight.
    const answered = new Map(deals.map((deal) => [deal.id, 0]));
    let total = 0;
    let killed: Promise<void> | undefined;
    await Promise.all(
      deals.map(async (deal) => {
        let version = deal.startVersion;
        for (;;) {
          const saved = await admin
            .request<Plan>(
              'POST',
              `/api/opportunities/${deal.id}/plan/steps`,
              { what: `Step ${(answered.get(deal.id) ?? 0) + 1} of ${deal.id}` },
              `"${version}"`,
            )
            .catch(() => undefined); // the connection dies with the server
          if (!saved) return;
          expect(saved.status).toBe(200);
          version = saved.body.version;
          answered.set(deal.id, saved.body.steps.length);
          total += 1;
          if (total === ANSWERED_BEFORE_KILL) killed = kill(first);
        }
      }),
    );
    await killed;
    expect(total).toBeGreaterThanOrEqual(ANSWERED_BEFORE_KILL);

    const second = await startServer(target.env);
    try {
      expect(second.stdout).not.toContain('one-time password');
      const again = await signIn(second.baseUrl, email, password);
      let steps = 0;
      for (const deal of deals) {
        const plan = await again.request<Plan>('GET', `/api/opportunities/${deal.id}/plan`);
        expect(plan.status).toBe(200);
        const held = plan.body.steps.length;
        // Answered saves are kept; at most the one in flight when the server died is added.
        expect(held).toBeGreaterThanOrEqual(answered.get(deal.id) ?? 0);
        expect(held).toBeLessThanOrEqual((answered.get(deal.id) ?? 0) + 1);
        expect(plan.body.version).toBe(deal.startVersion + held);
        expect(plan.body.steps.map((step) => step.position)).toEqual(
          Array.from({ length: held }, (_, i) => i + 1),
        );
        steps += held;
      }
      const audit = await again.request<{ total: number }>(
        'GET',
        '/api/audit-log?entityType=action_step&pageSize=1',
      );
      expect(audit.body.total).toBe(steps);

      // And the server works on: the next save lands.
      const deal = deals[0];
      if (!deal) throw new Error('no deal');
      const current = await again.request<Plan>('GET', `/api/opportunities/${deal.id}/plan`);
      const next = await again.request<Plan>(
        'POST',
        `/api/opportunities/${deal.id}/plan/steps`,
        { what: 'After the restart' },
        `"${current.body.version}"`,
      );
      expect(next.status).toBe(200);
    } finally {
      await kill(second);
    }
  });
});
