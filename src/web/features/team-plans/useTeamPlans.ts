import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamPlan, TeamPlanContent } from '../../../schemas/team-plans';
import { ApiError, api, type Page } from '../../api/client';
import { dotPath } from './team-plan-draft';

type TeamPlanListItem = Pick<TeamPlan, 'id' | 'version' | 'year' | 'manager'>;

const keys = {
  all: ['team-plans'] as const,
  list: (year: number) => ['team-plans', 'list', year] as const,
  detail: (id: string) => ['team-plans', 'detail', id] as const,
};

const fetchTeamPlan = (id: string) => api.get<TeamPlan>(`/api/team-plans/${id}`);

export function useTeamPlanList(year: number) {
  return useQuery({
    queryKey: keys.list(year),
    queryFn: () => api.get<Page<TeamPlanListItem>>('/api/team-plans', { year }),
  });
}

export function useTeamPlan(id: string) {
  return useQuery({ queryKey: keys.detail(id), queryFn: () => fetchTeamPlan(id) });
}

/** Reads the plan again from the server, for an editor whose save lost a race (409). */
export function useReloadTeamPlan() {
  const queryClient = useQueryClient();
  return (id: string) =>
    queryClient.fetchQuery({
      queryKey: keys.detail(id),
      queryFn: () => fetchTeamPlan(id),
      staleTime: 0,
    });
}

export function useCreateTeamPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { year: number; managerId?: string }) =>
      api.post<TeamPlan>('/api/team-plans', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

// Field paths come back as `objectives[0].title` (service) or `objectives.0.title` (Zod): the
// editor knows one form.
async function putAtVersion(id: string, version: number, content: TeamPlanContent) {
  try {
    return await api.put<TeamPlan>(`/api/team-plans/${id}`, content, version);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw new ApiError(
      error.status,
      error.code,
      error.message,
      error.issues.map((issue) => ({ ...issue, field: dotPath(issue.field) })),
    );
  }
}

export function useSaveTeamPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ plan, content }: { plan: TeamPlan; content: TeamPlanContent }) =>
      putAtVersion(plan.id, plan.version, content),
    onSuccess: (plan) => {
      queryClient.setQueryData(keys.detail(plan.id), plan);
      return queryClient.invalidateQueries({ queryKey: keys.list(plan.year) });
    },
  });
}
