import type { Executor } from '../db/client';
import { searchRecords, type SearchRow } from '../db/queries/search';
import { searchResultLink, searchResultSubtitle } from '../domain/search';
import type { SearchQuery, SearchResponse, SearchResult } from '../schemas/search';
import type { Actor } from './authorization';

function subtitleOf(row: SearchRow): string | null {
  switch (row.kind) {
    case 'account':
      return searchResultSubtitle([row.detail, row.ownerName]);
    case 'contact':
      return searchResultSubtitle([row.accountName, row.detail]);
    case 'opportunity':
      return searchResultSubtitle([row.accountName, row.ownerName]);
  }
}

function toSearchResult(row: SearchRow): SearchResult {
  return {
    kind: row.kind,
    id: row.id,
    name: row.name,
    subtitle: subtitleOf(row),
    link: searchResultLink(row.kind, row.id, row.accountId),
    score: Math.min(1, Number(row.score)),
  };
}

/** What the search box finds that the actor may see: their own, their team's, or everyone's. */
export async function search(
  db: Executor,
  actor: Actor,
  query: SearchQuery,
): Promise<SearchResponse> {
  const rows = await searchRecords(db, actor.orgId, actor.visibleOwnerIds, query.q, query.limit);
  return { items: rows.map(toSearchResult) };
}
