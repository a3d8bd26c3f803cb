// The dashboards benchmark's organisation (issue #11, item 8): 1,000 reps in 100 teams, a leader
// and an admin, and N opportunities with their activities over three years, generated IN SQL
// (`insert … select … from generate_series`) so a million opportunities and ten million
// activities load in minutes on both engines. Deterministic: every value is a hash of the row's
// number and a salt (hashint8extended, the stable hash PostgreSQL uses for hash partitions), and
// every id is built from a kind and the row's number, so two loads of the same size and anchor
// date hold the same rows.
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../src/db/client';
import { queryRows } from '../../src/db/client';
import { createOrganisation } from '../../src/services/organisations';

export type BenchSize = { reps: number; teams: number; opportunities: number; activities: number };

export const BENCH_SIZES = {
  tiny: { reps: 20, teams: 2, opportunities: 2_000, activities: 20_000 },
  small: { reps: 1_000, teams: 100, opportunities: 10_000, activities: 100_000 },
  medium: { reps: 1_000, teams: 100, opportunities: 100_000, activities: 1_000_000 },
  large: { reps: 1_000, teams: 100, opportunities: 1_000_000, activities: 10_000_000 },
} as const satisfies Record<string, BenchSize>;
export type BenchSizeName = keyof typeof BENCH_SIZES;

export const BENCH_ORG_SLUG = 'bench';
export const BENCH_PASSWORD = 'bench-dashboards-password';
export const LEADER_EMAIL = 'leader@bench.test';
/** The first team's manager: ten reps (fewer at tiny sizes). */
export const MANAGER_EMAIL = 'manager000@bench.test';

const KIND = {
  territory: 1,
  user: 2,
  segment: 3,
  product: 4,
  account: 5,
  opportunity: 6,
  activity: 7,
  closeDateChange: 8,
  assignment: 9,
} as const;

/** A deterministic UUID from a kind and a number; ordered by the number, so index inserts append. */
export function benchId(kind: keyof typeof KIND, n: number): string {
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  return `${hex(KIND[kind], 8)}-0000-4000-8000-${hex(n, 12)}`;
}
function idSql(kind: keyof typeof KIND, n: string): string {
  return `(lpad(to_hex(${KIND[kind]}), 8, '0') || '-0000-4000-8000-' || lpad(to_hex((${n})::bigint), 12, '0'))::uuid`;
}
/** The row number back from an id made by idSql. */
function numberOf(id: string): string {
  return `('x' || right(${id}::text, 12))::bit(48)::bigint`;
}
/** A uniform number in [0, 1) from a row number and a salt. */
function rnd(n: string, salt: number): string {
  return `((hashint8extended((${n})::bigint, ${salt}) & 2147483647)::float8 / 2147483648)`;
}

const SEGMENTS = ['SMB', 'MID', 'ENT', 'PUB', 'EDU'];
const PRODUCTS = 20;
const TERRITORIES = 10;
const ACCOUNTS_PER_REP_PER_1000_DEALS = 50;
const SEASONALITY = [0.06, 0.07, 0.09, 0.08, 0.08, 0.09, 0.06, 0.05, 0.09, 0.1, 0.1, 0.13];

export type BenchOrganisation = { orgId: string; leaderId: string; managerId: string };

async function run(db: Executor, text: string): Promise<void> {
  await db.execute(sql.raw(text));
}

/** The bench organisation when one of this size is loaded, else undefined. */
export async function findBenchOrganisation(
  db: Database,
  size: BenchSize,
): Promise<BenchOrganisation | undefined> {
  const [org] = await queryRows<{ id: string; opportunities: string | number }>(
    db,
    sql`select o.id, (select count(*) from opportunities p where p.org_id = o.id) as opportunities
      from organisations o where o.slug = ${BENCH_ORG_SLUG}`,
  );
  if (!org || Number(org.opportunities) !== size.opportunities) return undefined;
  return { orgId: org.id, leaderId: benchId('user', 1), managerId: benchId('user', 100) };
}

