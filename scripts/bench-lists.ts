// `npm run bench:lists [-- --engines pglite,postgres --pglite demo,medium --postgres medium,large
// --requests 20 --reuse --lists opportunities,activities --callers manager --explain]`: loads the
// dashboards benchmark's organisation (scripts/bench-dashboards/generate.ts, plus contacts and
// plans: bench-lists/extras.ts) or the demo organisation (`demo`), starts the real server over it
// in a child process (port 4540 by default), and for each list case (bench-lists/cases.ts) and
// each of a leader and a manager times the first page through HTTP (p50, p95) beside its floor,
// the same page as one hand-written statement through the same driver, and their ratio.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type DatabaseHandle, openDatabase, openPostgres } from '../src/db/client';
import { DEMO_PASSWORD, loadDemoData } from '../src/services/demo/load';
import { hashPassword } from '../src/services/passwords';
import {
  BENCH_PASSWORD,
  BENCH_SIZES,
  type BenchSizeName,
  LEADER_EMAIL,
  MANAGER_EMAIL,
  countBenchRows,
  findBenchOrganisation,
  loadBenchOrganisation,
} from './bench-dashboards/generate';
import type { ChildRequest, Statement } from './bench-dashboards/server-child';
import { type ListCase, type Sample, listCases } from './bench-lists/cases';
import { benchDatabase, loadAverage, log, signInCookie, startBenchChild } from './bench-shared';
import { loadListExtras } from './bench-lists/extras';

type Engine = 'pglite' | 'postgres';
type SizeName = BenchSizeName | 'demo';
type Row = {
  engine: Engine;
  size: string;
  list: string;
  case: string;
  as: string;
  p50: number;
  p95: number;
  floorP50: number | null;
  ratio: number | null;
  total: string;
};

const { values } = parseArgs({
  options: {
    engines: { type: 'string' },
    pglite: { type: 'string', default: 'demo,medium' },
    postgres: { type: 'string', default: 'medium,large' },
    requests: { type: 'string', default: '20' },
    anchor: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    reuse: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    'load-only': { type: 'boolean', default: false },
    /** Only the lists containing one of these (comma-separated), e.g. `opportunities,plans`. */
    lists: { type: 'string' },
    callers: { type: 'string', default: 'leader,manager' },
    port: { type: 'string', default: '4540' },
    out: { type: 'string', default: path.join(os.tmpdir(), 'salesplan-bench-lists') },
  },
});
const requests = Number(values.requests);
const listFilter = values.lists?.split(',').filter(Boolean);
const callerNames = values.callers.split(',').filter(Boolean) as ('leader' | 'manager')[];
const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
const engines = (values.engines ?? (url ? 'pglite,postgres' : 'pglite')).split(',') as Engine[];
const sizesOf = (engine: Engine) =>
  (engine === 'pglite' ? values.pglite : values.postgres).split(',') as SizeName[];
fs.mkdirSync(values.out, { recursive: true });

