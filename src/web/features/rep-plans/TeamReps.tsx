import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { STANDING_WORDS } from '../../../domain/standing';
import {
  byAttention,
  type PlanPhase,
  type TeamAttentionReason,
} from '../../../domain/team-attention';
import type { TeamDashboard, TeamRepRow } from '../../../schemas/dashboards';
import type { User } from '../../../schemas/users';
import { api, type Page } from '../../api/client';
import { formatDay } from '../../components/dates';
import { ErrorAlert, TableSkeleton } from '../../components/PageStates';
import { formatCoverage, formatCoverageOfTarget, formatRate } from '../dashboards/dashboard-format';
import { STANDING_COLOURS } from '../dashboards/standing-tone';
import { useTeamDashboard } from '../dashboards/useDashboards';
import { formatWholeMoney } from '../../components/money';

// The Team page as the manager's working tool (issue 17, item 7): each rep's target, won to date,
// attainment, pipeline and coverage (the team dashboard's figures), where the plan stands in
// words, the check-ins and this month's activity to date, sorted by what needs attention first.
// On a phone each rep is a card with the same figures, so nothing scrolls sideways.

export const ATTENTION_WORDS: Record<TeamAttentionReason, string> = {
  awaiting_countersignature: 'Countersign the plan',
  check_in_overdue: 'Check-in overdue',
  no_plan: 'No plan',
  plan_not_agreed: 'Plan not agreed',
  // The verdicts of standing.ts, in the words every page uses for the same figure.
  behind_target: STANDING_WORDS.attainment.behind,
  behind_on_activity: STANDING_WORDS.activity.behind,
  thin_pipeline: 'Thin pipeline',
  slightly_behind_target: STANDING_WORDS.attainment.slightly_behind,
  slightly_behind_on_activity: STANDING_WORDS.activity.slightly_behind,
};

/** "Waiting for your countersignature since Jan 4, 2026", for the manager or someone else. */
export function planPhaseWords(
  phase: PlanPhase,
  since: string | null,
  manager: { name: string; isYou: boolean },
): string {
  const day = formatDay(since);
  switch (phase) {
    case 'no_plan':
      return 'No plan for this year yet';
    case 'draft':
      return `Draft since ${day}`;
    case 'awaiting_rep_signature':
      return `Waiting for the rep’s signature since ${day}`;
    case 'awaiting_countersignature':
      return manager.isYou
        ? `Waiting for your countersignature since ${day}`
        : `Waiting for ${manager.name}’s countersignature since ${day}`;
    case 'agreed':
      return `Agreed on ${day}`;
    case 'revised':
      return `Revised on ${day}`;
  }
}

// The reasons the manager acts on today in red, and behind as on the dashboards; the others in
// dark gray (AA contrast).
const URGENT: readonly TeamAttentionReason[] = [
  'awaiting_countersignature',
  'check_in_overdue',
  'behind_target',
  'behind_on_activity',
];
const colourOf = (reason: TeamAttentionReason) =>
  URGENT.includes(reason) ? STANDING_COLOURS.behind : 'gray.8';

const nowrap = { whiteSpace: 'nowrap' } as const;

const percent = (rate: number | null) =>
  // One decimal, as the dashboards write an attainment: the same figure reads the same everywhere.
  rate === null ? 'nothing due yet' : formatRate(rate);

type Manager = { name: string; isYou: boolean };
/** One figure of a rep's row: its column head, and its cell on the table or a phone card. */
type Column = {
  head: string;
  /** A second line under the head: what the figure counts. */
  note?: string;
  isNumber?: boolean;
  cell: (row: TeamRepRow) => ReactNode;
};

// The month's plan to today beside what was done so far this month (dashboard-rep-figures.ts),
// then the year to date, the window "behind on activity" is judged on (as on the dashboard).
const whole = (n: number) => n.toLocaleString('en-US');
const ACTIVITY_HEAD = 'Activities';
const ACTIVITY_NOTE = 'done of planned to today';
const activityWords = (
  row: Pick<
    TeamRepRow,
    'activityDoneThisMonth' | 'activityPlannedThisMonth' | 'activityDone' | 'activityPlanned'
  >,
) => ({
  month: `This month: ${whole(row.activityDoneThisMonth)} of ${whole(row.activityPlannedThisMonth)}`,
  year: `Year to date: ${whole(row.activityDone)} of ${whole(row.activityPlanned)}`,
});

