import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DealPlanView, PlanHealthList } from '../../../schemas/deal-plans';
import { ApiError, api, apiRequest, errorMessage } from '../../api/client';

// The deal plan of one opportunity: read once, written piece by piece. Every write sends the
// version it read (If-Match); the answer is the whole plan, which replaces the cached one. The
// answers are parsed with the shared schemas: a plan of another shape is an error, not a crash.

export const dealPlanKey = (opportunityId: string) => ['deal-plans', opportunityId] as const;
const HEALTH_KEY = ['deal-plans', 'health'] as const;

export function useDealPlan(opportunityId: string | undefined) {
  return useQuery({
    queryKey: dealPlanKey(opportunityId ?? ''),
    queryFn: async () =>
      DealPlanView.parse(await api.get<unknown>(`/api/opportunities/${opportunityId}/plan`)),
    enabled: Boolean(opportunityId),
  });
}

/** Plan health (counts by severity) for a page of opportunities. */
export function usePlanHealth(opportunityIds: readonly string[]) {
  const ids = [...opportunityIds].sort().join(',');
  return useQuery({
    queryKey: [...HEALTH_KEY, ids],
    queryFn: async () =>
      PlanHealthList.parse(await api.get<unknown>('/api/deal-plans/health', { ids })),
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
  declare readonly current: DealPlanView;
  constructor(message: string, current: DealPlanView) {
    super(409, 'conflict', message, [], current);
  }
}

async function sendPlanWrite(opportunityId: string, version: number, write: PlanWrite) {
  try {
    const plan = await apiRequest<unknown>(
      `/api/opportunities/${opportunityId}/plan${write.path}`,
      {
        method: write.method,
        body: write.body,
        version,
      },
    );
    return DealPlanView.parse(plan);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.current) {
      throw new PlanConflictError(
        'Someone else changed this plan meanwhile, so nothing of yours was saved. Their version is on screen: check it, then make your change again.',
        DealPlanView.parse(error.current),
      );
    }
    throw error;
  }
}

// What a write did, in the confirmation: the part is the first segment of its path.
const PART_WORDS: Record<string, string> = {
  objectives: 'objective',
  influences: 'buying influence',
  competition: 'competition',
  steps: 'action step',
  'win-win': 'win-win',
};
const METHOD_WORDS: Record<PlanWrite['method'], string> = {
  POST: 'added',
  PATCH: 'saved',
  PUT: 'saved',
  DELETE: 'removed',
};

const SAVED_ID = 'deal-plan-saved';

/** "Action step added", "Win-win saved", "Steps reordered". */
export function confirmationOf(write: PlanWrite): string {
  if (write.path === '/steps/order') return 'Steps reordered';
  const part = PART_WORDS[write.path.split('/')[1] ?? ''] ?? 'plan';
  const sentence = `${part} ${METHOD_WORDS[write.method]}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** Saves one piece of the plan; says what was saved or what went wrong, and shows the latest plan after a conflict. */
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
      // One confirmation at a time: a rep saving piece after piece sees the latest, not a stack.
      notifications.hide(SAVED_ID);
      notifications.show({
        id: SAVED_ID,
        color: 'teal',
        title: confirmationOf(write),
        message: `The plan is at version ${plan.version}; the checks beside it are up to date.`,
      });
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
