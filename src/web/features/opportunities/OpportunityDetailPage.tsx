import {
  Anchor,
  Button,
  Card,
  DataList,
  Grid,
  Group,
  Select,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router';
import type { OpportunityDetail } from '../../../schemas/opportunities';
import { errorMessage } from '../../api/client';
import { formatDay } from '../../components/dates';
import { DetailPageActions } from '../../components/DetailPageActions';
import { formatMoney } from '../../components/money';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { RelatedActivities } from '../activities/RelatedActivities';
import { useReference } from '../reference/useReference';
import { weightedValueMinor } from '../../../domain/pipeline';
import { ExpectedClose } from './ExpectedClose';
import { StageBadge } from './StageBadge';
import { useDeleteOpportunity, useOpportunity, useUpdateOpportunity } from './useOpportunities';
import { BackLink } from '../../components/BackLink';

function OpportunityFacts({ opportunity }: { opportunity: OpportunityDetail }) {
  const weightedMinor = weightedValueMinor(
    opportunity.amountMinor,
    opportunity.probabilityPercent / 100,
  );
  const rows: [string, React.ReactNode][] = [
    [
      'Account',
      opportunity.accountId ? (
        <Anchor component={Link} to={`/accounts/${opportunity.accountId}`}>
          {opportunity.accountName}
        </Anchor>
      ) : (
        '—'
      ),
    ],
    ['Owner', opportunity.ownerName],
    ['Product', opportunity.productName ?? '—'],
    ['Amount', formatMoney(opportunity.amountMinor, opportunity.currency)],
    [
      'Weighted value',
      opportunity.stageKind === 'open'
        ? `${formatMoney(weightedMinor, opportunity.currency)} (${opportunity.probabilityPercent}%)`
        : '—',
    ],
    ['Created on', formatDay(opportunity.createdOn)],
    ['Expected close', <ExpectedClose key="close" opportunity={opportunity} />],
    ['Closed on', formatDay(opportunity.closedOn)],
    ['External ID', opportunity.externalId ?? '—'],
  ];
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h4" mb="sm">
        Details
      </Title>
      <DataList size="sm" labelWidth="140px">
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      <Title order={3} size="h5" mt="lg" mb={4}>
        Next step
      </Title>
      <Text
        size="sm"
        c={opportunity.nextStep ? undefined : 'dimmed'}
        style={{ whiteSpace: 'pre-wrap' }}
      >
        {opportunity.nextStep || 'No next step written down. A deal without one tends to stall.'}
      </Text>
    </Card>
  );
}

function StageHistory({ opportunity }: { opportunity: OpportunityDetail }) {
  const changes = [...opportunity.stageHistory].sort((a, b) =>
    b.changedOn.localeCompare(a.changedOn),
  );
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h4" mb="md">
        Stage history
      </Title>
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          No stage changes recorded yet.
        </Text>
      ) : (
        <Timeline active={0} bulletSize={14} lineWidth={2}>
          {changes.map((change, index) => (
            <Timeline.Item
              key={`${change.changedOn}-${index}`}
              title={
                change.fromStageName
                  ? `${change.fromStageName} → ${change.toStageName}`
                  : `Created in ${change.toStageName}`
              }
            >
              <Text size="xs" c="dimmed">
                {formatDay(change.changedOn)}
                {change.changedByName ? ` · ${change.changedByName}` : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}

function MoveStage({ opportunity }: { opportunity: OpportunityDetail }) {
  const reference = useReference();
  const update = useUpdateOpportunity();
  const stages = [...(reference.data?.stages ?? [])].sort((a, b) => a.position - b.position);
  return (
    <Select
      aria-label="Move to stage"
      placeholder="Move to stage"
      data={stages.map((stage) => ({ value: stage.id, label: stage.name }))}
      value={opportunity.stageId}
      allowDeselect={false}
      disabled={update.isPending}
      w={200}
      onChange={(stageId) => {
        if (!stageId || stageId === opportunity.stageId) return;
        update.mutate(
          { id: opportunity.id, patch: { stageId } },
          {
            onSuccess: (saved) =>
              notifications.show({
                color: 'green',
                title: 'Stage changed',
                message: `${saved.name}: ${saved.stageName}`,
              }),
            onError: (error) =>
              notifications.show({
                color: 'red',
                title: 'Stage not changed',
                message: errorMessage(error),
              }),
          },
        );
      }}
    />
  );
}

export function OpportunityDetailPage() {
  const { opportunityId } = useParams();
  const opportunity = useOpportunity(opportunityId);
  const remove = useDeleteOpportunity();

  if (opportunity.isPending) return <DetailSkeleton />;
  if (opportunity.isError) {
    return (
      <Stack>
        <BackLink to="/opportunities">Deals</BackLink>
        <ErrorAlert
          title="Could not load this deal"
          error={opportunity.error}
          onRetry={() => void opportunity.refetch()}
        />
      </Stack>
    );
  }
  const data = opportunity.data;

  return (
    <Stack gap="lg">
      <BackLink to="/opportunities">Deals</BackLink>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1}>{data.name}</Title>
            <StageBadge
              name={data.stageName}
              kind={data.stageKind}
              probabilityPercent={data.probabilityPercent}
            />
          </Group>
          <Text c="dimmed">
            {formatMoney(data.amountMinor, data.currency)}
            {data.accountName ? ` · ${data.accountName}` : ''} · {data.ownerName}
          </Text>
        </div>
        <DetailPageActions
          record={data}
          noun="deal"
          editTo={`/opportunities/${data.id}/edit`}
          afterDeleteTo="/opportunities"
          deleteDescription="The deal and its stage history are removed. This cannot be undone."
          remove={remove}
        >
          <MoveStage opportunity={data} />
          <Button component={Link} to={`/opportunities/${data.id}/plan`} variant="filled">
            Deal plan
          </Button>
        </DetailPageActions>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <OpportunityFacts opportunity={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <StageHistory opportunity={data} />
        </Grid.Col>
      </Grid>
      <RelatedActivities
        title="Activities"
        filter={{ opportunityId: data.id }}
        pageSize={50}
        defaults={{
          accountId: data.accountId ?? undefined,
          accountName: data.accountName ?? undefined,
          opportunityId: data.id,
        }}
        empty={{
          title: 'No activities on this deal',
          description: 'Plan the next meeting or call that moves it forward.',
        }}
        cannotAddReason={data.accountId ? undefined : 'Link the deal to an account first'}
      />
    </Stack>
  );
}
