import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ACCOUNT_STATUSES } from '../../../domain/account';
import type { ORGANISATION_MODELS } from '../../../domain/strategy-cascade';
import type { ReferenceData } from '../../../schemas/reference';
import type { Role } from '../../../schemas/session';
import type { Strategy } from '../../../schemas/strategies';
import { formatWholeMoney } from '../../components/money';
import { ACCOUNT_STATUS_LABELS } from '../accounts/useAccounts';
import { fiscalMonthNames } from './SeasonalityFields';
import { StrategySummary } from './StrategyPanel';

const MODELS: Record<(typeof ORGANISATION_MODELS)[number], { label: string; hint: string }> = {
  territory: { label: 'Territory', hint: 'Each rep carries the whole mix' },
  specialised: { label: 'Specialised', hint: 'Reps hold segments' },
  mixed: { label: 'Mixed', hint: 'Territory and specialised reps' },
};

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {hint && <Text size="sm">{hint}</Text>}
    </div>
  );
}

// The reader's own share: a rep's cascade row, a manager's team (the rows they may see).
function ownTarget(strategy: Strategy, role: Role, userId: string) {
  const rows = strategy.cascade.reps;
  if (role === 'rep') {
    const own = rows.find((rep) => rep.repId === userId);
    return own && { label: 'Your target', minor: own.targetMinor, hint: undefined };
  }
  if (role === 'manager') {
    const team = rows.filter((rep) => rep.repId !== userId);
    if (team.length === 0) return undefined;
    return {
      label: "Your team's target",
      minor: team.reduce((total, rep) => total + rep.targetMinor, 0),
      hint: `${team.length} rep${team.length === 1 ? '' : 's'}`,
    };
  }
  return undefined;
}

/**
 * The strategy for those who read it (reps and managers): the figures, their own target, the
 * cascade, the monthly targets as a chart and a table, and the activity norms; no form.
 */
export function StrategyReadView({
  strategy,
  reference,
  role,
  userId,
}: {
  strategy: Strategy;
  reference: ReferenceData;
  role: Role;
  userId: string;
}) {
  const money = (minor: number) => formatWholeMoney(minor, strategy.currency);
  const months = fiscalMonthNames(strategy.startMonth);
  const own = ownTarget(strategy, role, userId);
  const segmentName = (id: string) => reference.segments.find((s) => s.id === id)?.name ?? id;
  const mixShare = strategy.segmentMix.reduce((total, s) => total + s.shareBasisPoints, 0);
  const mix = [
    ...strategy.segmentMix.map(
      (s) => `${segmentName(s.segmentId)} ${(s.shareBasisPoints / 100).toFixed(0)}%`,
    ),
    ...(mixShare < 10_000 ? [`other ${((10_000 - mixShare) / 100).toFixed(0)}%`] : []),
  ].join(' · ');
  return (
    <Stack>
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
          <Figure label="Organisation target" value={money(strategy.targetMinor)} />
          {own && <Figure label={own.label} value={money(own.minor)} hint={own.hint} />}
          <Figure
            label="Fiscal year"
            value={String(strategy.year)}
            hint={`${months[0]} to ${months[11]}`}
          />
          <Figure
            label="Organisation model"
            value={MODELS[strategy.model].label}
            hint={MODELS[strategy.model].hint}
          />
        </SimpleGrid>
        {mix && (
          <Text size="sm" mt="md">
            Segment mix: {mix}
          </Text>
        )}
      </Card>
      <StrategySummary strategy={strategy} />
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb={4}>
          Activity norms
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Activities a year per account, by segment and account status: your activity plan counts
          them for your target accounts.
        </Text>
        <NormsReadTable strategy={strategy} reference={reference} />
      </Card>
    </Stack>
  );
}

function NormsReadTable({ strategy, reference }: { strategy: Strategy; reference: ReferenceData }) {
  const types = reference.activityTypes.filter((type) =>
    strategy.norms.some((n) => n.activityType === type.key && n.countPerYear > 0),
  );
  const rows = reference.segments.flatMap((segment) =>
    ACCOUNT_STATUSES.map((status) => ({ segment, status }))
      .map(({ segment: s, status }) => ({
        key: `${s.id}:${status}`,
        label: `${s.name} · ${ACCOUNT_STATUS_LABELS[status].toLowerCase()}`,
        counts: types.map(
          (type) =>
            strategy.norms.find(
              (n) =>
                n.segmentId === s.id && n.accountStatus === status && n.activityType === type.key,
            )?.countPerYear ?? 0,
        ),
      }))
      .filter((row) => row.counts.some((count) => count > 0)),
  );
  if (rows.length === 0) return <Text size="sm">No activity norms are set for this year.</Text>;
  return (
    <Table.ScrollContainer minWidth={200 + types.length * 80}>
      <Table aria-label="Activity norms" tabularNums striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Segment · status</Table.Th>
            {types.map((type) => (
              <Table.Th key={type.key} ta="right">
                {type.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={400}>
                {row.label}
              </Table.Th>
              {row.counts.map((count, i) => (
                <Table.Td key={types[i]?.key ?? i} ta="right">
                  {count}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
