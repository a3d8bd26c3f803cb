// `npm run bench:dashboards [-- --engines pglite,postgres --pglite medium --postgres medium,large
// --requests 20 --reuse --explain --routes attainment,dashboards/rep --callers manager]`: loads the bench organisation (scripts/bench-dashboards/
// generate.ts) into PGlite and PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL), starts the
// real server over it in a child process, and for each route and each of a leader and a manager
// times the requests (p50, p95) beside the route's SQL floor timed through the same driver, and a
// do-nothing route for the HTTP floor. `--scale small` runs everything at 10k deals, in a minute.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type DatabaseHandle, openDatabase, openPostgres } from '../src/db/client';
import { addDays, isoWeekOf, isoWeekStart, parseIsoDate } from '../src/domain/calendar';
import { hashPassword } from '../src/services/passwords';
import { FLOORS, type FloorInput } from './bench-dashboards/floors';
import {
  BENCH_PASSWORD,
  BENCH_SIZES,
  type BenchOrganisation,
  type BenchSizeName,
  LEADER_EMAIL,
  MANAGER_EMAIL,
  benchId,
  countBenchRows,
  findBenchOrganisation,
  loadBenchOrganisation,
} from './bench-dashboards/generate';
import type { ChildRequest, Statement } from './bench-dashboards/server-child';
import { benchDatabase, loadAverage, log, signInCookie, startBenchChild } from './bench-shared';

type Engine = 'pglite' | 'postgres';
type Row = {
  engine: Engine;
  size: string;
  route: string;
  as: 'leader' | 'manager' | '-';
  p50: number;
  p95: number;
  floorP50: number | null;
  floorP95: number | null;
  ratio: number | null;
};

const { values } = parseArgs({
  options: {
    engines: { type: 'string' },
    pglite: { type: 'string', default: 'medium' },
    postgres: { type: 'string', default: 'medium,large' },
    scale: { type: 'string' },
    requests: { type: 'string', default: '20' },
    anchor: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    reuse: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    'load-only': { type: 'boolean', default: false },
    /** Only the routes containing one of these (comma-separated), e.g. `win-rates,dashboards/`. */
    routes: { type: 'string' },
    /** Only these callers (comma-separated: leader, manager). */
    callers: { type: 'string', default: 'leader,manager' },
    /** The server child's port (a free one by default). */
    port: { type: 'string' },
    out: { type: 'string', default: path.join(os.tmpdir(), 'salesplan-bench-dashboards') },
  },
});
const requests = Number(values.requests);
const routeFilter = values.routes?.split(',').filter(Boolean);
const callerNames = values.callers.split(',').filter(Boolean);
for (const name of callerNames)
  if (name !== 'leader' && name !== 'manager') throw new Error(`--callers: unknown caller ${name}`);
const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
const engines = (values.engines ?? (url ? 'pglite,postgres' : 'pglite')).split(',') as Engine[];
const sizesOf = (engine: Engine) =>
  (values.scale ?? (engine === 'pglite' ? values.pglite : values.postgres)).split(
    ',',
  ) as BenchSizeName[];
fs.mkdirSync(values.out, { recursive: true });

