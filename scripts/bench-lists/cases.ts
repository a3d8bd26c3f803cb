import { EXACT_TOTAL_UP_TO } from '../../src/schemas/common';

// The list requests the lists benchmark times (the web lists' first page: their default sort, each
// sort they offer and each filter), each beside its floor: the same page as one hand-written
// statement (the rows and their joined names, and the matches counted up to EXACT_TOTAL_UP_TO + 1
// in a sub-select, as the routes count them in the page's statement since 2026-12-02), sent
// through the same driver. The visibility of accounts is the routes' union (visibleAccounts).

/** Ids the cases filter on, read from the loaded organisation. */
export type Sample = {
  orgId: string;
  fiscalYear: number;
  /** null for the leader (the whole organisation), else the manager and their team. */
  owners: string[] | null;
  ownerId: string;
  managerId: string;
  stageId: string;
  productId: string;
  segmentId: string;
  accountId: string;
  activityType: string;
  today: string;
};

export type ListCase = {
  list: string;
  label: string;
  route: string;
  floor: { sql: string; params: unknown[] } | null;
};

const PAGE = 25;

/** The routes' count in the page's statement (db/queries/list-total.ts, matchingCount). */
const counted = (fromWhere: string) =>
  `(select count(*) from (select 1 from ${fromWhere} limit ${EXACT_TOTAL_UP_TO + 1}) matching) as matching_count`;

// As a hand-written statement would: the id breaks ties the sort's way, so one index serves it.
const direction = (order: string) => (order.endsWith(' desc') ? 'desc' : 'asc');

/** A WHERE clause built from parts, each with its parameters numbered in order. */
class Where {
  parts: string[] = [];
  params: unknown[] = [];
  add(text: string, ...values: unknown[]) {
    let part = text;
    for (const value of values) {
      this.params.push(value);
      part = part.replace('?', `$${this.params.length}`);
    }
    this.parts.push(part);
    return this;
  }
  get sql() {
    return this.parts.join(' and ');
  }
}

function scoped(sample: Sample, alias: string, column = 'owner_id'): Where {
  const where = new Where().add(`${alias}.org_id = ?`, sample.orgId);
  if (sample.owners) where.add(`${alias}.${column} = any(?::uuid[])`, sample.owners);
  return where;
}

type Filter = { label: string; query: string; where: (where: Where) => void };

function opportunityCases(sample: Sample): ListCase[] {
  const sorts: [string, string, string][] = [
    ['updatedAt', 'desc', 'o.updated_at desc'],
    ['name', 'asc', 'lower(o.name) asc'],
    ['amountMinor', 'desc', 'o.amount_minor desc'],
    ['expectedCloseOn', 'asc', `coalesce(o.expected_close_on, 'infinity'::date) asc`],
    ['createdOn', 'desc', 'o.created_on desc'],
    ['closedOn', 'desc', `coalesce(o.closed_on, 'infinity'::date) desc`],
  ];
  const filters: Filter[] = [
    {
      label: 'q=Deal 4711',
      query: 'q=Deal%204711',
      where: (w) => w.add(`o.name ilike ?`, '%Deal 4711%'),
    },
    { label: 'status=open', query: 'status=open', where: (w) => w.add(`s.kind = ?`, 'open') },
    {
      label: 'stageId',
      query: `stageId=${sample.stageId}`,
      where: (w) => w.add(`o.stage_id = ?`, sample.stageId),
    },
    {
      label: 'ownerId',
      query: `ownerId=${sample.ownerId}`,
      where: (w) => w.add(`o.owner_id = ?`, sample.ownerId),
    },
    {
      label: 'productId',
      query: `productId=${sample.productId}`,
      where: (w) => w.add(`o.product_id = ?`, sample.productId),
    },
  ];
  const floor = (order: string, filter?: Filter) => {
    const where = scoped(sample, 'o');
    filter?.where(where);
    const from = `opportunities o join stages s on s.org_id = o.org_id and s.id = o.stage_id
        join users u on u.org_id = o.org_id and u.id = o.owner_id
        left join accounts a on a.org_id = o.org_id and a.id = o.account_id
        left join products p on p.org_id = o.org_id and p.id = o.product_id`;
    return {
      sql: `select o.*, s.name as stage_name, s.kind, s.probability_percent, u.name as owner_name,
          a.name as account_name, p.name as product_name, ${counted(`${from} where ${where.sql}`)}
        from ${from}
        where ${where.sql} order by ${order}, o.id ${direction(order)} limit ${PAGE}`,
      params: where.params,
    };
  };
  return [
    ...sorts.map(([sort, order, sql]) => ({
      list: 'opportunities',
      label: `sort=${sort} ${order}`,
      route: `/api/opportunities?pageSize=${PAGE}&sort=${sort}&order=${order}`,
      floor: floor(sql),
    })),
    ...filters.map((filter) => ({
      list: 'opportunities',
      label: filter.label,
      route: `/api/opportunities?pageSize=${PAGE}&sort=updatedAt&order=desc&${filter.query}`,
      floor: floor('o.updated_at desc', filter),
    })),
  ];
}

