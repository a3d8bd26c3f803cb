import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import { fiscalYearOf } from '../../../domain/calendar';
import type { Me, SignInInput } from '../../../schemas/session';
import { todayIsoDate } from '../../components/dates';

export const SESSION_KEY = ['session', 'me'] as const;

/** Who is signed in: `Me`, or `null` when the server says 401 (signed out). */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.get<Me>('/api/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/** The organisation's fiscal year running today (the calendar year until the session is known). */
export function useCurrentFiscalYear(): number {
  const session = useSession();
  return fiscalYearOf(todayIsoDate(), session.data?.organisation.fiscalYearStartMonth ?? 1);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => api.post<Me>('/api/session', input),
    onSuccess: (me) => queryClient.setQueryData(SESSION_KEY, me),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/session'),
    onSettled: () => {
      // The next user of this browser must never see this user's cached lists.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}
