import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { KeyAccountOverride } from '../../../domain/key-accounts-model';
import type { Ranking, RankingItem } from '../../../schemas/key-accounts';
import { errorMessage } from '../../api/client';
import { ExportCsvMenu } from '../../components/ExportCsvMenu';
import { ListFilters } from '../../components/ListPage';
import { formatWholeMoney } from '../../components/money';
import { ErrorAlert, TableSkeleton } from '../../components/PageStates';
import { type RecordColumn, RecordList } from '../../components/RecordList';
import { AccountRatingsForm } from './AccountRatingsForm';
import { isMoneySource } from './key-account-labels';
import { RankingFilters, useRankingFilters } from './RankingFilters';
import { useConfirmKeyAccounts, useRanking } from './useKeyAccounts';

// Every account by potential score, each criterion's part of it, the proposed key accounts and,
// for a leader, the confirmation with overrides (each with a reason). Whoever may rate an account
// enters its 1–5 ratings on the model's rating criteria from its row.

const percent = (value: number) => `${(value * 100).toFixed(1)}`;

function figure(value: number | null, source: string, currency: string) {
  if (value === null) return '—';
  return isMoneySource(source) ? formatWholeMoney(value, currency) : String(value);
}

type Override = { decision: KeyAccountOverride; reason: string };

/** Rank and account first (a card's title), each criterion's part, then the decision. */
function rankingColumns(
  data: Ranking,
  currency: string,
  canConfirm: boolean,
  overrides: Record<string, Override>,
  toggle: (item: RankingItem) => void,
): [RecordColumn<RankingItem>, ...RecordColumn<RankingItem>[]] {
  return [
    {
      label: 'Rank and account',
      cell: (item) => (
        <>
          <Text size="sm" fw={500}>
            {item.rank}. {item.accountName}
          </Text>
          <Text size="xs" c="gray.7" fw={400}>
            {item.ownerName ?? 'No owner'}
          </Text>
        </>
      ),
    },
    { label: 'Score', cell: (item) => percent(item.score), noWrap: true },
    ...data.criteria.map((c): RecordColumn<RankingItem> => ({
      label: `${c.name} ×${c.weight}`,
      cell: (item) => {
        const part = item.contributions.find((p) => p.criterionId === c.id);
        if (!part) return '—';
        return (
          <>
            <Text size="sm">{figure(part.value, part.source, currency)}</Text>
            <Text size="xs" c="gray.7">
              {part.normalised.toFixed(2)} × {part.weight} → {percent(part.contribution)}
            </Text>
          </>
        );
      },
    })),
    {
      label: 'Key account',
      cell: (item) => (
        <>
          <Group gap={4}>
            {item.proposed && <Badge variant="light">Proposed</Badge>}
            {item.confirmed && <Badge color="green">Confirmed</Badge>}
            {!item.proposed && !item.confirmed && '—'}
          </Group>
          {item.override && (
            <Text size="xs" c="gray.7">
              {item.override.decision === 'include' ? 'Included' : 'Excluded'}:{' '}
              {item.override.reason}
            </Text>
          )}
        </>
      ),
    },
    ...(canConfirm
      ? [
          {
            label: 'Override',
            cell: (item: RankingItem) => (
              <Checkbox
                aria-label={`${item.proposed ? 'Exclude' : 'Include'} ${item.accountName}`}
                label={item.proposed ? 'Exclude' : 'Include'}
                checked={overrides[item.accountId] !== undefined}
                onChange={() => toggle(item)}
              />
            ),
          },
        ]
      : []),
  ];
}

