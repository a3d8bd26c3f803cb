import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyseStatement,
  checkStatement,
  duringRequest,
  loadParser,
  logStatement,
  takeViolations,
} from './query-log';

// The checker behind the query log: what Citus can route to one shard passes, the rest is named.

beforeAll(() => loadParser());

describe('checkStatement', () => {
  it.each([
    ['a filter by a parameter', 'select id from accounts where org_id = $1 and id = $2'],
    [
      'a quoted, qualified filter',
      'select "users"."id" from "users" where ("users"."org_id" = $1)',
    ],
    [
      'a join through equal org_id columns',
      'select a.id from accounts a join users u on u.org_id = a.org_id and u.id = a.owner_id where a.org_id = $1',
    ],
    [
      'a left join and an exists correlated on org_id, pinned after it',
      `select a.id from accounts a left join contacts c on c.org_id = a.org_id
       where exists (select 1 from opportunities o where o.org_id = a.org_id and o.account_id = a.id)
         and a.org_id = $1::uuid`,
    ],
    [
      'a recursive CTE',
      `with recursive team(id) as (
         select id from users where org_id = $1 and manager_id = $2
         union select u.id from users u join team t on u.manager_id = t.id where u.org_id = $1)
       select distinct id from team`,
    ],
    [
      'a lateral sub-query correlated on org_id',
      `select o.id, r.rate from opportunities o cross join lateral (
         select rate from exchange_rates x where x.org_id = o.org_id and x.currency = o.currency limit 1) r
       where o.org_id = $1`,
    ],
    ['an insert naming org_id', 'insert into accounts (org_id, id, name) values ($1, $2, $3)'],
    [
      'an upsert that does not touch org_id',
      'insert into segments (org_id, code) values ($1, $2) on conflict (org_id, code) do update set name = excluded.name',
    ],
    ['an update filtered by org_id', 'update users set name = $1 where org_id = $2 and id = $3'],
    ['a reference table', 'select org_id from token_directory where token_hash = $1'],
    ['the catalog', "select relname from pg_class where relnamespace = 'public'::regnamespace"],
  ])('passes %s', (_, statement) => {
    expect(checkStatement(statement)).toEqual([]);
  });

  it.each([
    [
      'a table without a filter',
      'select count(*) from accounts',
      ['reads accounts without org_id'],
    ],
    [
      'a filter by a list of organisations',
      'select id from users where org_id = any($1)',
      ['reads users without org_id'],
    ],
    [
      'an OR that lets other organisations in',
      'select id from users where org_id = $1 or email = $2',
      ['reads users without org_id'],
    ],
    [
      'a joined table not tied to the pinned one',
      'select a.id from accounts a join users u on u.id = a.owner_id where a.org_id = $1',
      ['reads users (as u) without org_id'],
    ],
    [
      'a sub-query on another organisation',
      'select id from accounts where org_id = $1 and owner_id in (select id from users where email = $2)',
      ['reads users without org_id'],
    ],
    [
      'a lateral sub-query not tied to the organisation',
      `select o.id from opportunities o cross join lateral (
         select rate from exchange_rates x where x.currency = o.currency limit 1) r where o.org_id = $1`,
      ['reads exchange_rates (as x) without org_id'],
    ],
    [
      'an insert without org_id',
      'insert into accounts (id, name) values ($1, $2)',
      ['inserts accounts without org_id'],
    ],
    [
      'an update of org_id',
      'update accounts set org_id = $1 where org_id = $2 and id = $3',
      ['changes org_id of accounts'],
    ],
    [
      'a delete of every organisation',
      'delete from sessions where user_id = $1',
      ['deletes from sessions without org_id'],
    ],
  ])('names %s', (_, statement, problems) => {
    expect(checkStatement(statement)).toEqual(problems);
  });

  it('finds the parameters that give the organisation', () => {
    expect(
      analyseStatement(
        'select a.id from accounts a join users u on u.org_id = a.org_id where a.org_id = $2 and a.id = $1',
      ).orgParameters,
    ).toEqual([2]);
  });
});

describe('takeViolations', () => {
  it('names a request that reads two organisations, and not one that reads one twice', async () => {
    duringRequest('GET /one', () => {
      logStatement('select id from accounts where org_id = $1', ['org-a']);
      logStatement('select id from users where org_id = $1 and id = $2', ['org-a', 'u']);
    });
    duringRequest('GET /two', () => {
      logStatement('select id from accounts where org_id = $1', ['org-a']);
      logStatement('select id from users where org_id = $1 and id = $2', ['org-b', 'u']);
    });
    expect(await takeViolations()).toEqual([
      { statement: 'GET /two', problem: 'one request reads or writes 2 organisations' },
    ]);
    expect(await takeViolations()).toEqual([]);
  });

  it('lets the named exceptions through', async () => {
    duringRequest('POST /api/session', () => {
      logStatement('select id from users where org_id = $1', ['org-a']);
      logStatement('select id from users where org_id = $1', ['org-b']);
      logStatement('select count(*) from users', []);
    });
    expect(
      await takeViolations({
        statements: [/count\(\*\) from users/],
        requests: [/^POST \/api\/session$/],
      }),
    ).toEqual([]);
  });
});
