import { Anchor, Button, Card, DataList, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { Account } from '../../../schemas/accounts';
import { formatInstant } from '../../components/dates';
import { DetailPageActions } from '../../components/DetailPageActions';
import { PlusIcon } from '../../components/icons';
import { formatMoney } from '../../components/money';
import { DetailSkeleton, EmptyList, ErrorAlert, TableSkeleton } from '../../components/PageStates';
import { RecordList } from '../../components/RecordList';
import { RelatedActivities } from '../activities/RelatedActivities';
import { AccountContacts } from '../contacts/AccountContacts';
import { ExpectedClose } from '../opportunities/ExpectedClose';
import { StageBadge } from '../opportunities/StageBadge';
import { useOpportunityList } from '../opportunities/useOpportunities';
import { useSession } from '../session/useSession';
import { AccountStatusBadge } from './AccountListPage';
import { useAccount, useDeleteAccount } from './useAccounts';
import { BackLink } from '../../components/BackLink';

function AccountFacts({ account }: { account: Account }) {
  const session = useSession();
  const currency = session.data?.organisation.currency ?? 'EUR';
  const website = account.website;
  const websiteHref = website && (/^https?:\/\//.test(website) ? website : `https://${website}`);
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h4" mb="sm">
        Details
      </Title>
      <DataList size="sm" labelWidth="140px">
        {(
          [
            ['Segment', account.segmentName ?? '—'],
            ['Owner', account.ownerName ?? 'Unassigned'],
            ['Industry', account.industry ?? '—'],
            ['Country', account.country ?? '—'],
            ['Employees', account.employees?.toLocaleString() ?? '—'],
            [
              'Annual revenue',
              account.annualRevenueMinor === null
                ? '—'
                : formatMoney(account.annualRevenueMinor, currency),
            ],
            ['Parent company', account.parentName ?? '—'],
            [
              'Website',
              websiteHref ? (
                <Anchor
                  href={websiteHref}
                  target="_blank"
                  rel="noreferrer"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {website}
                </Anchor>
              ) : (
                '—'
              ),
            ],
            ['External ID', account.externalId ?? '—'],
            ['Updated', formatInstant(account.updatedAt)],
          ] as const
        ).map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </Card>
  );
}

function AccountOpportunities({ account }: { account: Account }) {
  const list = useOpportunityList({
    accountId: account.id,
    pageSize: 50,
    sort: 'expectedCloseOn',
    order: 'asc',
  });
  const newHref = `/opportunities/new?accountId=${account.id}&accountName=${encodeURIComponent(account.name)}`;
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Opportunities
        </Title>
        <Group gap="xs">
          {list.data && list.data.total > list.data.items.length && (
            <Anchor component={Link} to={`/opportunities?accountId=${account.id}`} size="sm">
              All {list.data.total}
            </Anchor>
          )}
          <Button
            component={Link}
            to={newHref}
            size="xs"
            variant="light"
            leftSection={<PlusIcon size={14} />}
          >
            New opportunity
          </Button>
        </Group>
      </Group>
      {list.isPending ? (
        <TableSkeleton columns={4} rows={3} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyList
          title="No opportunities"
          description="No deal has been recorded with this account yet."
        />
      ) : (
        <RecordList
          label="Opportunities of this account"
          rows={list.data.items}
          rowKey={(opportunity) => opportunity.id}
          rowLink={(opportunity) => `/opportunities/${opportunity.id}`}
          minWidth={560}
          columns={[
            { label: 'Name', cell: (o) => o.name },
            { label: 'Stage', cell: (o) => <StageBadge name={o.stageName} kind={o.stageKind} /> },
            {
              label: 'Amount',
              align: 'right',
              noWrap: true,
              cell: (o) => formatMoney(o.amountMinor, o.currency),
            },
            { label: 'Expected close', cell: (o) => <ExpectedClose opportunity={o} /> },
          ]}
        />
      )}
    </Card>
  );
}

export function AccountDetailPage() {
  const { accountId } = useParams();
  const account = useAccount(accountId);
  const remove = useDeleteAccount();

  if (account.isPending) return <DetailSkeleton />;
  if (account.isError) {
    return (
      <Stack>
        <BackLink to="/accounts">Accounts</BackLink>
        <ErrorAlert
          title="Could not load this account"
          error={account.error}
          onRetry={() => void account.refetch()}
        />
      </Stack>
    );
  }
  const data = account.data;

  return (
    <Stack gap="lg">
      <BackLink to="/accounts">Accounts</BackLink>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1}>{data.name}</Title>
            <AccountStatusBadge status={data.status} />
          </Group>
          <Text c="dimmed">
            {[
              data.segmentName &&
                (/^segment\b/i.test(data.segmentName)
                  ? data.segmentName
                  : `Segment ${data.segmentName}`),
              data.ownerName && `Owned by ${data.ownerName}`,
            ]
              .filter(Boolean)
              .join(' · ') || 'No segment or owner yet'}
          </Text>
        </div>
        <DetailPageActions
          record={data}
          noun="account"
          editTo={`/accounts/${data.id}/edit`}
          afterDeleteTo="/accounts"
          deleteDescription="This cannot be undone. An account that still has opportunities cannot be deleted: close or move them first."
          remove={remove}
        />
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <AccountFacts account={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <AccountContacts accountId={data.id} />
        </Grid.Col>
      </Grid>
      <AccountOpportunities account={data} />
      <RelatedActivities
        title="Recent activities"
        filter={{ accountId: data.id }}
        pageSize={10}
        defaults={{ accountId: data.id, accountName: data.name }}
        empty={{
          title: 'No activities',
          description:
            'Plan the next call or meeting so this account gets the attention its segment calls for.',
        }}
      />
    </Stack>
  );
}
