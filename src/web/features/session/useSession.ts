import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import { fiscalYearOf, type IsoDate } from '../../../domain/calendar';
import { dateInTimeZone } from '../../../domain/time-zone';
import type { Me, SignInInput } from '../../../schemas/session';

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

/**
 * Today's date in the organisation's time zone, the same day the server calls today (DOMAIN.md,
 * decision 002): the browser's clock, the organisation's calendar. UTC until the session is known.
 */
export function useToday(): IsoDate {
  const session = useSession();
  return dateInTimeZone(new Date(), session.data?.organisation.timeZone ?? 'UTC');
}

/** The organisation's fiscal year running today (the calendar year until the session is known). */
export function useCurrentFiscalYear(): number {
  const session = useSession();
  const today = useToday();
  return fiscalYearOf(today, session.data?.organisation.fiscalYearStartMonth ?? 1);
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
