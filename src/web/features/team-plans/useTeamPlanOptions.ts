import type { TeamPlan } from '../../../schemas/team-plans';
import type { User } from '../../../schemas/users';
import { useProductOptions } from '../opportunities/useOpportunities';
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

export type MetricOptions = {
  /** The manager and the team: an activity's owner, a metric's member. */
  owners: Option[];
  activityTypes: Option[];
  segments: Option[];
  products: Option[];
};

/** What an activity's owner and its metric's definition may name. */
export function useTeamPlanOptions(plan: TeamPlan): MetricOptions {
  const users = useUsers();
  const reference = useReference();
  const productList = useProductOptions();
  const owners: Option[] = teamOf(users.data?.items ?? [], plan.manager.id).map((user) => ({
    value: user.id,
    label: user.name,
  }));
  const activityTypes: Option[] = (reference.data?.activityTypes ?? []).map((type) => ({
    value: type.key,
    label: type.label,
  }));
  const segments: Option[] = (reference.data?.segments ?? []).map((segment) => ({
    value: segment.id,
    label: segment.code === segment.name ? segment.name : `${segment.code} · ${segment.name}`,
  }));
  const products: Option[] = (productList.data?.items ?? []).map((product) => ({
    value: product.id,
    label: product.name,
  }));
  // Keep what the plan already names, even if it left the team or the list.
  const keep = (options: Option[], value: string | null | undefined, label: string) => {
    if (value && !options.some((o) => o.value === value)) options.push({ value, label });
  };
  for (const activity of plan.objectives.flatMap((o) => o.goals.flatMap((g) => g.activities))) {
    const nameOf = (id: string | null | undefined) =>
      users.data?.items.find((u) => u.id === id)?.name ?? 'Someone else';
    keep(owners, activity.ownerId, nameOf(activity.ownerId));
    const definition = activity.metricDefinition;
    keep(owners, definition?.memberId, nameOf(definition?.memberId));
    keep(activityTypes, definition?.activityType, definition?.activityType ?? '');
    keep(segments, definition?.segmentId, 'A segment no longer listed');
    keep(products, definition?.productId, 'A product no longer listed');
  }
  return { owners, activityTypes, segments, products };
}
