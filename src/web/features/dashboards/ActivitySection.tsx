import { Anchor, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { STANDING_SHORT_WORDS, STANDING_WORDS, standingOf } from '../../../domain/standing';
import type { ActivityPanel, FunnelPacePanel } from '../../../schemas/dashboards';
import { formatDay } from '../../components/dates';
import { useReference } from '../reference/useReference';
import { ChartTable, ChartWithTable } from './ChartWithTable';
import { SERIES } from './chart-axes';
import { DashboardSection } from './DashboardSection';
import { activitiesLink, humaniseKey } from './dashboard-format';
import { Figure, FigureGrid } from './Figure';
import { STANDING_COLOURS } from './standing-tone';

type Period = ActivityPanel['week'];

/** The activity types' labels from the organisation's reference list. */
function useActivityTypeLabel() {
  const reference = useReference();
  const labels = new Map((reference.data?.activityTypes ?? []).map((t) => [t.key, t.label]));
  return (key: string) => labels.get(key) ?? humaniseKey(key);
}

function PlanVsDone({
  title,
  period,
  ownerId,
}: {
  title: string;
  period: Period;
  ownerId: string;
}) {
  const typeLabel = useActivityTypeLabel();
  const rows = period.rows.map((row) => ({ ...row, label: typeLabel(row.activityType) }));
  const label = `${title}: activities planned vs done`;
  const range = `${formatDay(period.from)} – ${formatDay(period.to)}`;
  return (
    <Stack gap="xs">
      <div>
        <Title order={3} size="h4">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {range}; planned from the agreed rep plan
        </Text>
      </div>
      {rows.length === 0 ? (
        <Text c="dimmed">Nothing planned or done in this period.</Text>
      ) : (
        <ChartWithTable
          label={label}
          height={200}
          chart={(width, height) => (
            <BarChart
              width={width}
              height={height}
              data={rows}
              margin={{ top: 8, right: 8, left: 0, bottom: 0 }}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" fontSize={12} />
              <YAxis fontSize={12} width={32} allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar dataKey="planned" name="Planned" fill={SERIES.planned} />
              <Bar dataKey="done" name="Done" fill={SERIES.done} />
            </BarChart>
          )}
          table={
            <ChartTable label={label}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Activity</Table.Th>
                  <Table.Th ta="right">Planned</Table.Th>
                  <Table.Th ta="right">Done</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => {
                  const standing = standingOf(row.done, row.planned);
                  return (
                    <Table.Tr key={row.activityType}>
                      <Table.Th scope="row" fw={400}>
                        {row.label}
                      </Table.Th>
                      <Table.Td ta="right">{row.planned}</Table.Td>
                      <Table.Td ta="right">
                        <Anchor
                          component={Link}
                          to={activitiesLink({
                            ownerId,
                            type: row.activityType,
                            status: 'done',
                            from: period.from,
                            to: period.to,
                          })}
                          aria-label={`${row.done} ${row.label} done`}
                        >
                          {row.done}
                        </Anchor>
                        {standing !== null && standing !== 'on_track' && (
                          <Text span size="xs" fw={700} c={STANDING_COLOURS[standing]} ml={6}>
                            {STANDING_SHORT_WORDS[standing]}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </ChartTable>
          }
        />
      )}
    </Stack>
  );
}

/** This week's and this month's planned vs done activities, per type. */
export function ActivitySection({ panel, ownerId }: { panel: ActivityPanel; ownerId: string }) {
  return (
    <DashboardSection title="Activities" description="Planned vs done, per activity type">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <PlanVsDone title="This week" period={panel.week} ownerId={ownerId} />
        <PlanVsDone title="This month to date" period={panel.month} ownerId={ownerId} />
      </SimpleGrid>
    </DashboardSection>
  );
}

/** "3 of 4" against the funnel; "3 held" without one. */
const heldOf = (done: number, needed: number | null) =>
  needed === null ? `${done} held` : `${done} of ${needed}`;

/** First meetings held against what the rep plan's funnel needs. */
export function FunnelPaceSection({
  pace,
  activity,
  ownerId,
}: {
  pace: FunnelPacePanel;
  activity: ActivityPanel;
  ownerId: string;
}) {
  const meetings = (from: string, to: string) =>
    activitiesLink({ ownerId, type: 'first_meeting', status: 'done', from, to });
  const behind = (done: number, need: number | null) => {
    const standing = need === null ? null : standingOf(done, need);
    return standing === null
      ? undefined
      : { text: STANDING_WORDS.first_meetings[standing], standing };
  };
  return (
    <DashboardSection
      title="Funnel pace"
      description={
        pace.neededPerWeek === null
          ? 'The rep plan’s funnel asks for no first meetings a week now: without a plan or a ratio it needs, or when a deal started now could not close before the fiscal year ends (see My plan).'
          : `The funnel needs ${pace.neededPerWeek} first meetings a week`
      }
    >
      <FigureGrid>
        <Figure
          label="First meetings this week"
          value={heldOf(pace.thisWeek.done, pace.thisWeek.needed)}
          to={meetings(activity.week.from, activity.week.to)}
          description="Held vs needed by the funnel"
          tone={behind(pace.thisWeek.done, pace.thisWeek.needed)}
        />
        <Figure
          label="First meetings to date"
          value={heldOf(pace.toDate.done, pace.toDate.needed)}
          to={meetings(activity.toDate.from, activity.toDate.to)}
          description="Since the fiscal year began, vs needed by now"
          tone={behind(pace.toDate.done, pace.toDate.needed)}
        />
      </FigureGrid>
    </DashboardSection>
  );
}
