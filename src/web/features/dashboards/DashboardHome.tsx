import { Navigate } from 'react-router';
import type { Role } from '../../../schemas/session';
import { DetailSkeleton } from '../../components/PageStates';
import { useSession } from '../session/useSession';

/** Each role's own dashboard: a rep's results, a manager's team, the leaders' organisation. */
export const DASHBOARD_BY_ROLE: Record<Role, string> = {
  rep: '/dashboards/rep',
  manager: '/dashboards/team',
  leader: '/dashboards/organisation',
  admin: '/dashboards/organisation',
};

/** `/dashboards` and the app's home `/`: the signed-in user's dashboard. */
export function DashboardHome() {
  const session = useSession();
  if (!session.data) return <DetailSkeleton />;
  return <Navigate to={DASHBOARD_BY_ROLE[session.data.user.role]} replace />;
}
