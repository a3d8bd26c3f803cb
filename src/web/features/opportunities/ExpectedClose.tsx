import { Text } from '@mantine/core';
import type { Opportunity } from '../../../schemas/opportunities';
import { formatDay, isBeforeToday } from '../../components/dates';
import { useToday } from '../session/useSession';

/** A deal's expected close, in red with "(overdue)" when an open deal is past it. */
export function ExpectedClose({ opportunity }: { opportunity: Opportunity }) {
  const today = useToday();
  const isOverdue =
    opportunity.stageKind === 'open' && isBeforeToday(opportunity.expectedCloseOn, today);
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