function columnsOf(currency: string, manager: Manager): Column[] {
  const money = (minor: number) => formatWholeMoney(minor, currency);
  return [
    { head: 'Plan', cell: (row) => planPhaseWords(row.planPhase, row.planSince, manager) },
    { head: 'Target for the year', isNumber: true, cell: (row) => money(row.targetYear) },
    { head: 'Won to date', isNumber: true, cell: (row) => money(row.wonToDate) },
    { head: 'Attainment', isNumber: true, cell: (row) => percent(row.attainment) },
    { head: 'Open pipeline', isNumber: true, cell: (row) => money(row.openValue) },
    {
      head: 'Coverage',
      isNumber: true,
      cell: (row) => (
        <>
          {formatCoverageOfTarget(row.coverage)}
          {row.neededCoverage !== null && row.coverage !== null && (
            <Text size="xs" c="dimmed">
              {formatCoverage(row.neededCoverage)} needed
            </Text>
          )}
        </>
      ),
    },
    { head: 'Check-ins', cell: (row) => <CheckIns row={row} /> },
    {
      head: ACTIVITY_HEAD,
      note: ACTIVITY_NOTE,
      isNumber: true,
      cell: (row) => {
        const words = activityWords(row);
        return (
          <>
            <Text size="sm">{words.month}</Text>
            <Text size="xs" c="dimmed">
              {words.year}
            </Text>
          </>
        );
      },
    },
  ];
}

function RepName({ row }: { row: TeamRepRow }) {
  return row.plan ? (
    <Anchor component={Link} to={`/my-plan?plan=${row.plan.id}`}>
      {row.rep.name}
    </Anchor>
  ) : (
    row.rep.name
  );
}

function Attention({ row }: { row: TeamRepRow }) {
  if (row.attention.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        On track
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {row.attention.map((reason) => (
        <Text key={reason} size="sm" fw={600} c={colourOf(reason)}>
          {ATTENTION_WORDS[reason]}
        </Text>
      ))}
    </Stack>
  );
}

function CheckIns({ row }: { row: TeamRepRow }) {
  const next = row.nextCheckIn;
  return (
    <>
      <Text size="sm">
        Last: {row.lastCheckIn ? formatDay(row.lastCheckIn.heldOn) : 'none yet'}
      </Text>
      <Text size="sm">
        Next:{' '}
        {next ? (
          <Anchor component={Link} to={`/my-plan?plan=${next.repPlanId}&checkIn=${next.id}`}>
            {next.isOverdue ? 'overdue since' : 'due'} {formatDay(next.dueOn)}
          </Anchor>
        ) : (
          'none due'
        )}
      </Text>
    </>
  );
}

