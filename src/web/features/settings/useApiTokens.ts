import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type { ApiToken, ApiTokenInput, CreatedApiToken } from '../../../schemas/session';

const TOKENS_KEY = ['tokens'] as const;

export function useApiTokens() {
  return useQuery({ queryKey: TOKENS_KEY, queryFn: () => api.get<Page<ApiToken>>('/api/tokens') });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApiTokenInput) => api.post<CreatedApiToken>('/api/tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
