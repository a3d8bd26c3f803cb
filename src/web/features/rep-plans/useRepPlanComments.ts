import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RepPlanComment } from '../../../schemas/rep-plans';
import { api } from '../../api/client';

// Comments on a rep plan from the rep and their manager, oldest first.

export type PlanComment = z.infer<typeof RepPlanComment>;

const commentsKey = (planId: string) => ['rep-plans', 'comments', planId] as const;

export function useRepPlanComments(planId: string) {
  return useQuery({
    queryKey: commentsKey(planId),
    queryFn: () => api.get<PlanComment[]>(`/api/rep-plans/${planId}/comments`),
  });
}

export function useAddRepPlanComment(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api.post<PlanComment>(`/api/rep-plans/${planId}/comments`, { body }),
    onSuccess: (comment) =>
      queryClient.setQueryData<PlanComment[]>(commentsKey(planId), (comments = []) => [
        ...comments,
        comment,
      ]),
  });
}
