import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { HealthBadges } from './FindingsPanel';
import { usePlanHealth } from './useDealPlan';

/**
 * One deal's plan health in a list, in words: "2 errors", "3 warnings", "No findings", or "No plan"
 * for an open deal without one that is worth one (at least its owner's average won deal, as the
 * dashboards count them). A closed deal, or a small one, needs none: a dash. Every cell of a page
 * asks for the same ids, so the page makes one request.
 */
export function PlanHealthCell({
  opportunityId,
  pageIds,
  isOpen,
}: {
  opportunityId: string;
  pageIds: readonly string[];
  isOpen: boolean;
}) {
  const health = usePlanHealth(pageIds);
  const item = health.data?.items.find((i) => i.opportunityId === opportunityId);
  const link = (children: React.ReactNode) => (
    <Anchor
      component={Link}
      to={`/opportunities/${opportunityId}/plan`}
      onClick={(event) => event.stopPropagation()}
      underline="never"
      aria-label="Open the deal plan"
    >
      {children}
    </Anchor>
  );
  if (!item)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  if (!item.hasPlan && !isOpen)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  if (!item.hasPlan && !item.needsPlan)
    return (
      <Text size="xs" c="dimmed" title="No plan needed: under the owner's average won deal">
        —
      </Text>
    );
  if (!item.hasPlan)
    return link(
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        No plan
      </Text>,
    );
  return link(<HealthBadges health={item} size="sm" />);
}
