import { Text } from '@mantine/core';
import type { Opportunity } from '../../../schemas/opportunities';
import { formatDay, isBeforeToday } from '../../components/dates';

/** A deal's expected close, in red with "(overdue)" when an open deal is past it. */
export function ExpectedClose({ opportunity }: { opportunity: Opportunity }) {
  const isOverdue = opportunity.stageKind === 'open' && isBeforeToday(opportunity.expectedCloseOn);
  return (
    <Text size="sm" c={isOverdue ? 'red' : undefined} fw={isOverdue ? 600 : undefined}>
      {formatDay(opportunity.expectedCloseOn)}
      {isOverdue && (
        <Text span size="xs" ml={4}>
          (overdue)
        </Text>
      )}
    </Text>
  );
}
