import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckInCadence, SigningParty } from '../../../domain/rep-plan-states';
import type { RepPlan, RepPlanListItem, RepPlanPatch } from '../../../schemas/rep-plans';
import { api, type Page } from '../../api/client';

// Rep plans over the API: the list of a year, one plan, and the co-construction moves.
// Every move answers the whole plan, which replaces the cached one.

export type DueCheckIn = {
  id: string;
  repPlanId: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  isOverdue: boolean;
  year: number;
  rep: { id: string; name: string };
};

const keys = {
  all: ['rep-plans'] as const,
  list: (year: number) => ['rep-plans', 'list', year] as const,
  detail: (id: string) => ['rep-plans', 'detail', id] as const,
  due: ['rep-plans', 'check-ins-due'] as const,
};

export function useRepPlanList(year: number) {
  return useQuery({
    queryKey: keys.list(year),
    queryFn: () => api.get<Page<RepPlanListItem>>('/api/rep-plans', { year }),
  });
}

export function useRepPlan(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: () => api.get<RepPlan>(`/api/rep-plans/${id}`),
    enabled: Boolean(id),
  });
}

export function useDueCheckIns() {
  return useQuery({
    queryKey: keys.due,
    queryFn: () => api.get<Page<DueCheckIn>>('/api/check-ins/due'),
  });
}

function usePlanMutation<Input>(path: (id: string) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Input }) => api.post<RepPlan>(path(id), input),
    onSuccess: (plan) => {
      queryClient.setQueryData(keys.detail(plan.id), plan);
      // A signature or a transition changes the Team page's and the dashboards' plan states.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.all }),
        queryClient.invalidateQueries({ queryKey: ['dashboards'] }),
      ]);
    },
  });
}

export function useCreateRepPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { year: number; cadence: CheckInCadence }) =>
      api.post<RepPlan>('/api/rep-plans', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export const useRepPlanTransition = () =>
  usePlanMutation<{ to: RepPlan['state'] }>((id) => `/api/rep-plans/${id}/transitions`);

export const useRepPlanSignature = () =>
  usePlanMutation<{ as: SigningParty }>((id) => `/api/rep-plans/${id}/signatures`);

export function useUpdateRepPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ plan, patch }: { plan: RepPlan; patch: RepPlanPatch }) =>
      api.patch<RepPlan>(`/api/rep-plans/${plan.id}`, patch, plan.version),
    onSuccess: (plan) => {
      queryClient.setQueryData(keys.detail(plan.id), plan);
      return queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

/** Reads the plan again (after a 409): the cached one is replaced by the server's. */
export function useRefreshRepPlan() {
  const queryClient = useQueryClient();
  return (id: string) => void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
}
