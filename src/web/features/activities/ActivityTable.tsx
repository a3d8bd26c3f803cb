import { Fragment } from 'react';
import { Anchor, Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import type { Activity } from '../../../schemas/activities';
import { errorMessage } from '../../api/client';
import { formatDay, isBeforeToday } from '../../components/dates';
import { useToday } from '../session/useSession';
import { ACTIVITY_STATUS_LABELS, useUpdateActivity } from './useActivities';

function StatusBadge({ activity }: { activity: Activity }) {
  const today = useToday();
  if (activity.status === 'done') {
    return (
      <Badge color="green" variant="light">
        {ACTIVITY_STATUS_LABELS.done}
      </Badge>
    );
  }
  const isOverdue = isBeforeToday(activity.occursOn, today);
  return (
    <Badge color={isOverdue ? 'orange' : 'blue'} variant="light">
      {isOverdue ? 'Overdue' : ACTIVITY_STATUS_LABELS.planned}
    </Badge>
  );
}

/**
 * Activities as rows, with "Mark done" beside the status of every planned one (not hidden in a
 * hover or past the table's scroll) and Edit on each. `groupOf` names each row's group (e.g.
 * "Overdue", "Today"): a heading row opens each run of rows in the same group.
 */
export function ActivityTable({
  activities,
  onEdit,
  showAccount = true,
  showOpportunity = true,
  isDimmed = false,
  groupOf,
}: {
  activities: Activity[];
  onEdit: (activity: Activity) => void;
  showAccount?: boolean;
  showOpportunity?: boolean;
  isDimmed?: boolean;
  groupOf?: (activity: Activity) => string;
}) {
  const update = useUpdateActivity();

  function markDone(activity: Activity) {
    update.mutate(
      { id: activity.id, patch: { status: 'done' } },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            title: 'Marked done',
            message: `${saved.typeLabel} · ${saved.accountName}`,
          }),
        onError: (error) =>
          notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) }),
      },
    );
  }

  const columnCount = 6 + (showAccount ? 1 : 0) + (showOpportunity ? 1 : 0);

  return (
    <Table.ScrollContainer minWidth={920}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Activities">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Subject</Table.Th>
            {showAccount && <Table.Th>Account</Table.Th>}
            {showOpportunity && <Table.Th>Opportunity</Table.Th>}
            <Table.Th>Owner</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ opacity: isDimmed ? 0.6 : 1 }}>
          {activities.map((activity, index) => {
            const group = groupOf?.(activity);
            const previous = activities[index - 1];
            const isFirstOfGroup =
              group !== undefined && (previous === undefined || groupOf?.(previous) !== group);
            return (
              <Fragment key={activity.id}>
                {isFirstOfGroup && (
                  <Table.Tr>
                    <Table.Th colSpan={columnCount} scope="colgroup" bg="gray.0">
                      <Text size="sm" fw={600}>
                        {group}
                      </Text>
                    </Table.Th>
                  </Table.Tr>
                )}
                <Table.Tr>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDay(activity.occursOn)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <StatusBadge activity={activity} />
                      {activity.status === 'planned' && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          color="green"
                          loading={update.isPending && update.variables?.id === activity.id}
                          onClick={() => markDone(activity)}
                          aria-label={`Mark ${activity.typeLabel} on ${formatDay(activity.occursOn)} done`}
                        >
                          Mark done
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{activity.typeLabel}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{activity.subject || '—'}</Text>
                    {activity.contactName && (
                      <Text size="xs" c="dimmed">
                        with {activity.contactName}
                      </Text>
                    )}
                  </Table.Td>
                  {showAccount && (
                    <Table.Td>
                      <Anchor component={Link} to={`/accounts/${activity.accountId}`} size="sm">
                        {activity.accountName}
                      </Anchor>
                    </Table.Td>
                  )}
                  {showOpportunity && (
                    <Table.Td>
                      {activity.opportunityId ? (
                        <Anchor
                          component={Link}
                          to={`/opportunities/${activity.opportunityId}`}
                          size="sm"
                        >
                          {activity.opportunityName}
                        </Anchor>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  )}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{activity.ownerName}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => onEdit(activity)}
                      aria-label={`Edit ${activity.typeLabel} on ${formatDay(activity.occursOn)}`}
                    >
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
