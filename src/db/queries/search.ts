import { sql, type SQL } from 'drizzle-orm';
import type { SearchResultKind } from '../../domain/search';
import { type Executor, queryRows } from '../client';
import { accounts, opportunities } from '../schema';
import { inOwnerScope, type OwnerScope } from './scope';

// One statement for the search box: the accounts, contacts and deals whose name (a contact's
// name or email; a deal's own name or its account's) is similar to the text, by pg_trgm's word
// similarity (`<%`, threshold pg_trgm.word_similarity_threshold, 0.6 by default), best first.
// Each branch is served by a GIN trigram index with org_id first (migration 0010); each is cut to
// the limit before the branches are merged, so the final sort and joins see a few rows. The
// tables keep their own names (no aliases): the shared scope conditions are written against them.

export type SearchRow = {
  kind: SearchResultKind;
  id: string;
  name: string;
  score: number | string;
  accountId: string | null;
  accountName: string | null;
  ownerName: string | null;
  detail: string | null;
};

/** The contact's text the trigram index covers: the same expression as the index's. */
const contactText = sql`(contacts.first_name || ' ' || contacts.last_name || ' ' || coalesce(contacts.email, ''))`;

const orTrue = (condition: SQL | undefined) => condition ?? sql`true`;

/**
 * The accounts the scope may see, as db/queries/accounts.ts visibleAccounts says (no owner, an
 * owner in scope, or a deal of theirs in it), with the deal looked up row by row: `offset 0` keeps
 * PostgreSQL from hashing the whole team's deals (1M-deal bench: 350 ms) for the few matches.
 */
function accountsSeenBy(orgId: string, scope: OwnerScope): SQL {
  if (scope === null) return sql`true`;
  return sql`(accounts.owner_id is null or ${orTrue(inOwnerScope(accounts.ownerId, scope))}
    or exists (select 1 from opportunities
               where opportunities.org_id = ${orgId} and opportunities.account_id = accounts.id
                 and ${orTrue(inOwnerScope(opportunities.ownerId, scope))} offset 0))`;
}

export async function searchRecords(
  db: Executor,
  orgId: string,
  scope: OwnerScope,
  text: string,
  limit: number,
): Promise<SearchRow[]> {
  const accountsSeen = accountsSeenBy(orgId, scope);
  const dealsSeen = orTrue(inOwnerScope(opportunities.ownerId, scope));
  return queryRows<SearchRow>(
    db,
    sql`
    with deal_accounts as (
      select accounts.id, word_similarity(${text}, accounts.name) as score
      from accounts
      where accounts.org_id = ${orgId} and ${text} <% accounts.name
      order by score desc
      limit ${limit}
    ),
    hits as (
      (select 'account' as kind, accounts.id, accounts.name, accounts.owner_id,
              null::uuid as account_id, concat_ws(' · ', accounts.industry, accounts.country) as detail,
              word_similarity(${text}, accounts.name) as score
       from accounts
       where accounts.org_id = ${orgId} and ${text} <% accounts.name and ${accountsSeen}
       order by score desc limit ${limit})
      union all
      (select 'contact', contacts.id, trim(contacts.first_name || ' ' || contacts.last_name), null::uuid,
              contacts.account_id, contacts.email, word_similarity(${text}, ${contactText})
       from contacts
       join accounts on accounts.org_id = contacts.org_id and accounts.id = contacts.account_id
       where contacts.org_id = ${orgId} and ${text} <% ${contactText} and ${accountsSeen}
       order by 7 desc limit ${limit})
      union all
      (select 'opportunity', opportunities.id, opportunities.name, opportunities.owner_id,
              opportunities.account_id, null, word_similarity(${text}, opportunities.name)
       from opportunities
       where opportunities.org_id = ${orgId} and ${text} <% opportunities.name and ${dealsSeen}
       order by 7 desc limit ${limit})
      union all
      (select 'opportunity', opportunities.id, opportunities.name, opportunities.owner_id,
              opportunities.account_id, null, deal_accounts.score
       from deal_accounts
       join opportunities on opportunities.org_id = ${orgId}
                         and opportunities.account_id = deal_accounts.id
       where ${dealsSeen}
       order by 7 desc limit ${limit})
    ),
    best as (
      select distinct on (kind, id) * from hits order by kind, id, score desc
    ),
    top as (
      select * from best order by score desc, name, id limit ${limit}
    )
    select top.kind, top.id, top.name, top.score, top.account_id as "accountId",
           a.name as "accountName", u.name as "ownerName", nullif(top.detail, '') as detail
    from top
    left join accounts a on a.org_id = ${orgId} and a.id = top.account_id
    left join users u on u.org_id = ${orgId} and u.id = top.owner_id
    order by top.score desc, top.name, top.id`,
  );
}
