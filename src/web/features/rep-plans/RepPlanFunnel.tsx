import { Alert, Card, DataList, Text, Title } from '@mantine/core';
import { addMonthsToMonth } from '../../../domain/calendar';
import { describeUnconverted } from '../../../domain/exchange-rates';
import { planningOpensOn } from '../../../domain/rep-plan-states';
import type { RepPlan } from '../../../schemas/rep-plans';
import { formatDay } from '../../components/dates';
import { countOf } from './plan-words';

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

const countText = (value: number | null | undefined, singular: string, plural?: string) =>
  value === null || value === undefined ? '—' : countOf(value, singular, plural);

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
    ['Deals to win', countText(result.dealsToWin, 'deal')],
    [
      'Opportunities needed',
      countText(result.opportunitiesNeeded ?? null, 'opportunity', 'opportunities'),
    ],
    ['First meetings needed', countText(result.firstMeetingsNeeded, 'first meeting')],
    [
      'First meetings per week',
      result.meetingsPerWeek
        ? `${countText(result.meetingsPerWeek.rounded, 'first meeting')} over ${countOf(result.weeks ?? 0, 'week')}`
        : '—',
    ],
  ];
  const exact = result.exact;
  // The exact chain once, where it helps: each count is the one before divided by its ratio.
  const chain =
    exact && exact.firstMeetingsNeeded !== null && exact.dealsToWin !== null
      ? `Exactly ${show(exact.dealsToWin)} deals → ${show(exact.opportunitiesNeeded)} opportunities → ${show(exact.firstMeetingsNeeded)} first meetings, each rounded up.`
      : null;
  const endOfYear = result.findings.find((finding) => finding.code === 'no_week_left');
  const nextYearOpensOn = plan.targets
    ? planningOpensOn(addMonthsToMonth(plan.targets.fiscalYearStart.slice(0, 7), 12))
    : null;
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
        <Text key={line} size="sm" fw={600} mt="xs">
          Left out of won to date: {line}
        </Text>
      ))}
      {chain && (
        <Text size="xs" c="dimmed" mt="xs">
          {chain}
        </Text>
      )}
      {endOfYear && (
        // The year is ending, nothing is wrong: say it once, with what to do.
        <Alert mt="sm" color="blue" title={`The ${plan.year} selling season is over`}>
          A deal started now would close after the year ends, so the funnel asks for no more first
          meetings this year. The weekly plan still holds the norms’ meetings with your target
          accounts: they build next year’s pipeline. Plan it in your {plan.year + 1} plan
          {nextYearOpensOn ? `, which opens on ${formatDay(nextYearOpensOn)}` : ''} (three months
          before the year starts).
        </Alert>
      )}
      {result.findings
        .filter((finding) => finding.code !== 'no_week_left')
        .map((finding) => (
          <Alert key={finding.code} mt="sm" color={finding.severity === 'error' ? 'red' : 'yellow'}>
            {finding.message}
          </Alert>
        ))}
    </Card>
  );
}
