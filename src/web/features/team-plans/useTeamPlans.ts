import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamPlan } from '../../../schemas/team-plans';
import { api, type Page } from '../../api/client';

type TeamPlanListItem = Pick<TeamPlan, 'id' | 'version' | 'year' | 'manager'>;

export function useTeamPlanList(year: number) {
  return useQuery({
    queryKey: ['team-plans', 'list', year],
    queryFn: () => api.get<Page<TeamPlanListItem>>('/api/team-plans', { year }),
  });
}

export function useTeamPlan(id: string) {
  return useQuery({
    queryKey: ['team-plans', 'detail', id],
    queryFn: () => api.get<TeamPlan>(`/api/team-plans/${id}`),
  });
}

export function useCreateTeamPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { year: number }) => api.post<TeamPlan>('/api/team-plans', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['team-plans'] }),
  });
}
