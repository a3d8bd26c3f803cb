// `npm run bench:search [-- --requests 200]`: times the search box's statement (services/search.ts)
// on the dashboards benchmark's PostgreSQL database (BENCH_DATABASE_URL, by default
// salesplan_bench_large: 1,000 reps, 50k accounts, 1M deals; load it with `npm run bench:dashboards`,
// whose --reuse applies new migrations) for the leader and a manager, beside its floor: the same
// statement, hand-written, sent through the same pool. The texts are names taken from the data,
// one letter doubled (a typo), half accounts and half deals, in a fixed pseudo-random order.
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { sql } from 'drizzle-orm';
import { openPostgres, queryRows } from '../src/db/client';
import { teamMemberIds } from '../src/db/queries/users';
import type { Role } from '../src/domain/roles';
import { type Actor, actorScopes } from '../src/services/authorization';
import { search } from '../src/services/search';
import { LEADER_EMAIL, MANAGER_EMAIL } from './bench-dashboards/generate';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '200' } },
});
const requests = Number(values.requests);
const url =
  process.env.BENCH_DATABASE_URL ??
  'postgresql://postgres:postgres@127.0.0.1:5432/salesplan_bench_large';
const handle = openPostgres(url);
const db = handle.db;

const percentile = (times: number[], p: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function actorOf(email: string): Promise<Actor> {
  const [user] = await queryRows<{ id: string; orgId: string; role: Role; name: string }>(
    db,
    sql`select id, org_id as "orgId", role, name from users where email = ${email}`,
  );
  if (!user) throw new Error(`${email} not found: load the bench data first`);
  const team = user.role === 'manager' ? await teamMemberIds(db, user.orgId, user.id) : [];
  return {
    orgId: user.orgId,
    userId: user.id,
    role: user.role,
    name: user.name,
    timeZone: 'UTC',
    ...actorScopes(user.role, user.id, team),
  };
}

/** A typo: the letter at a fixed position doubled ("Account 123" → "Accouunt 123"). */
const misspelt = (name: string, i: number) => {
  const at = 1 + (i % Math.max(1, name.length - 1));
  return name.slice(0, at) + name[at - 1] + name.slice(at);
};

async function texts(orgId: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`(select name from accounts where org_id = ${orgId} order by md5(id::text) limit ${requests / 2})
        union all
        (select name from opportunities where org_id = ${orgId} order by md5(id::text) limit ${requests / 2})`,
  );
  return rows.map((row, i) => misspelt(row.name, i));
}

// The floor: the statement search() sends, as one hand-written text with its parameters.
let floorText = '';
let floorParams: unknown[] = [];
handle.onQuery((text, params) => {
  floorText = text;
  floorParams = [...params];
});

async function timed(run: () => Promise<unknown>) {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const rows: Record<string, string | number>[] = [];
for (const email of [LEADER_EMAIL, MANAGER_EMAIL]) {
  const actor = await actorOf(email);
  const all = await texts(actor.orgId);
  const app: number[] = [];
  const floor: number[] = [];
  let found = 0;
  for (const q of all.slice(0, 5)) await search(db, actor, { q, limit: 20 }); // warm the cache
  for (const q of all) {
    let count = 0;
    app.push(
      await timed(async () => (count = (await search(db, actor, { q, limit: 20 })).items.length)),
    );
    if (count > 0) found += 1;
    const [text, params] = [floorText, floorParams];
    const client = await (db as unknown as { $client: pg.Pool }).$client.connect();
    try {
      floor.push(await timed(() => client.query(text, params)));
    } finally {
      client.release();
    }
  }
  rows.push({
    as: actor.role,
    texts: all.length,
    'with results': found,
    p50: Math.round(percentile(app, 50)),
    p95: Math.round(percentile(app, 95)),
    'floor p50': Math.round(percentile(floor, 50)),
    'floor p95': Math.round(percentile(floor, 95)),
    ratio: Number((percentile(floor, 95) / percentile(app, 95)).toFixed(2)),
  });
}
console.table(rows);
await handle.close();
