import type { TeamPlan } from '../../../schemas/team-plans';
import type { User } from '../../../schemas/users';
import { useReference, useUsers } from '../reference/useReference';
import type { Option } from './TeamActivityFields';

/** The manager and everyone reporting to them, directly or not: who may own an activity. */
export function teamOf(users: readonly User[], managerId: string): User[] {
  const ids = new Set([managerId]);
  let size = 0;
  while (ids.size !== size) {
    size = ids.size;
    for (const user of users) if (user.managerId && ids.has(user.managerId)) ids.add(user.id);
  }
  return users.filter((user) => ids.has(user.id) && user.isActive);
}

/** The owners an activity may have, and the metric sources the API can count. */
export function useTeamPlanOptions(plan: TeamPlan) {
  const users = useUsers();
  const reference = useReference();
  const owners: Option[] = teamOf(users.data?.items ?? [], plan.manager.id).map((user) => ({
    value: user.id,
    label: user.name,
  }));
  const metricSources: Option[] = [
    ...(reference.data?.activityTypes ?? []).map((type) => ({
      value: `activities:${type.key}`,
      label: `Done activities: ${type.label}`,
    })),
    { value: 'won_revenue', label: 'Won revenue' },
    { value: 'opportunities_created', label: 'Opportunities created' },
  ];
  // Keep what the plan already names, even if it left the team or the list.
  for (const activity of plan.objectives.flatMap((o) => o.goals.flatMap((g) => g.activities))) {
    if (activity.ownerId && !owners.some((o) => o.value === activity.ownerId))
      owners.push({
        value: activity.ownerId,
        label: users.data?.items.find((u) => u.id === activity.ownerId)?.name ?? 'Someone else',
      });
    if (activity.metricSource && !metricSources.some((m) => m.value === activity.metricSource))
      metricSources.push({ value: activity.metricSource, label: activity.metricSource });
  }
  return { owners, metricSources };
}
