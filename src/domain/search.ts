// One search box across the records people look for (GET /api/search): accounts, contacts and
// opportunities, found by name, email or a deal's account, typos forgiven (pg_trgm).

export const SEARCH_RESULT_KINDS = ['account', 'contact', 'opportunity'] as const;
export type SearchResultKind = (typeof SEARCH_RESULT_KINDS)[number];

/** Fewer characters than this have no trigram to match on. */
export const SEARCH_TEXT_MIN_LENGTH = 2;
/** Longer than any name or email a person types; the trigrams of more would only cost time. */
export const SEARCH_TEXT_MAX_LENGTH = 200;
export const SEARCH_RESULT_LIMIT = 20;

/** The page a result opens: a contact has none of its own, so it opens its account's. */
export function searchResultLink(kind: SearchResultKind, id: string, accountId: string | null) {
  switch (kind) {
    case 'account':
      return `/accounts/${id}`;
    case 'contact':
      return `/accounts/${accountId ?? ''}`;
    case 'opportunity':
      return `/opportunities/${id}`;
  }
}

/** The line under a result's name: the parts it has, in order, joined by a middle dot. */
export function searchResultSubtitle(parts: readonly (string | null)[]): string | null {
  const present = parts.filter((part): part is string => Boolean(part && part.trim()));
  return present.length > 0 ? present.join(' · ') : null;
}
