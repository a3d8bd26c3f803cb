import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ErrorResponse } from '../../../schemas/common';
import type { DealPlanView, PlanHealthList } from '../../../schemas/deal-plans';
import { ApiError, api, errorMessage } from '../../api/client';

// The deal plan of one opportunity: read once, written piece by piece. Every write sends the
// version it read (If-Match); the answer is the whole plan, which replaces the cached one.

export const dealPlanKey = (opportunityId: string) => ['deal-plans', opportunityId] as const;
const HEALTH_KEY = ['deal-plans', 'health'] as const;

export function useDealPlan(opportunityId: string | undefined) {
  return useQuery({
    queryKey: dealPlanKey(opportunityId ?? ''),
    queryFn: () => api.get<DealPlanView>(`/api/opportunities/${opportunityId}/plan`),
    enabled: Boolean(opportunityId),
  });
}

/** Plan health (counts by severity) for a page of opportunities. */
export function usePlanHealth(opportunityIds: readonly string[]) {
  const ids = [...opportunityIds].sort().join(',');
  return useQuery({
    queryKey: [...HEALTH_KEY, ids],
    queryFn: () => api.get<PlanHealthList>('/api/deal-plans/health', { ids }),
    enabled: ids.length > 0,
  });
}

export type PlanWrite = {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Below the plan: '/steps', '/steps/<id>', '/win-win'... */
  path: string;
  body?: unknown;
};

/** A write that lost the race: the plan changed since it was read. */
export class PlanConflictError extends ApiError {
  readonly current: DealPlanView;
  constructor(message: string, current: DealPlanView) {
    super(409, 'conflict', message);
    this.current = current;
  }
}

async function sendPlanWrite(opportunityId: string, version: number, write: PlanWrite) {
  let response: Response;
  try {
    response = await fetch(`/api/opportunities/${opportunityId}/plan${write.path}`, {
      method: write.method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'If-Match': String(version),
        ...(write.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: write.body === undefined ? undefined : JSON.stringify(write.body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection and retry.');
  }
  const json = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return json as DealPlanView;
  const error = (json as Partial<ErrorResponse> | null)?.error;
  if (response.status === 409 && error?.current) {
    throw new PlanConflictError(
      'Someone else changed this plan meanwhile. The latest version is on screen; nothing of yours was saved.',
      error.current as DealPlanView,
    );
  }
  throw new ApiError(
    response.status,
    error?.code ?? 'internal',
    error?.message ?? `The server answered ${response.status}`,
    (error?.issues ?? []).map((i) => ({ field: i.field.replace(/^body\./, ''), reason: i.reason })),
  );
}

/** Saves one piece of the plan; shows what went wrong, and the latest plan after a conflict. */
export function usePlanWrite(opportunityId: string) {
  const queryClient = useQueryClient();
  const key = dealPlanKey(opportunityId);
  return useMutation({
    mutationFn: (write: PlanWrite) =>
      sendPlanWrite(
        opportunityId,
        queryClient.getQueryData<DealPlanView>(key)?.version ?? 0,
        write,
      ),
    onSuccess: (plan, write) => {
      queryClient.setQueryData(key, plan);
      void queryClient.invalidateQueries({ queryKey: HEALTH_KEY });
      if (write.path === '/influences')
        void queryClient.invalidateQueries({ queryKey: ['contacts'] });
    },
    onError: (error) => {
      if (error instanceof PlanConflictError) queryClient.setQueryData(key, error.current);
      notifications.show({
        color: error instanceof PlanConflictError ? 'orange' : 'red',
        title: error instanceof PlanConflictError ? 'The plan changed' : 'Not saved',
        message: errorMessage(error),
      });
    },
  });
}