// The routes' visibility (db/queries/accounts.ts, visibleAccounts): the ids first, as the union
// of the owners' accounts, the accounts of their deals and the shared pool, then the accounts by key.
function visibleAccount(sample: Sample, where: Where, alias: string) {
  if (!sample.owners) return;
  where.add(
    `${alias}.id = any(array(
      select v.id from accounts v where v.org_id = ? and v.owner_id = any(?::uuid[])
      union select d.account_id from opportunities d where d.org_id = ? and d.owner_id = any(?::uuid[])
      union select p.id from accounts p where p.org_id = ? and p.owner_id is null))`,
    sample.orgId,
    sample.owners,
    sample.orgId,
    sample.owners,
    sample.orgId,
  );
}

function accountCases(sample: Sample): ListCase[] {
  const sorts: [string, string, string][] = [
    ['name', 'asc', 'lower(a.name) asc'],
    ['status', 'asc', 'a.status asc'],
    ['updatedAt', 'desc', 'a.updated_at desc'],
    ['createdAt', 'desc', 'a.created_at desc'],
  ];
  const filters: Filter[] = [
    {
      label: 'q=Account 47',
      query: 'q=Account%2047',
      where: (w) => w.add(`a.name ilike ?`, '%Account 47%'),
    },
    {
      label: 'segmentId',
      query: `segmentId=${sample.segmentId}`,
      where: (w) => w.add(`a.segment_id = ?`, sample.segmentId),
    },
    {
      label: 'status=customer',
      query: 'status=customer',
      where: (w) => w.add(`a.status = ?`, 'customer'),
    },
    {
      label: 'ownerId',
      query: `ownerId=${sample.ownerId}`,
      where: (w) => w.add(`a.owner_id = ?`, sample.ownerId),
    },
  ];
  const floor = (order: string, filter?: Filter) => {
    const where = new Where().add(`a.org_id = ?`, sample.orgId);
    visibleAccount(sample, where, 'a');
    filter?.where(where);
    return {
      sql: `select a.*, g.name as segment_name, u.name as owner_name,
          ${counted(`accounts a where ${where.sql}`)}
        from accounts a
        left join segments g on g.org_id = a.org_id and g.id = a.segment_id
        left join users u on u.org_id = a.org_id and u.id = a.owner_id
        where ${where.sql} order by ${order}, a.id ${direction(order)} limit ${PAGE}`,
      params: where.params,
    };
  };
  return [
    ...sorts.map(([sort, order, sql]) => ({
      list: 'accounts',
      label: `sort=${sort} ${order}`,
      route: `/api/accounts?pageSize=${PAGE}&sort=${sort}&order=${order}`,
      floor: floor(sql),
    })),
    ...filters.map((filter) => ({
      list: 'accounts',
      label: filter.label,
      route: `/api/accounts?pageSize=${PAGE}&sort=name&order=asc&${filter.query}`,
      floor: floor('lower(a.name) asc', filter),
    })),
  ];
}

function contactCases(sample: Sample): ListCase[] {
  const floor = (order: string, limit: number, filter?: Filter) => {
    const where = new Where().add(`c.org_id = ?`, sample.orgId);
    visibleAccount(sample, where, 'a');
    filter?.where(where);
    return {
      sql: `select c.*, a.name as account_name, a.owner_id,
          ${counted(`contacts c join accounts a on a.org_id = c.org_id and a.id = c.account_id where ${where.sql}`)}
        from contacts c
        join accounts a on a.org_id = c.org_id and a.id = c.account_id
        where ${where.sql} order by ${order}, c.id ${direction(order)} limit ${limit}`,
      params: where.params,
    };
  };
  const ofAccount: Filter = {
    label: 'accountId (the account page)',
    query: `accountId=${sample.accountId}`,
    where: (w) => w.add(`c.account_id = ?`, sample.accountId),
  };
  const named: Filter = {
    label: 'q=Meyer',
    query: 'q=Meyer',
    where: (w) =>
      w.add(
        `(c.last_name ilike ? or c.first_name ilike ? or c.email ilike ?)`,
        '%Meyer%',
        '%Meyer%',
        '%Meyer%',
      ),
  };
  return [
    {
      list: 'contacts',
      label: ofAccount.label,
      route: `/api/contacts?pageSize=100&sort=lastName&order=asc&${ofAccount.query}`,
      floor: floor('lower(c.last_name) asc', 100, ofAccount),
    },
    {
      list: 'contacts',
      label: 'sort=lastName asc',
      route: `/api/contacts?pageSize=${PAGE}&sort=lastName&order=asc`,
      floor: floor('lower(c.last_name) asc', PAGE),
    },
    {
      list: 'contacts',
      label: 'sort=createdAt desc',
      route: `/api/contacts?pageSize=${PAGE}&sort=createdAt&order=desc`,
      floor: floor('c.created_at desc', PAGE),
    },
    {
      list: 'contacts',
      label: named.label,
      route: `/api/contacts?pageSize=${PAGE}&sort=lastName&order=asc&${named.query}`,
      floor: floor('lower(c.last_name) asc', PAGE, named),
    },
  ];
}

