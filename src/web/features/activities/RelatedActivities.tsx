import { useState } from 'react';
import { Button, Card, Group, Text, Title } from '@mantine/core';
import type { Activity } from '../../../schemas/activities';
import { PlusIcon } from '../../components/icons';
import { EmptyList, ErrorAlert, TableSkeleton } from '../../components/PageStates';
import type { ActivityDefaults } from './ActivityForm';
import { ActivityFormModal } from './ActivityFormModal';
import { ActivityTable } from './ActivityTable';
import { useActivityList } from './useActivities';

/**
 * The latest activities of one account or one deal, with "Log a call" (a done call of today on
 * it: one click opens, one click saves) and "New activity" pre-filled for it.
 */
export function RelatedActivities({
  title,
  filter,
  pageSize,
  defaults,
  empty,
  cannotAddReason,
}: {
  title: string;
  filter: { accountId: string } | { opportunityId: string };
  pageSize: number;
  defaults: ActivityDefaults;
  empty: { title: string; description: string };
  /** Why no activity can be added here yet (the button is disabled with it as its hint). */
  cannotAddReason?: string | undefined;
}) {
  const [editing, setEditing] = useState<{
    activity?: Activity;
    defaults?: ActivityDefaults;
    title?: string;
  } | null>(null);
  const list = useActivityList({ ...filter, pageSize, sort: 'occursOn', order: 'desc' });
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Group gap="xs">
          {list.data && list.data.total > list.data.items.length && (
            <Text size="sm" c="dimmed">
              Latest {list.data.items.length} of {list.data.total}
            </Text>
          )}
          <Button
            size="xs"
            leftSection={<PlusIcon size={14} />}
            onClick={() =>
              setEditing({
                defaults: { ...defaults, type: 'call', status: 'done' },
                title: 'Log a call',
              })
            }
            disabled={cannotAddReason !== undefined}
            title={cannotAddReason}
          >
            Log a call
          </Button>
          <Button
            size="xs"
            variant="light"
            leftSection={<PlusIcon size={14} />}
            onClick={() => setEditing({ defaults })}
            disabled={cannotAddReason !== undefined}
            title={cannotAddReason}
          >
            New activity
          </Button>
        </Group>
      </Group>
      {list.isPending ? (
        <TableSkeleton columns={6} rows={3} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyList title={empty.title} description={empty.description} />
      ) : (
        <ActivityTable
          activities={list.data.items}
          onEdit={(activity) => setEditing({ activity })}
          showAccount={!('accountId' in filter)}
          showOpportunity={!('opportunityId' in filter)}
        />
      )}
      <ActivityFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        activity={editing?.activity}
        defaults={editing?.defaults ?? defaults}
        title={editing?.title}
      />
    </Card>
  );
}
