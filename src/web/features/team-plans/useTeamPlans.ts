import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ErrorResponse } from '../../../schemas/common';
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

// The shared client sends no If-Match; a save must, so a stale write gets 409. Field paths
// come back as `objectives[0].title` (service) or `objectives.0.title` (Zod): one form here.
async function putAtVersion(id: string, version: number, content: TeamPlanContent) {
  let response: Response;
  try {
    response = await fetch(`/api/team-plans/${id}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'If-Match': `"${version}"`,
      },
      body: JSON.stringify(content),
    });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection and retry.');
  }
  const body = (await response.json().catch(() => null)) as
    (TeamPlan & Partial<ErrorResponse>) | null;
  if (!response.ok) {
    const error = body?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'internal',
      error?.message ?? `The server answered ${response.status}`,
      (error?.issues ?? []).map((i) => ({
        field: dotPath(i.field.replace(/^body\./, '')),
        reason: i.reason,
      })),
    );
  }
  return body as TeamPlan;
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
