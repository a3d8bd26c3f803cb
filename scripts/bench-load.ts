// `npm run bench:load [-- --duration 60 --connections 200 --reuse]`: load on the real server over
// PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL; database salesplan_bench_load with the demo
// organisation) with autocannon: every connection signed in as one of the demo's leader,
// managers and reps (a session per user), each cycle three list reads (opportunities, activities,
// accounts, first pages), one dashboard read (a rep's own, a manager's team, the leader a team)
// and one plan write (the win-win of a deal of the connection's own, If-Match with the version
// the last answer gave, so no 409s; the leader, who may read every deal but change only their
// own, of which the demo gives none, reads the deal's plan instead). Then the floor: a bare Fastify app on the same database
// (scripts/bench-load/server-child.ts) whose routes run each real route's main statement as it
// was captured from the app (the longest statement a request sent, authentication's left out),
// and a one-statement upsert for the write, with the same mix and connections. Prints
// requests/s, p50, p99, errors and non-2xx answers of both and the ratios, then every non-2xx
// answer by status and route with the first one's body. `--cpu-prof <folder>` profiles the app.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openPostgres } from '../src/db/client';
import { DEMO_PASSWORD, demoSignIns, loadDemoData } from '../src/services/demo/load';
import { withDatabase } from '../src/test-setup/database-templates';
import type { ChildRequest, Statement } from './bench-load/server-child';
import { benchDatabase, loadAverage, log, startBenchChild } from './bench-shared';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '200' },
    /** The app listens on this port, the floor on the next. */
    port: { type: 'string', default: '4550' },
    reuse: { type: 'boolean', default: false },
    only: { type: 'string' },
    /** Writes a V8 CPU profile of the app server (node --cpu-prof) into this folder. */
    'cpu-prof': { type: 'string' },
  },
});
const appExecArgv = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : [];
const duration = Number(values.duration);
const connections = Number(values.connections);
const basePort = Number(values.port);
const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error('set BENCH_DATABASE_URL or TEST_DATABASE_URL (PostgreSQL)');
const databaseName = 'salesplan_bench_load';
const url = withDatabase(adminUrl, databaseName);
/** The bench database with the demo organisation (loaded again unless --reuse finds it). */
async function prepare(): Promise<void> {
  const database = await benchDatabase(adminUrl as string, databaseName, values.reuse);
  const handle = openPostgres(database.url);
  try {
    await handle.migrate();
    if (database.fresh) {
      const started = performance.now();
      await loadDemoData(handle.db, { anchorDate: new Date().toISOString().slice(0, 10) });
      log(`demo data loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await handle.close();
  }
}

function startChild(mode: 'app' | 'floor', port: number) {
  return startBenchChild<ChildRequest>(
    path.join(import.meta.dirname, 'bench-load/server-child.ts'),
    ['--mode', mode, '--url', url, '--port', String(port)],
    { execArgv: mode === 'app' ? appExecArgv : [] },
  );
}

type Caller = {
  email: string;
  role: string;
  userId: string;
  orgId: string;
  cookie: string;
  dashboard: string;
  /** A leader reads every deal but changes only their own (none in the demo): they read plans. */
  writesPlans: boolean;
};
type Slot = { caller: number; dealId: string; version: number; writes: number };

async function request(
  baseUrl: string,
  route: string,
  init: { cookie?: string; method?: string; body?: unknown; ifMatch?: number } = {},
) {
  const response = await fetch(baseUrl + route, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.ifMatch !== undefined ? { 'if-match': String(init.ifMatch) } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${route}: ${response.status} ${text}`);
  return { json: JSON.parse(text) as Record<string, unknown>, response };
}

/** Signs in the leader, the managers and the reps; finds each one's open deals. */
async function signIn(baseUrl: string): Promise<{ callers: Caller[]; slots: Slot[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const people = demoSignIns.filter((s) => s.role !== 'admin');
  const callers: Caller[] = [];
  const deals = new Map<number, string[]>();
  try {
    const firstManager = await client.query<{ id: string }>(
      `select id from users where email = $1`,
      [demoSignIns.find((s) => s.role === 'manager')?.email],
    );
    for (const person of people) {
      const { response } = await request(baseUrl, '/api/session', {
        method: 'POST',
        body: { email: person.email, password: DEMO_PASSWORD },
      });
      const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
      const user = await client.query<{ id: string; org_id: string }>(
        `select id, org_id from users where email = $1`,
        [person.email],
      );
      const row = user.rows[0];
      if (!row) throw new Error(`${person.email} not found`);
      const dashboard =
        person.role === 'rep'
          ? '/api/dashboards/rep'
          : person.role === 'manager'
            ? '/api/dashboards/team'
            : `/api/dashboards/team?managerId=${firstManager.rows[0]?.id ?? ''}`;
      callers.push({
        ...person,
        userId: row.id,
        orgId: row.org_id,
        cookie,
        dashboard,
        writesPlans: person.role !== 'leader',
      });
      // The open deals the caller owns, or (managers, the leader) their reps' open deals.
      const open = await client.query<{ id: string }>(
        `select o.id from opportunities o join stages s on s.org_id = o.org_id and s.id = o.stage_id
         join users u on u.org_id = o.org_id and u.id = o.owner_id
         where o.org_id = $1 and s.kind = 'open'
           and (o.owner_id = $2 or u.manager_id = $2 or $3 = 'leader')
         order by o.id`,
        [row.org_id, row.id, person.role],
      );
      deals.set(
        callers.length - 1,
        open.rows.map((r) => r.id),
      );
    }
  } finally {
    await client.end();
  }
  // Connection i is caller i mod callers; each takes a deal no other connection writes.
  const taken = new Set<string>();
  const slots: Slot[] = [];
  for (let i = 0; i < connections; i++) {
    const caller = i % callers.length;
    const dealId = (deals.get(caller) ?? []).find((id) => !taken.has(id));
    if (!dealId) throw new Error(`no free open deal for ${callers[caller]?.email}`);
    taken.add(dealId);
    slots.push({ caller, dealId, version: 0, writes: 0 });
  }
  return { callers, slots };
}

const LISTS = ['/api/opportunities', '/api/activities', '/api/accounts'] as const;
type Kind = 'opportunities' | 'activities' | 'accounts' | 'dashboard';
const KINDS: Kind[] = ['opportunities', 'activities', 'accounts', 'dashboard'];
const routeOf = (caller: Caller, kind: Kind) =>
  kind === 'dashboard' ? caller.dashboard : `/api/${kind}`;
const planRoute = (slot: Slot) => `/api/opportunities/${slot.dealId}/plan`;

/** The statements each request sent, all of them (authentication's too), by kind of request. */
const statementCounts = new Map<string, number[]>();

/** A rep plan of this year each caller may read: their own (reps), a team rep's (managers, leader). */
async function repPlanOf(callers: Caller[]): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const plans = new Map<string, string>();
    for (const caller of callers) {
      const { rows } = await client.query<{ id: string }>(
        `select p.id from rep_plans p join users u on u.org_id = p.org_id and u.id = p.rep_id
         where p.org_id = $1 and (p.rep_id = $2 or u.manager_id = $2 or $3 = 'leader')
         order by p.fiscal_year desc, p.id limit 1`,
        [caller.orgId, caller.userId, caller.role],
      );
      if (rows[0]) plans.set(caller.userId, rows[0].id);
    }
    return plans;
  } finally {
    await client.end();
  }
}

/** Each caller's main statement per read: the longest one the request sent, authentication's out. */
async function captureFloors(
  app: Awaited<ReturnType<typeof startChild>>,
  callers: Caller[],
  slots: Slot[],
): Promise<Record<string, Statement>> {
  const floors: Record<string, Statement> = {};
  const capture = async (name: string, route: string, cookie: string) => {
    await app.ask({ type: 'capture' });
    await request(app.baseUrl, route, { cookie });
    const all = await app.ask<Statement[]>({ type: 'captured' });
    const statements = all.filter((s) => !/\b(sessions|api_tokens)\b/.test(s.sql));
    const kind = name.replace(/^\d+-/, '');
    statementCounts.set(kind, [...(statementCounts.get(kind) ?? []), all.length]);
    const main = statements.sort((a, b) => b.sql.length - a.sql.length)[0];
    if (!main) throw new Error(`${route} sent no statement`);
    floors[name] = main;
  };
  // Counted, not timed: each caller's reading of a rep plan they may see (My plan, Team).
  const plans = await repPlanOf(callers);
  for (const caller of callers) {
    const planId = plans.get(caller.userId);
    if (planId) {
      await app.ask({ type: 'capture' });
      await request(app.baseUrl, `/api/rep-plans/${planId}`, { cookie: caller.cookie });
      const all = await app.ask<Statement[]>({ type: 'captured' });
      statementCounts.set('rep plan', [...(statementCounts.get('rep plan') ?? []), all.length]);
    }
  }
  for (const [index, caller] of callers.entries()) {
    for (const kind of KINDS)
      await capture(`${index}-${kind}`, routeOf(caller, kind), caller.cookie);
    const slot = slots.find((s) => s.caller === index);
    if (!caller.writesPlans && slot) await capture(`${index}-plan`, planRoute(slot), caller.cookie);
  }
  return floors;
}

type Figures = {
  target: string;
  'requests/s': number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  'non-2xx': number;
  requests: number;
};

/** An answer outside 2xx: which request, what it said (the first of each kind are kept whole). */
type Refusal = { target: string; route: string; status: number; body: string };
const refusals: Refusal[] = [];
function noteRefusal(target: string, route: string, status: number, body: string) {
  if (status >= 200 && status < 300) return;
  refusals.push({ target, route, status, body: body.slice(0, 300) });
}

/** One autocannon run: connection i takes slot i (told by its URL's hash). */
async function load(
  target: 'app' | 'floor',
  baseUrl: string,
  callers: Caller[],
  slots: Slot[],
): Promise<Figures> {
  const slotOf = (hash: string | null | undefined) => slots[Number((hash ?? '#0').slice(1))];
  const read = (kind: Kind): autocannon.Request => ({
    method: 'GET',
    setupRequest: (req, context) => {
      const slot = slotOf(req.hash);
      const caller = slot && callers[slot.caller];
      if (!slot || !caller) return req;
      context.slot = slots.indexOf(slot);
      const index = slot.caller;
      return target === 'app'
        ? { ...req, path: routeOf(caller, kind), headers: { cookie: caller.cookie } }
        : { ...req, path: `/floor/${index}-${kind}` };
    },
    onResponse: (status, body, context) => {
      const slot = slots[Number(context.slot)];
      const caller = slot && callers[slot.caller];
      noteRefusal(target, `GET ${caller ? routeOf(caller, kind) : kind}`, status, body);
    },
  });
  const write: autocannon.Request = {
    method: 'PUT',
    setupRequest: (req) => {
      const slot = slotOf(req.hash);
      const caller = slot && callers[slot.caller];
      if (!slot || !caller) return req;
      if (!caller.writesPlans)
        return target === 'app'
          ? { ...req, method: 'GET', path: planRoute(slot), headers: { cookie: caller.cookie } }
          : { ...req, method: 'GET', path: `/floor/${slot.caller}-plan` };
      slot.writes += 1;
      const body = JSON.stringify({
        buyerResult: `Fewer stock-outs (${slot.writes})`,
        buyerPersonalWin: 'Recognition from the board',
        ourWin: 'A three-year contract',
      });
      return target === 'app'
        ? {
            ...req,
            path: `/api/opportunities/${slot.dealId}/plan/win-win`,
            headers: {
              cookie: caller.cookie,
              'content-type': 'application/json',
              'if-match': String(slot.version),
            },
            body,
          }
        : {
            ...req,
            path: `/floor/plan/${caller.orgId}/${slot.dealId}`,
            headers: { 'content-type': 'application/json' },
            body,
          };
    },
    onResponse: (status, body, context) => {
      const slot = slots[Number(context.slot)];
      const writes = slot && callers[slot.caller]?.writesPlans;
      const route = slot
        ? `${writes ? 'PUT' : 'GET'} ${planRoute(slot)}${writes ? '/win-win' : ''}`
        : 'plan';
      noteRefusal(target, route, status, body);
      if (status !== 200 || !slot || !writes) return;
      const version = (JSON.parse(body) as { version?: number }).version;
      if (typeof version === 'number') slot.version = version;
    },
  };
  const result = await autocannon({
    url: slots.map((_, i) => `${baseUrl}/#${i}`),
    connections,
    duration,
    timeout: 10,
    requests: [...KINDS.map(read), write],
  });
  return {
    target,
    'requests/s': Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    'non-2xx': result.non2xx,
    requests: result.requests.total,
  };
}

await prepare();
const app = await startChild('app', basePort);
const floor = await startChild('floor', basePort + 1);
try {
  const { callers, slots } = await signIn(app.baseUrl);
  // Each slot's plan version as the app has it (the demo gave some deals a plan).
  for (const slot of slots) {
    const caller = callers[slot.caller];
    const plan = await request(app.baseUrl, `/api/opportunities/${slot.dealId}/plan`, {
      cookie: caller?.cookie,
    });
    slot.version = Number(plan.json.version);
  }
  await floor.ask({ type: 'floors', floors: await captureFloors(app, callers, slots) });
  for (const [kind, counts] of statementCounts)
    log(`statements per ${kind} request: ${Math.min(...counts)}–${Math.max(...counts)}`);
  log(
    `${callers.length} callers (${callers.map((c) => c.role[0]).join('')}), ${connections} connections, ` +
      `${duration} s each; load average ${loadAverage()} (${os.cpus().length} CPUs) at the start`,
  );
  const rows: Figures[] = [];
  if (values.only !== 'floor') {
    rows.push(await load('app', app.baseUrl, callers, slots));
    log(`app done; load average ${loadAverage()}`);
  }
  if (values.only !== 'app') {
    rows.push(await load('floor', floor.baseUrl, callers, slots));
    log(`floor done; load average ${loadAverage()}`);
  }
  const [real, bare] = rows;
  console.table(rows);
  if (real && bare)
    console.table({
      'app / floor': {
        'requests/s': Number((real['requests/s'] / bare['requests/s']).toFixed(2)),
        p50: Number((real.p50 / bare.p50).toFixed(2)),
        p99: Number((real.p99 / bare.p99).toFixed(2)),
      },
    });
  // Every answer outside 2xx, by status and route, with the first one's body.
  const kinds = new Map<string, { count: number; first: Refusal }>();
  for (const refusal of refusals) {
    const key = `${refusal.target} ${refusal.status} ${refusal.route.replace(/[0-9a-f-]{36}/g, ':id')}`;
    const known = kinds.get(key);
    if (known) known.count += 1;
    else kinds.set(key, { count: 1, first: refusal });
  }
  for (const [key, { count, first }] of kinds) log(`non-2xx: ${count} × ${key}: ${first.body}`);
  const rss = await app.ask<{ peakRssMb: number }>({ type: 'rss' });
  log(`app server peak RSS ${rss.peakRssMb} MB; load average ${loadAverage()} at the end`);
  log(`lists ${LISTS.join(', ')}; writes ${slots.reduce((n, s) => n + s.writes, 0)} built`);
} finally {
  await app.ask({ type: 'exit' }).catch(() => undefined);
  await floor.ask({ type: 'exit' }).catch(() => undefined);
}