const percentile = (times: number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const ms = (value: number) => Number(value.toFixed(1));

/** Opens (and loads, unless --reuse finds it loaded) the bench database of one engine and size. */
async function prepare(
  engine: Engine,
  sizeName: BenchSizeName,
): Promise<{ target: string[]; org: BenchOrganisation; loadSeconds: number | null }> {
  const size = BENCH_SIZES[sizeName];
  let handle: DatabaseHandle;
  let target: string[];
  if (engine === 'postgres') {
    if (!url) throw new Error('set BENCH_DATABASE_URL or TEST_DATABASE_URL for PostgreSQL');
    const name = `salesplan_bench_${sizeName}`;
    let database = await benchDatabase(url, name, values.reuse);
    if (!database.fresh) {
      handle = openPostgres(database.url);
      // Migrations added since the load (indexes) apply to the loaded rows.
      await handle.migrate();
      const org = await findBenchOrganisation(handle.db, size);
      await handle.close();
      if (org) return { target: ['--url', database.url], org, loadSeconds: null };
      database = await benchDatabase(url, name, false);
    }
    target = ['--url', database.url];
    handle = openPostgres(database.url);
  } else {
    const dir = path.join(values.out, `pglite-${sizeName}`);
    if (fs.existsSync(dir) && values.reuse) {
      handle = await openDatabase({ dataDir: dir, purpose: 'bench-dashboards load' });
      await handle.migrate();
      const org = await findBenchOrganisation(handle.db, size);
      await handle.close();
      if (org) return { target: ['--dir', dir], org, loadSeconds: null };
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    target = ['--dir', dir];
    handle = await openDatabase({ dataDir: dir, purpose: 'bench-dashboards load' });
  }
  await handle.migrate();
  log(`${engine} ${sizeName}: loading ${size.opportunities} deals, ${size.activities} activities`);
  const started = performance.now();
  const loaded = await loadBenchOrganisation(handle.db, size, {
    anchor: values.anchor,
    passwordHash: await hashPassword(BENCH_PASSWORD),
    engine,
  });
  const loadSeconds = ms((performance.now() - started) / 1000);
  log(`  loaded in ${loadSeconds} s ${JSON.stringify(loaded.seconds)}`);
  log(`  ${JSON.stringify(await countBenchRows(handle.db, loaded.orgId))}`);
  await handle.close();
  return { target, org: loaded, loadSeconds };
}

/** The server child (bench-dashboards/server-child.ts) and a typed request/answer over IPC. */
function startServer(target: string[]) {
  return startBenchChild<ChildRequest>(
    path.join(import.meta.dirname, 'bench-dashboards/server-child.ts'),
    values.port ? [...target, '--port', values.port] : target,
  );
}

const signIn = (baseUrl: string, email: string) => signInCookie(baseUrl, email, BENCH_PASSWORD);

async function timeRequests(baseUrl: string, route: string, cookie: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 2 + requests; i++) {
    const started = performance.now();
    const response = await fetch(baseUrl + route, { headers: { cookie } });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${route}: ${response.status} ${text}`);
    if (i >= 2) times.push(performance.now() - started);
  }
  return times;
}

type Route = { route: string; floor: string | null; floorOwners?: string[] };

/** The routes to time, each with the floor of its main figure and, when not the caller's, its scope. */
function routesFor(
  org: BenchOrganisation,
  from: string,
  to: string,
  available: Set<string>,
  as: 'leader' | 'manager',
): Route[] {
  const period = `from=${from}&to=${to}`;
  const routes: Route[] = [
    { route: '/api/reports/pipeline?by=rep', floor: 'pipeline' },
    { route: `/api/reports/win-rates?by=rep&${period}`, floor: 'win-rates' },
    { route: `/api/reports/outliers?${period}`, floor: 'outliers' },
    { route: '/api/reports/attainment?by=rep', floor: 'attainment' },
    { route: `/api/reports/activity?by=rep&${period}`, floor: 'activity' },
  ];
  // The dashboards, as they land (GET /api/dashboards/*); their floor is the pipeline panel
  // with its stale and slipping counts over the dashboard's deals.
  const firstRep = benchId('user', 10_000);
  if (available.has('rep'))
    routes.push({
      route: `/api/dashboards/rep?repId=${firstRep}`,
      floor: 'pipeline-flags',
      floorOwners: [firstRep],
    });
  if (available.has('team'))
    routes.push({
      route: `/api/dashboards/team?managerId=${org.managerId}`,
      floor: 'pipeline-flags',
      floorOwners: teamOf(org),
    });
  if (available.has('organisation'))
    routes.push(
      as === 'leader'
        ? { route: `/api/dashboards/organisation?${period}`, floor: 'pipeline-flags' }
        : {
            route: `/api/dashboards/organisation?${period}&managerId=${org.managerId}`,
            floor: 'pipeline-flags',
            floorOwners: teamOf(org),
          },
    );
  return routes;
}

/** The first manager and their ten reps (generate.ts: rep r reports to manager r / 10). */
function teamOf(org: BenchOrganisation): string[] {
  return [org.managerId, ...Array.from({ length: 10 }, (_, r) => benchId('user', 10_000 + r))];
}

async function dashboardRoutes(baseUrl: string, cookie: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const name of ['rep', 'team', 'organisation']) {
    const response = await fetch(`${baseUrl}/api/dashboards/${name}`, { headers: { cookie } });
    await response.text();
    if (response.status !== 404) found.add(name);
  }
  return found;
}

async function bench(engine: Engine, sizeName: BenchSizeName): Promise<Row[]> {
  const { target, org, loadSeconds } = await prepare(engine, sizeName);
  if (values['load-only']) return [];
  const server = await startServer(target);
  const rows: Row[] = [];
  try {
    const today = values.anchor;
    const from = `${today.slice(0, 4)}-01-01`;
    const weekEnd = addDays(isoWeekStart(isoWeekOf(parseIsoDate(today, 'today'))), 6);
    const callers = {
      leader: { cookie: await signIn(server.baseUrl, LEADER_EMAIL), owners: null },
      manager: { cookie: await signIn(server.baseUrl, MANAGER_EMAIL), owners: teamOf(org) },
    } as const;
    const available = await dashboardRoutes(server.baseUrl, callers.leader.cookie);
    log(`  load average ${loadAverage()} at the start`);
    const hello = await timeRequests(server.baseUrl, '/bench/hello', callers.leader.cookie);
    rows.push(row(engine, sizeName, 'GET /bench/hello (HTTP floor)', '-', hello, null));
    const plans: string[] = [];
    for (const as of (['leader', 'manager'] as const).filter((name) =>
      callerNames.includes(name),
    )) {
      const input: FloorInput = {
        orgId: org.orgId,
        today,
        owners: callers[as].owners ? [...callers[as].owners] : null,
        from,
        to: today,
        weekEnd,
      };
      const routes = routesFor(org, from, today, available, as).filter(
        ({ route }) => !routeFilter || routeFilter.some((part) => route.includes(part)),
      );
      for (const { route, floor, floorOwners } of routes) {
        const times = await timeRequests(server.baseUrl, route, callers[as].cookie);
        let floorTimes: number[] | null = null;
        if (floor) {
          const statement = FLOORS[floor]?.({ ...input, owners: floorOwners ?? input.owners });
          if (statement)
            floorTimes = await server.ask<number[]>({
              type: 'floor',
              ...statement,
              warmups: 2,
              requests,
            });
        }
        const result = row(engine, sizeName, route, as, times, floorTimes);
        rows.push(result);
        log(`  ${JSON.stringify(result)}`);
        if (values.explain) plans.push(...(await explain(server, route, callers[as].cookie, as)));
      }
    }
    if (plans.length > 0) {
      const file = path.join(values.out, `explain-${engine}-${sizeName}.txt`);
      fs.writeFileSync(file, plans.join('\n\n'));
      log(`  EXPLAIN plans in ${file}`);
    }
    const rss = await server.ask<{ peakRssMb: number; rssMb: number }>({ type: 'rss' });
    log(
      `  server peak RSS ${rss.peakRssMb} MB (now ${rss.rssMb} MB); load ${loadSeconds ?? 'reused'} s`,
    );
    rows.push({ ...row(engine, sizeName, `server peak RSS MB: ${rss.peakRssMb}`, '-', [0], null) });
    // The machine may be shared: the load average beside the figures says how quiet it was.
    const load = loadAverage();
    log(`  load average ${load} (1, 5, 15 min; ${os.cpus().length} CPUs)`);
    rows.push(row(engine, sizeName, `load average: ${load}`, '-', [0], null));
  } finally {
    await server.ask({ type: 'exit' }).catch(() => undefined);
  }
  return rows;
}

/** One request's statements on deals or activities, each with its EXPLAIN (ANALYZE, BUFFERS). */
async function explain(
  server: Awaited<ReturnType<typeof startServer>>,
  route: string,
  cookie: string,
  as: string,
): Promise<string[]> {
  await server.ask({ type: 'capture' });
  await fetch(server.baseUrl + route, { headers: { cookie } }).then((r) => r.text());
  const statements = (await server.ask<Statement[]>({ type: 'captured' })).filter((s) =>
    /\b(opportunities|activities)\b/.test(s.sql),
  );
  const plans = await server.ask<string[]>({ type: 'explain', statements });
  return statements.map(
    (s, i) => `=== ${as} ${route}\n${s.sql}\n-- ${JSON.stringify(s.params)}\n${plans[i] ?? ''}`,
  );
}

function row(
  engine: Engine,
  size: string,
  route: string,
  as: Row['as'],
  times: number[],
  floor: number[] | null,
): Row {
  const p50 = percentile(times, 50);
  const floorP50 = floor ? percentile(floor, 50) : null;
  return {
    engine,
    size,
    route,
    as,
    p50: ms(p50),
    p95: ms(percentile(times, 95)),
    floorP50: floorP50 === null ? null : ms(floorP50),
    floorP95: floor ? ms(percentile(floor, 95)) : null,
    ratio: floorP50 === null ? null : Number((p50 / floorP50).toFixed(2)),
  };
}

const all: Row[] = [];
for (const engine of engines)
  for (const size of sizesOf(engine)) all.push(...(await bench(engine, size)));
console.table(all);
fs.writeFileSync(path.join(values.out, 'results.json'), JSON.stringify(all, null, 2));
