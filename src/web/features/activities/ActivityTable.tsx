import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import type { Activity } from '../../../schemas/activities';
import { errorMessage } from '../../api/client';
import { formatDay, isBeforeToday } from '../../components/dates';
import { RecordList } from '../../components/RecordList';
import { useToday } from '../session/useSession';
import { ACTIVITY_STATUS_LABELS, useUpdateActivity } from './useActivities';

function StatusBadge({ activity }: { activity: Activity }) {
  const today = useToday();
  if (activity.status === 'done') {
    return (
      <Badge color="green" variant="light" style={{ flexShrink: 0 }}>
        {ACTIVITY_STATUS_LABELS.done}
      </Badge>
    );
  }
  const isOverdue = isBeforeToday(activity.occursOn, today);
  return (
    <Badge color={isOverdue ? 'orange' : 'blue'} variant="light" style={{ flexShrink: 0 }}>
      {isOverdue ? 'Overdue' : ACTIVITY_STATUS_LABELS.planned}
    </Badge>
  );
}

/**
 * Activities as rows, with "Mark done" beside the status of every planned one (not hidden in a
 * hover or past the table's scroll) and Edit on each (and, with `onLogCall`, "Log call"). `groupOf` names each row's group (e.g.
 * "Overdue", "Today"): a heading row opens each run of rows in the same group.
 */
export function ActivityTable({
  activities,
  onEdit,
  showAccount = true,
  showOpportunity = true,
  isDimmed = false,
  groupOf,
  onLogCall,
}: {
  activities: Activity[];
  onEdit: (activity: Activity) => void;
  /** Offers "Log call" on each row, for a call just made to that row's account (and deal). */
  onLogCall?: (activity: Activity) => void;
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

  return (
    <RecordList
      label="Activities"
      rows={activities}
      rowKey={(activity) => activity.id}
      minWidth={920}
      isDimmed={isDimmed}
      groupOf={groupOf}
      columns={[
        { label: 'Date', noWrap: true, cell: (activity) => formatDay(activity.occursOn) },
        {
          label: 'Status',
          isWide: true,
          cell: (activity) => (
            // Neither child shrinks (nor is capped at half the cell), so the column fits them whole.
            <Group gap={6} wrap="nowrap" preventGrowOverflow={false} miw="max-content">
              <StatusBadge activity={activity} />
              {activity.status === 'planned' && (
                <Button
                  size="compact-sm"
                  variant="light"
                  color="green"
                  style={{ flexShrink: 0 }}
                  loading={update.isPending && update.variables?.id === activity.id}
                  onClick={() => markDone(activity)}
                  aria-label={`Mark ${activity.typeLabel} on ${formatDay(activity.occursOn)} done`}
                >
                  Mark done
                </Button>
              )}
            </Group>
          ),
        },
        { label: 'Type', noWrap: true, cell: (activity) => activity.typeLabel },
        {
          label: 'Subject',
          cell: (activity) => (
            <>
              <Text size="sm">{activity.subject || '—'}</Text>
              {activity.contactName && (
                <Text size="xs" c="dimmed">
                  with {activity.contactName}
                </Text>
              )}
            </>
          ),
        },
        ...(showAccount
          ? [
              {
                label: 'Account',
                cell: (activity: Activity) => (
                  <Anchor component={Link} to={`/accounts/${activity.accountId}`} size="sm">
                    {activity.accountName}
                  </Anchor>
                ),
              },
            ]
          : []),
        ...(showOpportunity
          ? [
              {
                label: 'Opportunity',
                cell: (activity: Activity) =>
                  activity.opportunityId ? (
                    <Anchor
                      component={Link}
                      to={`/opportunities/${activity.opportunityId}`}
                      size="sm"
                    >
                      {activity.opportunityName}
                    </Anchor>
                  ) : (
                    '—'
                  ),
              },
            ]
          : []),
        { label: 'Owner', noWrap: true, cell: (activity) => activity.ownerName },
      ]}
      actions={(activity) => (
        <Group gap={4} wrap="nowrap">
          {onLogCall && (
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => onLogCall(activity)}
              aria-label={`Log a call with ${activity.accountName}`}
            >
              Log call
            </Button>
          )}
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => onEdit(activity)}
            aria-label={`Edit ${activity.typeLabel} on ${formatDay(activity.occursOn)}`}
          >
            Edit
          </Button>
        </Group>
      )}
    />
  );
}
