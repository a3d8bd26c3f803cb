import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
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

/**
 * The PUT sends the version read as If-Match and answers the whole whitespace: it replaces the
 * cached one. A stale version (409) answers the current whitespace, which replaces it too.
 */
export function useSaveKeyAccountWhitespace(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, input }: { version: number; input: WhitespaceInput }) =>
      api.put<KeyAccountWhitespace>(path(accountId), input, version),
    onSuccess: (whitespace) => queryClient.setQueryData(key(accountId), whitespace),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.current !== undefined)
        queryClient.setQueryData(key(accountId), error.current as KeyAccountWhitespace);
    },
  });
}