type Loaded = BenchOrganisation & { seconds: Record<string, number> };

/**
 * Loads the bench organisation into a migrated, empty database, in one transaction with
 * foreign-key triggers off (session_replication_role; the rows are generated consistent) and the
 * big tables' secondary indexes dropped and rebuilt after, then VACUUM ANALYZE.
 */
export async function loadBenchOrganisation(
  db: Database,
  size: BenchSize,
  options: { anchor: string; passwordHash: string; engine: 'pglite' | 'postgres' },
): Promise<Loaded> {
  const seconds: Record<string, number> = {};
  const timed = async (label: string, work: () => Promise<void>) => {
    const started = performance.now();
    await work();
    seconds[label] = Number(((performance.now() - started) / 1000).toFixed(1));
  };
  let orgId = '';
  await db.transaction(async (tx) => {
    await run(tx, `set local session_replication_role = replica`);
    await run(
      tx,
      `set local maintenance_work_mem = '${options.engine === 'postgres' ? '512MB' : '128MB'}'`,
    );
    const org = await createOrganisation(tx, {
      slug: BENCH_ORG_SLUG,
      name: 'Bench Company',
      currency: 'EUR',
    });
    orgId = org.id;
    const indexes = await queryRows<{ name: string; def: string }>(
      tx,
      sql`select c.relname as name, pg_get_indexdef(i.indexrelid) as def
        from pg_index i join pg_class c on c.oid = i.indexrelid
        join pg_class t on t.oid = i.indrelid
        where t.relname in ('opportunities', 'activities', 'opportunity_close_date_changes')
          and not i.indisprimary
          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
    );
    for (const index of indexes) await run(tx, `drop index ${index.name}`);
    await timed('people', () => loadPeople(tx, orgId, size, options.passwordHash));
    await timed('opportunities', () => loadOpportunities(tx, orgId, size, options.anchor));
    await timed('activities', () => loadActivities(tx, orgId, size, options.anchor));
    await timed('indexes', async () => {
      for (const index of indexes) await run(tx, index.def);
    });
    await timed('strategy', () => loadStrategy(tx, orgId, size, options.anchor));
  });
  await timed('analyze', () => run(db, 'vacuum analyze'));
  return { orgId, leaderId: benchId('user', 1), managerId: benchId('user', 100), seconds };
}

async function loadPeople(db: Executor, orgId: string, size: BenchSize, passwordHash: string) {
  const org = `'${orgId}'::uuid`;
  const hash = `'${passwordHash.replace(/'/g, "''")}'`;
  const perTeam = Math.ceil(size.reps / size.teams);
  const accounts = accountsPerRep(size);
  await run(
    db,
    `insert into territories (org_id, id, name, potential)
    select ${org}, ${idSql('territory', 't')}, 'Territory ' || lpad(t::text, 2, '0'), 1 + t % 3
    from generate_series(0, ${TERRITORIES - 1}) t`,
  );
  // Users: 1 leader, 2 admin, 100 + m managers, 10,000 + r reps (r's manager is r / perTeam).
  await run(
    db,
    `insert into users (org_id, id, email, name, role, manager_id, territory_id, password_hash)
    values (${org}, ${idSql('user', '1')}, '${LEADER_EMAIL}', 'Lee Leader', 'leader', null, null, ${hash}),
           (${org}, ${idSql('user', '2')}, 'admin@bench.test', 'Ada Admin', 'admin', null, null, ${hash})`,
  );
  await run(
    db,
    `insert into users (org_id, id, email, name, role, manager_id, territory_id, password_hash)
    select ${org}, ${idSql('user', '100 + m')}, 'manager' || lpad(m::text, 3, '0') || '@bench.test',
      'Manager ' || lpad(m::text, 3, '0'), 'manager', ${idSql('user', '1')},
      ${idSql('territory', `m % ${TERRITORIES}`)}, ${hash}
    from generate_series(0, ${size.teams - 1}) m`,
  );
  await run(
    db,
    `insert into users (org_id, id, email, name, role, manager_id, territory_id)
    select ${org}, ${idSql('user', '10000 + r')}, 'rep' || lpad(r::text, 4, '0') || '@bench.test',
      'Rep ' || lpad(r::text, 4, '0'), 'rep', ${idSql('user', `100 + r / ${perTeam}`)},
      ${idSql('territory', `(r / ${perTeam}) % ${TERRITORIES}`)}
    from generate_series(0, ${size.reps - 1}) r`,
  );
  // Sign-in finds the organisation of an email in the directory (src/db/queries/directory.ts).
  await run(
    db,
    `insert into email_directory (email, org_id, user_id)
    select email, org_id, id from users where org_id = ${org}`,
  );
  await run(
    db,
    `insert into segments (org_id, id, code, name)
    select ${org}, ${idSql('segment', 'n')}, (array['${SEGMENTS.join("','")}'])[n + 1],
      (array['${SEGMENTS.join("','")}'])[n + 1] || ' customers'
    from generate_series(0, ${SEGMENTS.length - 1}) n`,
  );
  await run(
    db,
    `insert into products (org_id, id, name, series, list_price_minor, currency)
    select ${org}, ${idSql('product', 'n')}, 'Product ' || lpad(n::text, 2, '0'),
      'Series ' || (n % 4), (1000 + n * 500) * 100, 'EUR'
    from generate_series(0, ${PRODUCTS - 1}) n`,
  );
  // Account a belongs to rep a % reps, so a deal's account can be picked without a join.
  await run(
    db,
    `insert into accounts (org_id, id, name, segment_id, status, owner_id, territory_id)
    select ${org}, ${idSql('account', 'a')}, 'Account ' || a,
      ${idSql('segment', `floor(${rnd('a', 40)} * ${SEGMENTS.length})`)},
      case when ${rnd('a', 41)} < 0.4 then 'customer' else 'prospect' end,
      ${idSql('user', `10000 + a % ${size.reps}`)},
      ${idSql('territory', `((a % ${size.reps}) / ${perTeam}) % ${TERRITORIES}`)}
    from generate_series(0, ${size.reps * accounts - 1}) a`,
  );
}

function accountsPerRep(size: BenchSize): number {
  return Math.max(
    1,
    Math.round((size.opportunities / size.reps / 1000) * ACCOUNTS_PER_REP_PER_1000_DEALS),
  );
}

const BATCH = 250_000;

async function loadOpportunities(db: Executor, orgId: string, size: BenchSize, anchor: string) {
  const org = `'${orgId}'::uuid`;
  const accounts = accountsPerRep(size);
  const today = `'${anchor}'::date`;
  for (let low = 1; low <= size.opportunities; low += BATCH) {
    const high = Math.min(size.opportunities, low + BATCH - 1);
    // Older deals are mostly closed; each rep and product wins at its own rate (outliers).
    await run(
      db,
      `with g as (
        select i, r, p, age, closed, won,
          least(age, 10 + floor(${rnd('i', 8)} * least(age, 160))::int) as cycle
        from (select i, r, p, age,
            ${rnd('i', 7)} < case when age > 150 then 0.97 else age / 300.0 end as closed,
            ${rnd('i', 9)} < 0.22 + 0.06 * (r % 4) + case when p % 5 = 0 then 0.15 else 0 end as won
          from (select i, floor(${rnd('i', 1)} * ${size.reps})::int as r,
              floor(power(${rnd('i', 3)}, 1.5) * ${PRODUCTS})::int as p,
              floor(${rnd('i', 4)} * 1095)::int as age
            from generate_series(${low}, ${high}) i) base) flags
      )
      insert into opportunities (org_id, id, name, account_id, owner_id, product_id, amount_minor,
        currency, stage_id, created_on, expected_close_on, closed_on)
      select ${org}, ${idSql('opportunity', 'i')}, 'Deal ' || i,
        ${idSql('account', `r + ${size.reps} * floor(${rnd('i', 2)} * ${accounts})`)},
        ${idSql('user', '10000 + r')}, ${idSql('product', 'p')},
        (1000 + floor(power(${rnd('i', 6)}, 2) * 99000)::bigint) * 100,
        case when ${rnd('i', 5)} < 0.03 then 'USD' when ${rnd('i', 5)} < 0.05 then 'GBP'
          when ${rnd('i', 5)} < 0.06 then 'CHF' else 'EUR' end,
        s.id, ${today} - age,
        case when closed then ${today} - age + cycle
          else ${today} - 40 + floor(${rnd('i', 11)} * 220)::int end,
        case when closed then ${today} - age + cycle end
      from g join stages s on s.org_id = ${org} and s.position =
        case when closed and won then 5 when closed then 6 else 1 + floor(${rnd('i', 10)} * 4)::int end`,
    );
  }
  // A fifth of open deals moved their expected close later one to four times; one in 40 has a plan.
  await run(
    db,
    `insert into opportunity_close_date_changes (org_id, id, opportunity_id, from_date, to_date, changed_on)
    select ${org}, ${idSql('closeDateChange', 'n * 5 + g')}, id,
      expected_close_on - (c - g + 1) * 14, expected_close_on - (c - g) * 14,
      least(${today}, created_on + g * 7)
    from (select o.id, o.expected_close_on, o.created_on, ${numberOf('o.id')} as n,
        1 + floor(${rnd(numberOf('o.id'), 31)} * 4)::int as c
      from opportunities o join stages s on s.org_id = o.org_id and s.id = o.stage_id
      where o.org_id = ${org} and s.kind = 'open' and ${rnd(numberOf('o.id'), 30)} < 0.2) moved,
    generate_series(1, c) g`,
  );
  await run(
    db,
    `insert into deal_plans (org_id, opportunity_id)
    select o.org_id, o.id from opportunities o join stages s on s.org_id = o.org_id and s.id = o.stage_id
    where o.org_id = ${org} and s.kind = 'open' and ${numberOf('o.id')} % 40 = 0`,
  );
  await run(
    db,
    `insert into exchange_rates (org_id, currency, month, rate, minor_unit_rate)
    select ${org}, c.currency, (date_trunc('month', ${today}) - make_interval(months => k))::date,
      round((c.base + 0.03 * sin(k))::numeric, 6), round((c.base + 0.03 * sin(k))::numeric, 6)
    from (values ('USD', 0.92), ('GBP', 1.17)) c(currency, base), generate_series(0, 40) k`,
  );
}

const ACTIVITY_TYPES = ['call', 'meeting', 'email', 'proposal', 'demo'];

async function loadActivities(db: Executor, orgId: string, size: BenchSize, anchor: string) {
  const org = `'${orgId}'::uuid`;
  const today = `'${anchor}'::date`;
  const accounts = accountsPerRep(size);
  // Eight in ten activities belong to a deal (the same number per deal, the first a first
  // meeting), spread from its creation to its close (open deals: 60 days ahead); the rest are
  // account activities of the account's rep over the three years.
  const perDeal = Math.floor((size.activities * 0.8) / size.opportunities);
  const type = (n: string, salt: number) =>
    `(array['${ACTIVITY_TYPES.join("','")}'])[1 + floor(${rnd(n, salt)} * ${ACTIVITY_TYPES.length})::int]`;
  const status = (n: string, day: string) =>
    `case when ${day} <= ${today} and ${rnd(n, 24)} < 0.92 then 'done' else 'planned' end`;
  const dealBatch = Math.max(1, Math.floor(BATCH / Math.max(1, perDeal)) * 4);
  for (let low = 1; perDeal > 0 && low <= size.opportunities; low += dealBatch) {
    const high = Math.min(size.opportunities, low + dealBatch - 1);
    await run(
      db,
      `insert into activities (org_id, id, type, status, occurs_on, owner_id, account_id, opportunity_id, subject)
      select ${org}, ${idSql('activity', 'n')},
        case when g = 1 then 'first_meeting' else ${type('n', 20)} end,
        ${status('n', 'day')}, day, owner_id, account_id, id, ''
      from (select o.id, o.owner_id, o.account_id, g, (${numberOf('o.id')} - 1) * ${perDeal} + g as n,
          o.created_on + floor((g - 1 + ${rnd(`${numberOf('o.id')} * 64 + g`, 21)}) / ${perDeal}
            * (coalesce(o.closed_on, ${today} + 60) - o.created_on))::int as day
        from opportunities o, generate_series(1, ${perDeal}) g
        where o.org_id = ${org} and o.id between ${idSql('opportunity', String(low))}
          and ${idSql('opportunity', String(high))}) a`,
    );
  }
  const first = size.opportunities * perDeal + 1;
  for (let low = first; low <= size.activities; low += BATCH * 4) {
    const high = Math.min(size.activities, low + BATCH * 4 - 1);
    await run(
      db,
      `insert into activities (org_id, id, type, status, occurs_on, owner_id, account_id, subject)
      select ${org}, ${idSql('activity', 'n')}, ${type('n', 20)}, ${status('n', 'day')}, day,
        ${idSql('user', `10000 + n % ${size.reps}`)},
        ${idSql('account', `n % ${size.reps} + ${size.reps} * floor(${rnd('n', 22)} * ${accounts})`)}, ''
      from (select n, ${today} - 1095 + floor(${rnd('n', 23)} * 1125)::int as day
        from generate_series(${low}, ${high}) n) a`,
    );
  }
}

/** The fiscal year's strategy: the reps' won revenue of the last twelve months plus 15%. */
async function loadStrategy(db: Executor, orgId: string, size: BenchSize, anchor: string) {
  const org = `'${orgId}'::uuid`;
  const year = Number(anchor.slice(0, 4));
  await run(
    db,
    `insert into strategies (org_id, fiscal_year, start_month, target_minor, currency, model,
      seasonality_kind, seasonality_weights)
    select ${org}, ${year}, 1, greatest(100000, round(coalesce(sum(o.amount_minor), 0) * 1.15 / 100000) * 100000),
      'EUR', 'territory', 'entered', '${JSON.stringify(SEASONALITY)}'::jsonb
    from opportunities o join stages s on s.org_id = o.org_id and s.id = o.stage_id
    where o.org_id = ${org} and s.kind = 'won' and o.closed_on > '${anchor}'::date - 365`,
  );
  await run(
    db,
    `insert into strategy_segment_shares (org_id, fiscal_year, segment_id, share_basis_points)
    values (${org}, ${year}, ${idSql('segment', '0')}, 4000), (${org}, ${year}, ${idSql('segment', '1')}, 3000),
      (${org}, ${year}, ${idSql('segment', '2')}, 2000)`,
  );
  await run(
    db,
    `insert into strategy_assignments (org_id, id, fiscal_year, rep_id, segment_id, weight)
    select ${org}, ${idSql('assignment', 'r')}, ${year}, ${idSql('user', '10000 + r')}, null, 1 + (r % 5) * 0.25
    from generate_series(0, ${size.reps - 1}) r`,
  );
}

/** Rows per table of the bench organisation. */
export async function countBenchRows(db: Executor, orgId: string): Promise<Record<string, number>> {
  const tables = [
    'users',
    'accounts',
    'opportunities',
    'activities',
    'opportunity_close_date_changes',
    'deal_plans',
    'exchange_rates',
    'strategy_assignments',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await queryRows<{ count: string | number }>(
      db,
      sql`select count(*) as count from ${sql.identifier(table)} where org_id = ${orgId}`,
    );
    counts[table] = Number(row?.count ?? 0);
  }
  return counts;
}
