import { Alert, Card, DataList, Group, Stack, Text, Title } from '@mantine/core';
import { describeUnconverted } from '../../../domain/exchange-rates';
import type { RepPlan } from '../../../schemas/rep-plans';

const show = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined
    ? '—'
    : Number.isInteger(value)
      ? String(value)
      : value.toFixed(digits);

const percent = (value: number | null) => (value === null ? '—' : `${show(value * 100, 1)}%`);

function Source({ source }: { source: RepPlan['funnel']['sources'][string] | undefined }) {
  if (!source) return null;
  if (source.source === 'override')
    return (
      <Text span size="xs" c="dimmed">
        {' '}
        entered: {source.reason}
      </Text>
    );
  const counts = Object.entries(source.counts)
    .map(([name, count]) => `${count} ${countLabels[name] ?? name}`)
    .join(', ');
  return (
    <Text span size="xs" c="dimmed">
      {' '}
      {source.source === 'missing' ? 'no history' : `from ${counts}`}
    </Text>
  );
}

/** A rounded count with the exact value of the chain beside it (DOMAIN.md: show both). */
function Count({
  rounded,
  exact,
  suffix = '',
}: {
  rounded: number | null | undefined;
  exact: number | null | undefined;
  suffix?: string;
}) {
  return (
    <>
      {show(rounded)}
      {exact !== null && exact !== undefined && exact !== rounded && (
        <Text span size="xs" c="dimmed">
          {' '}
          exact {show(exact)}
        </Text>
      )}
      {rounded !== null && rounded !== undefined && suffix && (
        <Text span size="xs" c="dimmed">
          {suffix}
        </Text>
      )}
    </>
  );
}

// The history counts arrive keyed by field name; show them in the words of DOMAIN.md.
const countLabels: Record<string, string> = {
  firstMeetings: 'first meetings',
  opportunities: 'opportunities',
  won: 'won',
  lost: 'lost',
  reps: 'reps',
};

/** The reverse-engineered funnel and the week that follows from it. */
export function RepPlanFunnel({ plan }: { plan: RepPlan }) {
  const { result, sources, inputs } = plan.funnel;
  const rows: [string, React.ReactNode][] = [
    [
      'Closing ratio',
      <>
        {percent(inputs.closingRatio as number | null)}
        <Source source={sources.closingRatio} />
      </>,
    ],
    [
      'Meeting → opportunity',
      <>
        {percent(inputs.meetingToOpportunityRatio as number | null)}
        <Source source={sources.meetingToOpportunityRatio} />
      </>,
    ],
    // The team's ratios, beside the rep's own: what a small sample is measured against.
    ...(sources.teamClosingRatio
      ? [
          [
            'Team closing ratio',
            <>
              {percent(sources.teamClosingRatio.value)}
              <Source source={sources.teamClosingRatio} />
            </>,
          ] as [string, React.ReactNode],
        ]
      : []),
    ...(sources.teamMeetingToOpportunityRatio
      ? [
          [
            'Team meeting → opportunity',
            <>
              {percent(sources.teamMeetingToOpportunityRatio.value)}
              <Source source={sources.teamMeetingToOpportunityRatio} />
            </>,
          ] as [string, React.ReactNode],
        ]
      : []),
    ['Deals to win', <Count rounded={result.dealsToWin} exact={result.exact?.dealsToWin} />],
    [
      'Opportunities needed',
      <Count rounded={result.opportunitiesNeeded} exact={result.exact?.opportunitiesNeeded} />,
    ],
    [
      'First meetings needed',
      <Count rounded={result.firstMeetingsNeeded} exact={result.exact?.firstMeetingsNeeded} />,
    ],
    [
      'First meetings per week',
      <Count
        rounded={result.meetingsPerWeek?.rounded}
        exact={result.meetingsPerWeek?.exact}
        suffix={result.weeks === undefined ? '' : ` over ${result.weeks} weeks`}
      />,
    ],
  ];
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Funnel
      </Title>
      <DataList size="sm" labelWidth="180px">
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      {describeUnconverted(plan.funnel.unconverted).map((line) => (
        <Text key={line} size="sm" c="orange.8" mt="xs">
          Left out of won to date: {line}
        </Text>
      ))}
      <Title order={3} size="h5" mt="lg" mb="xs">
        This week ({plan.weekly.week})
      </Title>
      <Group gap="xl" aria-label="Weekly plan">
        <Stack gap={0}>
          <Text fw={700} size="xl">
            {show(plan.weekly.firstMeetings)}
          </Text>
          <Text size="xs">first meetings</Text>
        </Stack>
        <Stack gap={0}>
          <Text fw={700} size="xl">
            {show(plan.weekly.calls)}
          </Text>
          <Text size="xs">calls</Text>
        </Stack>
        <Stack gap={0}>
          <Text fw={700} size="xl">
            {show(plan.weekly.activities.meeting ?? 0)}
          </Text>
          <Text size="xs">meetings</Text>
        </Stack>
      </Group>
      {result.findings.map((finding) => (
        <Alert key={finding.code} mt="sm" color={finding.severity === 'error' ? 'red' : 'yellow'}>
          {finding.message}
        </Alert>
      ))}
    </Card>
  );
}