export function RankingPanel({ currency, canConfirm }: { currency: string; canConfirm: boolean }) {
  const filters = useRankingFilters();
  const ranking = useRanking({ ...filters.query, pageSize: 50 });
  // null until the leader changes one: then this year's standing overrides, so confirming again
  // keeps them (a confirmation replaces the whole set) unless the leader unticks them.
  const [changedOverrides, setOverrides] = useState<Record<string, Override> | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const [ratingId, setRatingId] = useState<string | null>(null);
  const confirm = useConfirmKeyAccounts();
  if (ranking.isPending) return <TableSkeleton columns={6} />;
  if (ranking.isError)
    return <ErrorAlert error={ranking.error} onRetry={() => void ranking.refetch()} />;
  const data: Ranking = ranking.data;
  if (data.modelVersion === 0)
    return <Alert color="blue">There is no scoring model yet: a leader defines it first.</Alert>;

  const overrides =
    changedOverrides ??
    Object.fromEntries(
      data.standingOverrides.map((o) => [o.accountId, { decision: o.decision, reason: o.reason }]),
    );
  const toggle = (item: RankingItem) =>
    setOverrides(
      overrides[item.accountId]
        ? Object.fromEntries(Object.entries(overrides).filter(([id]) => id !== item.accountId))
        : {
            ...overrides,
            [item.accountId]: { decision: item.proposed ? 'exclude' : 'include', reason: '' },
          },
    );
  const overrideList = Object.entries(overrides).map(([accountId, o]) => ({ accountId, ...o }));
  const nameOf = (id: string) =>
    data.items.find((i) => i.accountId === id)?.accountName ??
    data.standingOverrides.find((o) => o.accountId === id)?.accountName ??
    id;
  const ratingCriteria = data.criteria.filter((c) => c.kind === 'rating');
  const rating = data.items.find((i) => i.accountId === ratingId);

  return (
    <Stack gap="md">
      <Text size="sm">
        Model version {data.modelVersion}: {data.proposedCount} of {data.accountCount} accounts
        proposed (top {data.cutPercent}%, ties at the cut included). Fiscal year {data.fiscalYear}:{' '}
        {data.confirmedCount} key accounts confirmed
        {data.confirmedModelVersion === null
          ? ''
          : ` with model version ${data.confirmedModelVersion}`}
        .
      </Text>
      {data.comparedWith !== null &&
        (data.changes.movedIn.length > 0 || data.changes.movedOut.length > 0) && (
          <Alert
            color="orange"
            variant="light"
            title={
              data.comparedWith.fiscalYear === data.fiscalYear
                ? 'Confirming now would change the list'
                : `Annual review: the proposal against the ${data.comparedWith.fiscalYear} list (${data.comparedWith.count} key accounts)`
            }
          >
            {data.changes.movedIn.length > 0 && (
              <Text size="sm">
                Moves in:{' '}
                {data.changes.movedIn.map((m) => `${m.accountName} (#${m.rank})`).join(', ')}
              </Text>
            )}
            {data.changes.movedOut.length > 0 && (
              <Text size="sm">
                Moves out:{' '}
                {data.changes.movedOut.map((m) => `${m.accountName} (#${m.rank})`).join(', ')}
              </Text>
            )}
          </Alert>
        )}
      <Group justify="space-between">
        <ListFilters activeCount={Object.values(filters.query).filter(Boolean).length}>
          <RankingFilters values={filters.values} setFilters={filters.setFilters} />
        </ListFilters>
        <Group gap="sm">
          <ExportCsvMenu
            path="/api/key-accounts/ranking"
            filters={filters.query}
            importsBack={false}
          />
          {canConfirm && (
            <Button onClick={() => setIsConfirming(true)}>
              Confirm the key accounts
              {overrideList.length === 1 ? ' (1 override)' : ''}
              {overrideList.length > 1 ? ` (${overrideList.length} overrides)` : ''}
            </Button>
          )}
        </Group>
      </Group>
      <RecordList
        label="Ranking"
        rows={data.items}
        rowKey={(item) => item.accountId}
        columns={rankingColumns(data, currency, canConfirm, overrides, toggle)}
        actions={
          ratingCriteria.length > 0
            ? (item) =>
                item.canRate && (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    aria-label={`Rate ${item.accountName}`}
                    onClick={() => setRatingId(item.accountId)}
                  >
                    Rate
                  </Button>
                )
            : undefined
        }
        striped
        // Below this a tablet scrolls sideways; a phone gets cards, a desktop the whole table.
        minWidth={480 + 100 * data.criteria.length}
      />
      {data.total > data.items.length && (
        <Text size="sm" c="gray.7">
          Showing the first {data.items.length} of {data.total} accounts.
        </Text>
      )}
      <Modal
        opened={rating !== undefined}
        onClose={() => setRatingId(null)}
        title={rating ? `Ratings of ${rating.accountName}` : ''}
      >
        {rating && (
          <AccountRatingsForm
            key={rating.accountId}
            item={rating}
            criteria={ratingCriteria}
            onDone={() => setRatingId(null)}
          />
        )}
      </Modal>
      <Modal
        opened={isConfirming}
        onClose={() => setIsConfirming(false)}
        title="Confirm the key accounts"
      >
        <Stack>
          <Text size="sm">
            The {data.proposedCount} proposed accounts of model version {data.modelVersion}
            {overrideList.length > 0 ? ', with these overrides:' : ', without overrides.'}
          </Text>
          {overrideList.map((o) => (
            <TextInput
              key={o.accountId}
              label={`${o.decision === 'include' ? 'Include' : 'Exclude'} ${nameOf(o.accountId)}: why?`}
              value={o.reason}
              required
              onChange={(event) => {
                const reason = event.currentTarget.value;
                setOverrides({ ...overrides, [o.accountId]: { decision: o.decision, reason } });
              }}
            />
          ))}
          {confirm.isError && (
            <Alert color="red" role="alert">
              {errorMessage(confirm.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setIsConfirming(false)}>
              Cancel
            </Button>
            <Button
              loading={confirm.isPending}
              onClick={() =>
                confirm.mutate(
                  { modelVersion: data.modelVersion, overrides: overrideList },
                  {
                    onSuccess: (result) => {
                      setIsConfirming(false);
                      setOverrides(null);
                      notifications.show({
                        color: 'green',
                        title: 'Key accounts confirmed',
                        message: `${result.confirmedCount} key accounts for ${result.fiscalYear}`,
                      });
                    },
                  },
                )
              }
            >
              Confirm
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Title order={3} size="h6" c="gray.7">
        Each criterion shows the account&apos;s value, then normalised × weight → its part of the
        score (in points of 100).
        {ratingCriteria.length > 0 && ' Ratings 1–5 are entered per account with Rate on its row.'}
      </Title>
    </Stack>
  );
}
