import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckIn } from '../../../schemas/check-ins';
import type { CheckInRecordInput } from '../../../schemas/rep-plans';
import { api } from '../../api/client';

/** A check-in form: pre-filled with plan vs actual while due, as recorded once held. */
export function useCheckIn(planId: string, checkInId: string | null) {
  return useQuery({
    queryKey: ['rep-plans', 'check-in', planId, checkInId],
    queryFn: () => api.get<CheckIn>(`/api/rep-plans/${planId}/check-ins/${checkInId}`),
    enabled: checkInId !== null,
  });
}

export function useRecordCheckIn(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ checkInId, input }: { checkInId: string; input: Partial<CheckInRecordInput> }) =>
      api.post<CheckIn>(`/api/rep-plans/${planId}/check-ins/${checkInId}`, input),
    // A held check-in changes the plan, the Team page's check-ins and the dashboards'.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['rep-plans'] }),
        queryClient.invalidateQueries({ queryKey: ['dashboards'] }),
      ]),
  });
}
