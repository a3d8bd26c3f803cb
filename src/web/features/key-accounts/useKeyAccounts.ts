import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../api/client';
import type {
  AccountRatings,
  ConfirmationInput,
  Ranking,
  RatingsInput,
  ScoringModel,
  ScoringModelInput,
} from '../../../schemas/key-accounts';
import type {
  AcknowledgementInput,
  KeyAccountList,
  KeyAccountPlanInput,
  KeyAccountPlanView,
  ReviewInput,
} from '../../../schemas/key-accounts-plans';

const KEY = ['key-accounts'] as const;

export function useScoringModel() {
  return useQuery({
    queryKey: [...KEY, 'model'],
    queryFn: () => api.get<ScoringModel>('/api/key-accounts/model'),
  });
}

export function useSaveScoringModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, input }: { version: number; input: ScoringModelInput }) =>
      api.put<ScoringModel>('/api/key-accounts/model', input, version),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRanking(filters: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...KEY, 'ranking', filters],
    queryFn: () => api.get<Ranking>('/api/key-accounts/ranking', filters),
    // A filter change keeps the ranking (and its filters) on screen until the new one comes.
    placeholderData: keepPreviousData,
  });
}

/** An account's 1–5 ratings: the score and the ranking move, so every key-account read refetches. */
export function useRateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, input }: { accountId: string; input: RatingsInput }) =>
      api.put<AccountRatings>(`/api/key-accounts/ratings/${accountId}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useConfirmKeyAccounts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConfirmationInput) =>
      api.post<Ranking>('/api/key-accounts/confirmation', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useKeyAccountList() {
  return useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: () => api.get<KeyAccountList>('/api/key-accounts'),
  });
}

const planPath = (accountId: string) => `/api/key-accounts/${accountId}/plan`;

export function useKeyAccountPlan(accountId: string) {
  return useQuery({
    queryKey: [...KEY, 'plan', accountId],
    queryFn: () => api.get<KeyAccountPlanView>(planPath(accountId)),
  });
}

/** Every plan write answers the whole plan: it replaces the cached one. */
function usePlanWrite<Input>(
  accountId: string,
  send: (version: number, input: Input) => Promise<KeyAccountPlanView>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, input }: { version: number; input: Input }) => send(version, input),
    onSuccess: (plan) => {
      queryClient.setQueryData([...KEY, 'plan', accountId], plan);
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

export const useSaveKeyAccountPlan = (accountId: string) =>
  usePlanWrite<KeyAccountPlanInput>(accountId, (version, input) =>
    api.put(planPath(accountId), input, version),
  );
export const useSignKeyAccountPlan = (accountId: string) =>
  usePlanWrite<null>(accountId, (version) =>
    api.post(`${planPath(accountId)}/signature`, undefined, version),
  );
export const useAcknowledgeKeyAccountPlan = (accountId: string) =>
  usePlanWrite<AcknowledgementInput>(accountId, (version, input) =>
    api.post(`${planPath(accountId)}/acknowledgement`, input, version),
  );
export const useReviewKeyAccountPlan = (accountId: string) =>
  usePlanWrite<ReviewInput>(accountId, (version, input) =>
    api.post(`${planPath(accountId)}/reviews`, input, version),
  );
