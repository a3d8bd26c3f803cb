import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DealPlanComment } from '../../../schemas/deal-plans';
import { api } from '../../api/client';

// Comments on a deal plan from the deal's owner and their manager, oldest first.

const commentsKey = (opportunityId: string) => ['deal-plans', 'comments', opportunityId] as const;
const pathOf = (opportunityId: string) => `/api/opportunities/${opportunityId}/plan/comments`;

export function useDealPlanComments(opportunityId: string) {
  return useQuery({
    queryKey: commentsKey(opportunityId),
    queryFn: () => api.get<DealPlanComment[]>(pathOf(opportunityId)),
  });
}

export function useAddDealPlanComment(opportunityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<DealPlanComment>(pathOf(opportunityId), { body }),
    onSuccess: (comment) =>
      queryClient.setQueryData<DealPlanComment[]>(commentsKey(opportunityId), (comments = []) => [
        ...comments,
        comment,
      ]),
  });
}
