import { useState } from 'react';
import { Anchor, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Strategy } from '../../../schemas/strategies';
import { formatWholeMoney } from '../../components/money';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { CascadeTable, UncoveredSegmentsAlert } from './CascadeTable';
import { SeasonalityChart } from './SeasonalityChart';
import { useCurrentFiscalYear } from '../session/useSession';
import { useStrategy } from './useStrategy';

/** What a saved strategy works out to: the cascade to reps, uncovered segments, seasonality. */
export function StrategySummary({ strategy }: { strategy: Strategy }) {
  return (
    <>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb={4}>
          Targets by rep and segment
        </Title>
        <Text mb="sm">
          Target {formatWholeMoney(strategy.targetMinor, strategy.currency)} · {strategy.model}{' '}
          organisation
        </Text>
        <Stack gap="sm">
          <UncoveredSegmentsAlert strategy={strategy} />
          <CascadeTable strategy={strategy} />
        </Stack>
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb={4}>
          Monthly targets
        </Title>
        <SeasonalityChart strategy={strategy} />
      </Card>
    </>
  );
}

/** The organisation strategy of a year, read-only, for the Team page. */
export function StrategyPanel() {
  const thisYear = useCurrentFiscalYear();
  const [year, setYear] = useState(thisYear);
  const strategy = useStrategy(year);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Strategy {year}</Title>
        <Group>
          <Anchor component={Link} to={`/strategy?year=${year}`} size="sm">
            Open the strategy
          </Anchor>
          <Select
            aria-label="Strategy year"
            w={120}
            data={[thisYear - 1, thisYear, thisYear + 1].map(String)}
            value={String(year)}
            onChange={(value) => value && setYear(Number(value))}
            allowDeselect={false}
          />
        </Group>
      </Group>
      {strategy.isPending && <DetailSkeleton />}
      {strategy.isError && <ErrorAlert error={strategy.error} />}
      {strategy.data === null && <Text c="dimmed">No strategy is set for {year}.</Text>}
      {strategy.data && <StrategySummary strategy={strategy.data} />}
    </Stack>
  );
}
