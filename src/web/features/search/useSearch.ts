import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SEARCH_TEXT_MIN_LENGTH } from '../../../domain/search';
import type { SearchResponse } from '../../../schemas/search';
import { api } from '../../api/client';

/** What the header's search box finds for `text` (GET /api/search); nothing for too short a text. */
export function useSearch(text: string, limit: number) {
  const q = text.trim();
  return useQuery({
    queryKey: ['search', q, limit],
    queryFn: () => api.get<SearchResponse>('/api/search', { q, limit }),
    enabled: q.length >= SEARCH_TEXT_MIN_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
