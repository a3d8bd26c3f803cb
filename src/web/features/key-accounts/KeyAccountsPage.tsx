import { Alert, Anchor, Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import type { KeyAccountList as KeyAccounts } from '../../../schemas/key-accounts-plans';
import { formatDay } from '../../components/dates';
import { ExportCsvMenu } from '../../components/ExportCsvMenu';
import { ErrorAlert, TableSkeleton } from '../../components/PageStates';
import { RecordList } from '../../components/RecordList';
import { useSession } from '../session/useSession';
import { RankingPanel } from './RankingPanel';
import { ScoringModelForm } from './ScoringModelForm';
import { useKeyAccountList, useScoringModel } from './useKeyAccounts';

// Key accounts: this year's confirmed list with each plan's state and next review (everyone, for
// the accounts they may read), the ranking (leaders confirm it) and the scoring model.

function KeyAccountList({ isLeader }: { isLeader: boolean }) {
  const list = useKeyAccountList();
  if (list.isPending) return <TableSkeleton columns={5} />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0)
    return (
      <Alert color="blue">
        No key accounts confirmed for {list.data.fiscalYear} among the accounts you can see.
        {isLeader && (
          <>
            {' '}
            The list is reviewed once a year:{' '}
            <Anchor component={Link} to="/key-accounts?tab=ranking">
              look at the ranking and confirm the {list.data.fiscalYear} key accounts
            </Anchor>
            .
          </>
        )}
      </Alert>
    );
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <ExportCsvMenu path="/api/key-accounts" filters={{}} importsBack={false} />
      </Group>
      <KeyAccountTable items={list.data.items} />
    </Stack>
  );
}

function PlanStateBadge({ item }: { item: KeyAccounts['items'][number] }) {
  if (item.planVersion === 0)
    return (
      <Badge color="gray" variant="light">
        Not written
      </Badge>
    );
  if (item.managerAcknowledgedAt)
    return (
      <Badge color="green" variant="light">
        Acknowledged
      </Badge>
    );
  return item.repSignedAt ? (
    <Badge color="blue" variant="light">
      Signed
    </Badge>
  ) : (
    <Badge color="orange" variant="light">
      Draft
    </Badge>
  );
}

function KeyAccountTable({ items }: { items: KeyAccounts['items'] }) {
  return (
    <RecordList
      label="Key accounts"
      rows={items}
      rowKey={(item) => item.accountId}
      rowLink={(item) => `/key-accounts/${item.accountId}`}
      minWidth={640}
      striped
      columns={[
        {
          label: 'Account',
          cell: (item) => (
            <>
              {item.accountName}
              {!item.isProposed && (
                <Text size="xs" c="gray.7" fw={400}>
                  Included by a leader
                </Text>
              )}
            </>
          ),
        },
        { label: 'Owner', cell: (item) => item.ownerName ?? '—' },
        { label: 'Score', cell: (item) => (item.score * 100).toFixed(1) },
        { label: 'Plan', cell: (item) => <PlanStateBadge item={item} /> },
        {
          label: 'Next review',
          cell: (item) => (
            <>
              {item.nextReviewDue ? formatDay(item.nextReviewDue) : '—'}{' '}
              {item.isReviewDue && (
                <Badge color="red" variant="light">
                  Due
                </Badge>
              )}
            </>
          ),
        },
      ]}
    />
  );
}

function ModelTab() {
  const model = useScoringModel();
  if (model.isPending) return <TableSkeleton columns={3} />;
  if (model.isError) return <ErrorAlert error={model.error} onRetry={() => void model.refetch()} />;
  if (!model.data.canEdit)
    return (
      <Stack gap="xs">
        <Text size="sm">
          Version {model.data.version}, top {model.data.cutPercent}%:
        </Text>
        {model.data.criteria.map((c) => (
          <Text key={c.id} size="sm">
            {c.name} × {c.weight}
          </Text>
        ))}
      </Stack>
    );
  return (
    <Stack gap="lg">
      {/* Remount on a new version, so the form starts from what was saved. */}
      <ScoringModelForm key={model.data.version} model={model.data} />
      {model.data.history.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h5">
            Versions
          </Title>
          {model.data.history.map((v) => (
            <Text key={v.version} size="sm">
              Version {v.version}, {formatDay(v.createdAt.slice(0, 10))} by{' '}
              {v.createdByName ?? 'someone'}: top {v.cutPercent}%,{' '}
              {v.criteria.map((c) => `${c.name} ×${c.weight}`).join(', ')}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function KeyAccountsPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const role = session.data?.user.role;
  const currency = session.data?.organisation.currency ?? 'EUR';
  const isLeader = role === 'leader' || role === 'admin';
  const tab = params.get('tab') ?? 'list';
  return (
    <Stack gap="lg">
      <Title order={1}>Key accounts</Title>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value === 'list' ? {} : { tab: value ?? 'list' })}
      >
        <Tabs.List>
          <Tabs.Tab value="list">This year&apos;s key accounts</Tabs.Tab>
          <Tabs.Tab value="ranking">Ranking</Tabs.Tab>
          <Tabs.Tab value="model">Scoring model</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <KeyAccountList isLeader={isLeader} />
        </Tabs.Panel>
        <Tabs.Panel value="ranking" pt="md">
          {tab === 'ranking' && <RankingPanel currency={currency} canConfirm={isLeader} />}
        </Tabs.Panel>
        <Tabs.Panel value="model" pt="md">
          {tab === 'model' && <ModelTab />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