function RepRow({ row, columns }: { row: TeamRepRow; columns: readonly Column[] }) {
  return (
    <Table.Tr>
      <Table.Td miw={120}>
        <Text size="sm" fw={600} mb={2}>
          <RepName row={row} />
        </Text>
        <Attention row={row} />
      </Table.Td>
      {columns.map((column) => (
        <Table.Td
          key={column.head}
          ta={column.isNumber ? 'right' : undefined}
          miw={column.head === 'Check-ins' ? 110 : undefined}
          style={column.head === 'Coverage' ? nowrap : undefined}
        >
          {column.cell(row)}
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

/** On a phone each rep is a card: name and what needs attention, then the figures in pairs. */
function RepCard({ row, columns }: { row: TeamRepRow; columns: readonly Column[] }) {
  return (
    <Card withBorder radius="md" padding="sm" component="li">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Text fw={700}>
          <RepName row={row} />
        </Text>
        <Attention row={row} />
      </Group>
      <Figures
        pairs={columns.map((column) => [
          column.note ? `${column.head}, ${column.note}` : column.head,
          column.cell(row),
        ])}
      />
    </Card>
  );
}

function Figures({ pairs }: { pairs: [string, ReactNode][] }) {
  return (
    <SimpleGrid cols={2} spacing="xs" verticalSpacing={6} component="dl" m={0}>
      {pairs.map(([head, value]) => (
        <div key={head} style={head === 'Plan' ? { gridColumn: '1 / -1' } : undefined}>
          <Text component="dt" size="xs" c="dimmed">
            {head}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/** The team's totals, the leader's summary row of each team. */
function summaryCells(dashboard: TeamDashboard, rows: readonly TeamRepRow[]) {
  const money = (minor: number) => formatWholeMoney(minor, dashboard.currency);
  const { totals } = dashboard;
  const waiting = dashboard.plans.awaitingManager.length;
  const agreed = rows.filter((r) => r.planPhase === 'agreed' || r.planPhase === 'revised').length;
  return {
    attention: waiting > 0 ? `${waiting} waiting for countersignature` : '',
    figures: [
      ['Plan', `${agreed} of ${rows.length} agreed`],
      ['Target for the year', money(totals.targetYear)],
      ['Won to date', money(totals.wonToDate)],
      ['Attainment', percent(totals.attainment)],
      ['Open pipeline', money(totals.openValue)],
      ['Coverage', formatCoverageOfTarget(totals.coverage)],
      [
        'Check-ins',
        totals.checkInsOverdue > 0 ? `${totals.checkInsOverdue} overdue` : 'None overdue',
      ],
      [
        `${ACTIVITY_HEAD}, ${ACTIVITY_NOTE}`,
        `${activityWords(totals).month}; ${activityWords(totals).year.toLowerCase()}`,
      ],
    ] satisfies [string, string][],
  };
}

/** One team's table: a summary row of the totals (for the leader), then each rep by attention. */
export function TeamRepTable({
  dashboard,
  isYourTeam,
  label,
  withSummary = false,
}: {
  dashboard: TeamDashboard;
  isYourTeam: boolean;
  label: string;
  withSummary?: boolean;
}) {
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const rows = [...dashboard.reps].sort((a, b) =>
    byAttention({ ...a, name: a.rep.name }, { ...b, name: b.rep.name }),
  );
  const columns = columnsOf(dashboard.currency, {
    name: dashboard.manager.name,
    isYou: isYourTeam,
  });
  if (rows.length === 0) return <Text c="dimmed">No reps in this team yet.</Text>;
  const summary = summaryCells(dashboard, rows);
  if (isPhone) {
    return (
      <Stack gap="sm" component="ul" aria-label={label} p={0} m={0} style={{ listStyle: 'none' }}>
        {withSummary && (
          <Card withBorder radius="md" padding="sm" bg="gray.0" component="li">
            <Text fw={700}>Team of {dashboard.manager.name}</Text>
            {summary.attention && (
              <Text size="sm" fw={600} c="red.9" mb="xs">
                {summary.attention}
              </Text>
            )}
            <Figures pairs={summary.figures} />
          </Card>
        )}
        {rows.map((row) => (
          <RepCard key={row.rep.id} row={row} columns={columns} />
        ))}
      </Stack>
    );
  }
  return (
    // The rep and what needs attention share a column, and cells wrap, so the table fits its
    // card from 1280 px up (at 1280 it scrolled 1133 px in 966); a tablet scrolls below 900.
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label={label} verticalSpacing="xs" horizontalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              Rep
              <Text size="xs" c="dimmed" fw={400}>
                what needs attention
              </Text>
            </Table.Th>
            {columns.map((column) => (
              <Table.Th key={column.head} ta={column.isNumber ? 'right' : undefined}>
                {column.head}
                {column.note && (
                  <Text size="xs" c="dimmed" fw={400}>
                    {column.note}
                  </Text>
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {withSummary && (
            <Table.Tr fw={700} bg="gray.0">
              <Table.Td>
                <div>Team of {dashboard.manager.name}</div>
                {summary.attention && (
                  <Text size="xs" fw={600} c="red.9">
                    {summary.attention}
                  </Text>
                )}
              </Table.Td>
              {summary.figures.map(([head, value], i) => (
                <Table.Td key={head} ta={columns[i]?.isNumber ? 'right' : undefined}>
                  {value}
                </Table.Td>
              ))}
            </Table.Tr>
          )}
          {rows.map((row) => (
            <RepRow key={row.rep.id} row={row} columns={columns} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A manager's own team. */
export function YourTeamReps() {
  const dashboard = useTeamDashboard(undefined);
  if (dashboard.isPending) return <TableSkeleton columns={6} />;
  if (dashboard.isError) return <ErrorAlert error={dashboard.error} />;
  return <TeamRepTable dashboard={dashboard.data} isYourTeam label="Rep plans" />;
}

function OneTeam({ manager }: { manager: Pick<User, 'id' | 'name'> }) {
  const dashboard = useTeamDashboard(manager.id);
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Team of {manager.name}
      </Title>
      {dashboard.isPending ? (
        <TableSkeleton columns={6} />
      ) : dashboard.isError ? (
        <ErrorAlert error={dashboard.error} />
      ) : (
        <TeamRepTable
          dashboard={dashboard.data}
          isYourTeam={false}
          label={`Rep plans of ${manager.name}’s team`}
          withSummary
        />
      )}
    </Stack>
  );
}

/** The leader's view: every manager's team, each with its summary row first. */
export function EveryTeamReps() {
  const managers = useQuery({
    queryKey: ['users', 'managers'],
    queryFn: () =>
      api.get<Page<User>>('/api/users', { role: 'manager', pageSize: 100, sort: 'name' }),
  });
  if (managers.isPending) return <TableSkeleton columns={6} />;
  if (managers.isError) return <ErrorAlert error={managers.error} />;
  if (managers.data.items.length === 0) return <Text c="dimmed">No managers yet.</Text>;
  return (
    <Stack gap="xl">
      {managers.data.items.map((manager) => (
        <OneTeam key={manager.id} manager={manager} />
      ))}
    </Stack>
  );
}
