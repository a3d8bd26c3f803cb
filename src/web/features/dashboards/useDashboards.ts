import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  DashboardFilters,
  OrganisationDashboard,
  RepDashboard,
  TeamDashboard,
} from '../../../schemas/dashboards';

/** A rep's dashboard: the caller's own when `repId` is left out. */
export function useRepDashboard(repId: string | undefined) {
  return useQuery({
    queryKey: ['dashboards', 'rep', repId ?? 'me'],
    queryFn: () => api.get<RepDashboard>('/api/dashboards/rep', { repId }),
  });
}

/** A manager's team: the caller's own team when `managerId` is left out. */
export function useTeamDashboard(managerId: string | undefined) {
  return useQuery({
    queryKey: ['dashboards', 'team', managerId ?? 'me'],
    queryFn: () => api.get<TeamDashboard>('/api/dashboards/team', { managerId }),
  });
}

/** The organisation (or, for a manager, their team) under the filters of the URL. */
export function useOrganisationDashboard(filters: DashboardFilters) {
  return useQuery({
    queryKey: ['dashboards', 'organisation', filters],
    queryFn: () => api.get<OrganisationDashboard>('/api/dashboards/organisation', filters),
    // Keep the figures on screen while a changed filter loads.
    placeholderData: keepPreviousData,
  });
}