const percentile = (times: number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const ms = (value: number) => Number(value.toFixed(1));

const DEMO = {
  leader: 'leader@demo.salesplan.test',
  manager: 'manager1@demo.salesplan.test',
  password: DEMO_PASSWORD,
};
const BENCH = { leader: LEADER_EMAIL, manager: MANAGER_EMAIL, password: BENCH_PASSWORD };

/** Opens the database of one engine and size, loading it unless --reuse finds it loaded. */
async function prepare(engine: Engine, size: SizeName): Promise<string[]> {
  // Databases of their own (not the dashboards benchmark's), so the two benchmarks never drop
  // each other's data.
  let handle: DatabaseHandle;
  let target: string[];
  let fresh = true;
  if (engine === 'postgres') {
    if (!url) throw new Error('set BENCH_DATABASE_URL or TEST_DATABASE_URL for PostgreSQL');
    const name = `salesplan_lists_${size}`;
    const database = await benchDatabase(url, name, values.reuse);
    fresh = database.fresh;
    target = ['--url', database.url];
    handle = openPostgres(database.url);
  } else {
    const dir = path.join(values.out, `pglite-${size}`);
    if (fs.existsSync(dir) && values.reuse) fresh = false;
    else {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
    }
    target = ['--dir', dir];
    handle = await openDatabase({ dataDir: dir, purpose: 'bench-lists load' });
  }
  try {
    // Migrations added since the load (indexes) apply to the loaded rows.
    await handle.migrate();
    const started = performance.now();
    if (size === 'demo') {
      if (fresh) await loadDemoData(handle.db, { anchorDate: values.anchor });
    } else {
      const benchSize = BENCH_SIZES[size];
      let org = fresh ? undefined : await findBenchOrganisation(handle.db, benchSize);
      if (!org) {
        log(`${engine} ${size}: loading ${benchSize.opportunities} deals`);
        org = await loadBenchOrganisation(handle.db, benchSize, {
          anchor: values.anchor,
          passwordHash: await hashPassword(BENCH_PASSWORD),
          engine,
        });
      }
      if (await loadListExtras(handle.db, org.orgId, Number(values.anchor.slice(0, 4))))
        log(`  contacts and plans added`);
      log(`  ${JSON.stringify(await countBenchRows(handle.db, org.orgId))}`);
    }
    log(`${engine} ${size}: ready in ${ms((performance.now() - started) / 1000)} s`);
  } finally {
    await handle.close();
  }
  return target;
}

/** The server child (bench-dashboards/server-child.ts) and a typed request/answer over IPC. */
function startServer(target: string[]) {
  return startBenchChild<ChildRequest>(
    path.join(import.meta.dirname, 'bench-dashboards/server-child.ts'),
    [...target, '--port', values.port],
  );
}
type Server = Awaited<ReturnType<typeof startServer>>;

const signIn = signInCookie;

/** Times the route; also returns what the last answer said its total was. */
async function timeRequests(baseUrl: string, route: string, cookie: string) {
  const times: number[] = [];
  let total = '';
  for (let i = 0; i < 2 + requests; i++) {
    const started = performance.now();
    const response = await fetch(baseUrl + route, { headers: { cookie } });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${route}: ${response.status} ${text}`);
    if (i >= 2) times.push(performance.now() - started);
    const body = JSON.parse(text) as { total?: number; totalIsEstimate?: boolean };
    // An estimated total is shown with a ~.
    total = `${body.totalIsEstimate ? '~' : ''}${body.total ?? ''}`;
  }
  return { times, total };
}

/** The ids the cases filter on, read through the server's own connection. */
async function sampleOf(
  server: Server,
  managerEmail: string,
  as: 'leader' | 'manager',
): Promise<Sample> {
  const one = async (text: string, params: unknown[]) => {
    const rows = await server.ask<Record<string, string>[]>({ type: 'query', sql: text, params });
    return rows[0]?.value ?? '';
  };
  const manager = await server.ask<{ id: string; org_id: string }[]>({
    type: 'query',
    sql: `select id::text, org_id::text from users where email = $1`,
    params: [managerEmail],
  });
  const { id: managerId, org_id: orgId } = manager[0] ?? { id: '', org_id: '' };
  const team = await server.ask<{ id: string }[]>({
    type: 'query',
    sql: `select id::text from users where org_id = $1 and (id = $2 or manager_id = $2) order by email`,
    params: [orgId, managerId],
  });
  const teamIds = team.map((row) => row.id);
  const ownerId = teamIds.find((id) => id !== managerId) ?? managerId;
  return {
    orgId,
    fiscalYear: Number(values.anchor.slice(0, 4)),
    owners: as === 'leader' ? null : teamIds,
    ownerId,
    managerId,
    today: values.anchor,
    stageId: await one(
      `select id::text as value from stages where org_id = $1 and kind = 'open' order by position limit 1`,
      [orgId],
    ),
    productId: await one(
      `select id::text as value from products where org_id = $1 order by name limit 1`,
      [orgId],
    ),
    segmentId: await one(
      `select id::text as value from segments where org_id = $1 order by name limit 1`,
      [orgId],
    ),
    accountId: await one(
      `select id::text as value from accounts where org_id = $1 and owner_id = $2 order by name limit 1`,
      [orgId, ownerId],
    ),
    activityType: await one(
      `select type as value from activities where org_id = $1 and type <> 'first_meeting' limit 1`,
      [orgId],
    ),
  };
}

async function bench(engine: Engine, size: SizeName): Promise<Row[]> {
  const target = await prepare(engine, size);
  if (values['load-only']) return [];
  const server = await startServer(target);
  const people = size === 'demo' ? DEMO : BENCH;
  const rows: Row[] = [];
  const plans: string[] = [];
  try {
    log(`  load average ${loadAverage()} at the start`);
    // The HTTP floor: a route that does nothing (bench-dashboards/server-child.ts).
    const hello = await timeRequests(server.baseUrl, '/bench/hello', '');
    const helloCase = { list: '-', label: 'GET /bench/hello (HTTP floor)', route: '', floor: null };
    rows.push(row(engine, size, helloCase, '-', hello.times, null, ''));
    for (const as of callerNames) {
      const cookie = await signIn(server.baseUrl, people[as], people.password);
      const sample = await sampleOf(server, people.manager, as);
      const cases = listCases(sample).filter(
        ({ list }) => !listFilter || listFilter.some((part) => list.includes(part)),
      );
      for (const item of cases) {
        const { times, total } = await timeRequests(server.baseUrl, item.route, cookie);
        const floor = item.floor
          ? await server.ask<number[]>({ type: 'floor', ...item.floor, warmups: 2, requests })
          : null;
        const result = row(engine, size, item, as, times, floor, total);
        rows.push(result);
        log(`  ${JSON.stringify(result)}`);
        if (values.explain) plans.push(...(await explain(server, item, cookie, as)));
      }
    }
    if (plans.length > 0) {
      const file = path.join(values.out, `explain-${engine}-${size}.txt`);
      fs.writeFileSync(file, plans.join('\n\n'));
      log(`  EXPLAIN plans in ${file}`);
    }
    // The machine may be shared: the load average beside the figures says how quiet it was.
    const load = loadAverage();
    log(`  load average ${load} (1, 5, 15 min; ${os.cpus().length} CPUs) at the end`);
    const loadCase = {
      list: '-',
      label: `load average at the end: ${load}`,
      route: '',
      floor: null,
    };
    rows.push(row(engine, size, loadCase, '-', [0], null, ''));
  } finally {
    await server.ask({ type: 'exit' }).catch(() => undefined);
  }
  return rows;
}

/** The request's statements, each with its EXPLAIN (ANALYZE, BUFFERS). */
async function explain(server: Server, item: ListCase, cookie: string, as: string) {
  await server.ask({ type: 'capture' });
  await fetch(server.baseUrl + item.route, { headers: { cookie } }).then((r) => r.text());
  const statements = (await server.ask<Statement[]>({ type: 'captured' })).filter((s) =>
    /^\s*select/i.test(s.sql),
  );
  const found = await server.ask<string[]>({ type: 'explain', statements });
  return statements.map(
    (s, i) =>
      `=== ${as} ${item.route}\n${s.sql}\n-- ${JSON.stringify(s.params)}\n${found[i] ?? ''}`,
  );
}

function row(
  engine: Engine,
  size: string,
  item: ListCase,
  as: string,
  times: number[],
  floor: number[] | null,
  total: string,
): Row {
  const p50 = percentile(times, 50);
  const floorP50 = floor ? percentile(floor, 50) : null;
  return {
    engine,
    size,
    list: item.list,
    case: item.label,
    as,
    p50: ms(p50),
    p95: ms(percentile(times, 95)),
    floorP50: floorP50 === null ? null : ms(floorP50),
    ratio: floorP50 === null ? null : Number((p50 / floorP50).toFixed(2)),
    total,
  };
}

const all: Row[] = [];
for (const engine of engines)
  for (const size of sizesOf(engine)) all.push(...(await bench(engine, size)));
console.table(all);
if (all.length > 0)
  fs.writeFileSync(
    path.join(values.out, `results-${Date.now()}.json`),
    JSON.stringify(all, null, 2),
  );