function activityCases(sample: Sample): ListCase[] {
  const monthAgo = new Date(Date.parse(sample.today) - 30 * 86_400_000).toISOString().slice(0, 10);
  const sorts: [string, string, string][] = [
    ['occursOn', 'desc', 't.occurs_on desc'],
    ['createdAt', 'desc', 't.created_at desc'],
    ['type', 'asc', 't.type asc'],
  ];
  const filters: Filter[] = [
    {
      label: 'q=Follow up',
      query: 'q=Follow%20up',
      where: (w) => w.add(`t.subject ilike ?`, '%Follow up%'),
    },
    {
      label: `type=${sample.activityType}`,
      query: `type=${sample.activityType}`,
      where: (w) => w.add(`t.type = ?`, sample.activityType),
    },
    {
      label: 'status=planned',
      query: 'status=planned',
      where: (w) => w.add(`t.status = ?`, 'planned'),
    },
    {
      label: 'ownerId',
      query: `ownerId=${sample.ownerId}`,
      where: (w) => w.add(`t.owner_id = ?`, sample.ownerId),
    },
    {
      label: 'from..to (30 days)',
      query: `from=${monthAgo}&to=${sample.today}`,
      where: (w) => w.add(`t.occurs_on between ?::date and ?::date`, monthAgo, sample.today),
    },
    {
      label: 'managerId',
      query: `managerId=${sample.managerId}`,
      where: (w) =>
        w.add(
          `t.owner_id = any(array(select id from users m where m.org_id = t.org_id and m.manager_id = ?))`,
          sample.managerId,
        ),
    },
  ];
  const floor = (order: string, filter?: Filter) => {
    const where = scoped(sample, 't');
    filter?.where(where);
    return {
      sql: `select t.*, y.label, u.name as owner_name, a.name as account_name, o.name as opportunity_name,
          nullif(trim(c.first_name || ' ' || c.last_name), '') as contact_name,
          ${counted(`activities t where ${where.sql}`)}
        from activities t join activity_types y on y.org_id = t.org_id and y.key = t.type
        join users u on u.org_id = t.org_id and u.id = t.owner_id
        join accounts a on a.org_id = t.org_id and a.id = t.account_id
        left join opportunities o on o.org_id = t.org_id and o.id = t.opportunity_id
        left join contacts c on c.org_id = t.org_id and c.id = t.contact_id
        where ${where.sql} order by ${order}, t.id ${direction(order)} limit ${PAGE}`,
      params: where.params,
    };
  };
  return [
    ...sorts.map(([sort, order, sql]) => ({
      list: 'activities',
      label: `sort=${sort} ${order}`,
      route: `/api/activities?pageSize=${PAGE}&sort=${sort}&order=${order}`,
      floor: floor(sql),
    })),
    ...filters.map((filter) => ({
      list: 'activities',
      label: filter.label,
      route: `/api/activities?pageSize=${PAGE}&sort=occursOn&order=desc&${filter.query}`,
      floor: floor('t.occurs_on desc', filter),
    })),
  ];
}

function planCases(sample: Sample): ListCase[] {
  const reps = scoped(sample, 'p', 'rep_id').add(`p.fiscal_year = ?`, sample.fiscalYear);
  const teams = scoped(sample, 't', 'manager_id').add(`t.fiscal_year = ?`, sample.fiscalYear);
  return [
    {
      list: 'rep plans',
      label: `year=${sample.fiscalYear}`,
      route: `/api/rep-plans?year=${sample.fiscalYear}`,
      floor: {
        sql: `select p.*, u.name from rep_plans p join users u on u.org_id = p.org_id and u.id = p.rep_id
          where ${reps.sql} order by u.name`,
        params: reps.params,
      },
    },
    {
      list: 'team plans',
      label: `year=${sample.fiscalYear}`,
      route: `/api/team-plans?year=${sample.fiscalYear}`,
      floor: {
        sql: `select t.*, u.name from team_plans t join users u on u.org_id = t.org_id and u.id = t.manager_id
          where ${teams.sql} order by u.name`,
        params: teams.params,
      },
    },
    { list: 'key-account plans', label: 'this year', route: '/api/key-accounts', floor: null },
  ];
}

export function listCases(sample: Sample): ListCase[] {
  return [
    ...opportunityCases(sample),
    ...accountCases(sample),
    ...contactCases(sample),
    ...activityCases(sample),
    ...planCases(sample),
  ];
}
