import { z } from 'zod';
import {
  SEARCH_RESULT_KINDS,
  SEARCH_RESULT_LIMIT,
  SEARCH_TEXT_MAX_LENGTH,
  SEARCH_TEXT_MIN_LENGTH,
} from '../domain/search';
import { Id } from './common';

export const SearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(SEARCH_TEXT_MIN_LENGTH, `type at least ${SEARCH_TEXT_MIN_LENGTH} characters`)
    .max(SEARCH_TEXT_MAX_LENGTH, `must be at most ${SEARCH_TEXT_MAX_LENGTH} characters`),
  limit: z.coerce.number().int().min(1).max(SEARCH_RESULT_LIMIT).default(SEARCH_RESULT_LIMIT),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchResultKind = z.enum(SEARCH_RESULT_KINDS);

export const SearchResult = z.object({
  kind: SearchResultKind,
  id: Id,
  name: z.string(),
  /** What tells two results of the same name apart: account, email, owner. */
  subtitle: z.string().nullable(),
  /** The web app's page for the result. */
  link: z.string(),
  /** Trigram word similarity of the search text to the matched name, 0–1 (1 is exact). */
  score: z.number().min(0).max(1),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchResponse = z.object({ items: z.array(SearchResult) });
export type SearchResponse = z.infer<typeof SearchResponse>;
