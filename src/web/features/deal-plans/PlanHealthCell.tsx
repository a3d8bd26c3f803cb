import { Anchor, Badge, Group, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { SEVERITY_COLOURS } from './plan-labels';
import { usePlanHealth } from './useDealPlan';

/**
 * One deal's plan health in a list: counts of errors, warnings and info. Every cell of a page
 * asks for the same ids, so the page makes one request.
 */
export function PlanHealthCell({
  opportunityId,
  pageIds,
}: {
  opportunityId: string;
  pageIds: readonly string[];
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
  if (!item.hasPlan)
    return link(
      <Text size="xs" c="dimmed">
        No plan
      </Text>,
    );
  if (item.error + item.warning + item.info === 0)
    return link(
      <Badge size="sm" color="green" variant="light">
        Healthy
      </Badge>,
    );
  return link(
    <Tooltip label={`${item.error} errors, ${item.warning} warnings, ${item.info} info`}>
      <Group gap={4} wrap="nowrap">
        {(['error', 'warning', 'info'] as const).map((severity) =>
          item[severity] > 0 ? (
            <Badge
              key={severity}
              size="sm"
              color={SEVERITY_COLOURS[severity]}
              variant="light"
              circle
            >
              {item[severity]}
            </Badge>
          ) : null,
        )}
      </Group>
    </Tooltip>,
  );
}
