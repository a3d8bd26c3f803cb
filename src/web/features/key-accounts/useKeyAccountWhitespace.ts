import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  KeyAccountWhitespace,
  WhitespaceInput,
} from '../../../schemas/key-accounts-whitespace';

const key = (accountId: string) => ['key-accounts', 'whitespace', accountId] as const;
const path = (accountId: string) => `/api/key-accounts/${accountId}/whitespace`;

export function useKeyAccountWhitespace(accountId: string) {
  return useQuery({
    queryKey: key(accountId),
    queryFn: () => api.get<KeyAccountWhitespace>(path(accountId)),
  });
}

/** The PUT answers the whole whitespace: it replaces the cached one. */
export function useSaveKeyAccountWhitespace(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WhitespaceInput) => api.put<KeyAccountWhitespace>(path(accountId), input),
    onSuccess: (whitespace) => queryClient.setQueryData(key(accountId), whitespace),
  });
}
