import { type ReactNode, useState } from 'react';
import { Anchor, Card, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import {
  STANDING_BANDS,
  STANDING_WORDS,
  type StandingFigure,
  standingOf,
} from '../../../domain/standing';
import type { TeamDashboard, TeamRepRow } from '../../../schemas/dashboards';
import { formatWholeMoney } from '../../components/money';
import { type SortOrder, SortableTh } from '../../components/SortableTh';
import {
  activitiesLink,
  formatCoverage,
  formatCoverageOfTarget,
  formatRate,
  opportunitiesLink,
  repDashboardLink,
  repPlanLink,
} from './dashboard-format';
import { PLAN_STATE_LABELS } from './plan-labels';
import { STANDING_COLOURS } from './standing-tone';

type Totals = TeamDashboard['totals'];
type Row = Totals & Partial<TeamRepRow>;
type SortKey =
  | 'rep'
  | 'attainment'
  | 'gap'
  | 'activity'
  | 'firstMeetings'
  | 'openValue'
  | 'coverage'
  | 'staleCount'
  | 'winRate'
  | 'averageWonDeal';

const ratio = (done: number, planned: number | null) =>
  planned === null || planned === 0 ? null : done / planned;

const SORT_VALUES: Record<SortKey, (row: TeamRepRow) => number | string | null> = {
  rep: (row) => row.rep.name,
  attainment: (row) => row.attainment,
  gap: (row) => row.gap,
  activity: (row) => ratio(row.activityDone, row.activityPlanned),
  firstMeetings: (row) => ratio(row.firstMeetingsDone, row.firstMeetingsNeeded),
  openValue: (row) => row.openValue,
  coverage: (row) => row.coverage,
  staleCount: (row) => row.staleCount + row.slippingCount,
  winRate: (row) => row.winRate,
  averageWonDeal: (row) => row.averageWonDeal,
};

// Rows without a value (no target, no closed deal) go last in either order.
function sortRows(rows: readonly TeamRepRow[], key: SortKey, order: SortOrder): TeamRepRow[] {
  const value = SORT_VALUES[key];
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const compared = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
    return order === 'asc' ? compared : -compared;
  });
}

/**
 * Where a rep (or the team) is short, in the words of standing.ts: the attainment and the
 * activities, both from the fiscal year's start to date, as the Team page judges them.
 */
export function behindReasons(
  row: Pick<TeamRepRow, 'wonToDate' | 'targetToDate' | 'activityDone' | 'activityPlanned'>,
) {
  const verdicts: [StandingFigure, ReturnType<typeof standingOf>][] = [
    ['attainment', standingOf(row.wonToDate, row.targetToDate)],
    ['activity', standingOf(row.activityDone, row.activityPlanned)],
  ];
  // Behind before slightly behind, as the Team page orders its reasons.
  return verdicts
    .flatMap(([figure, standing]) =>
      standing === null || standing === 'on_track'
        ? []
        : [{ standing, text: STANDING_WORDS[figure][standing] }],
    )
    .sort((a, b) => STANDING_BANDS.indexOf(b.standing) - STANDING_BANDS.indexOf(a.standing));
}

type Links = { won: string; open: string; stale: string; slipping: string; activities: string };

function Secondary({ children }: { children: ReactNode }) {
  return (
    <Text span size="xs" c="dimmed" display="block">
      {children}
    </Text>
  );
}

/** A figure of one rep (or the totals): its head, and its value, each count opening its rows. */
type Column = { key: SortKey; head: string; cell: (row: Row, links: Links) => ReactNode };

function columnsOf(currency: string): Column[] {
  const money = (minor: number | null) =>
    minor === null ? '—' : formatWholeMoney(minor, currency);
  return [
    {
      key: 'attainment',
      head: 'Attainment',
      cell: (row, links) => (
        <>
          {formatRate(row.attainment)}
          <Secondary>
            <Anchor component={Link} to={links.won} inherit underline="always">
              {money(row.wonToDate)}
            </Anchor>{' '}
            of {money(row.targetToDate)}
          </Secondary>
        </>
      ),
    },
    {
      key: 'gap',
      head: 'Gap',
      cell: (row) =>
        row.gap !== null && row.gap < 0 ? (
          <>
            {money(-row.gap)}
            <Secondary>ahead</Secondary>
          </>
        ) : (
          money(row.gap)
        ),
    },
    {
      key: 'activity',
      head: 'Activities, year to date',
      cell: (row, links) => (
        <>
          <Anchor component={Link} to={links.activities} inherit>
            {row.activityDone}
          </Anchor>{' '}
          of {row.activityPlanned}
          <Secondary>
            this month {row.activityDoneThisMonth} of {row.activityPlannedThisMonth}
          </Secondary>
        </>
      ),
    },
    {
      key: 'firstMeetings',
      head: 'First meetings',
      cell: (row) => (
        <>
          {row.firstMeetingsNeeded === null || row.firstMeetingsNeeded === 0 ? (
            <>
              {row.firstMeetingsDone}
              <Secondary>held; none needed now</Secondary>
            </>
          ) : (
            <>
              {row.firstMeetingsDone} of {row.firstMeetingsNeeded}
              <Secondary>held of needed</Secondary>
            </>
          )}
        </>
      ),
    },
    {
      key: 'openValue',
      head: 'Open pipeline',
      cell: (row, links) => (
        <>
          <Anchor component={Link} to={links.open} inherit>
            {money(row.openValue)}
          </Anchor>
          <Secondary>
            {row.openCount} deals · weighted {money(row.weightedValue)}
          </Secondary>
        </>
      ),
    },
    {
      key: 'coverage',
      head: 'Coverage',
      cell: (row) => (
        <>
          {formatCoverageOfTarget(row.coverage)}
          {row.neededCoverage !== undefined && row.coverage !== null && (
            <Secondary>{formatCoverage(row.neededCoverage)} needed</Secondary>
          )}
        </>
      ),
    },
    {
      key: 'staleCount',
      head: 'Stale, slipping',
      cell: (row, links) => (
        <>
          <Anchor component={Link} to={links.stale} inherit aria-label={`${row.staleCount} stale`}>
            {row.staleCount}
          </Anchor>
          {', '}
          <Anchor
            component={Link}
            to={links.slipping}
            inherit
            aria-label={`${row.slippingCount} slipping`}
          >
            {row.slippingCount}
          </Anchor>
        </>
      ),
    },
    {
      key: 'winRate',
      head: 'Win rate',
      cell: (row) => (
        <>
          {formatRate(row.winRate)}
          <Secondary>
            {row.won} won, {row.lost} lost
          </Secondary>
        </>
      ),
    },
    {
      key: 'averageWonDeal',
      head: 'Average won deal',
      cell: (row) => (
        <>
          {money(row.averageWonDeal)}
          {row.medianCycleDays !== undefined && (
            <Secondary>
              {row.medianCycleDays === null ? 'no' : `${row.medianCycleDays} days`} median cycle
            </Secondary>
          )}
        </>
      ),
    },
  ];
}

function Verdicts({ row }: { row: Row }) {
  return behindReasons(row).map((reason) => (
    <Text key={reason.text} size="xs" fw={700} c={STANDING_COLOURS[reason.standing]}>
      {reason.text}
    </Text>
  ));
}

function PlanLink({ row }: { row: TeamRepRow }) {
  return row.plan ? (
    <Text size="xs">
      <Anchor component={Link} to={repPlanLink(row.plan.id)} inherit>
        Open {row.rep.name}'s plan
      </Anchor>{' '}
      ({PLAN_STATE_LABELS[row.plan.state]})
    </Text>
  ) : (
    <Text size="xs">No plan</Text>
  );
}

function RepHead({ row }: { row: TeamRepRow }) {
  return (
    <>
      <Anchor component={Link} to={repDashboardLink(row.rep.id)} fw={600}>
        {row.rep.name}
      </Anchor>
      <Verdicts row={row} />
      <PlanLink row={row} />
    </>
  );
}

/** On a phone each rep (and the totals) is a card: the name and verdicts, then figure pairs. */
function RowCard({
  head,
  row,
  columns,
  links,
}: {
  head: ReactNode;
  row: Row;
  columns: readonly Column[];
  links: Links;
}) {
  return (
    <Card withBorder radius="md" padding="sm" component="li">
      <div>{head}</div>
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={6} component="dl" m={0} mt="xs">
        {columns.map((column) => (
          <div key={column.key}>
            <Text component="dt" size="xs" c="dimmed">
              {column.head}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {column.cell(row, links)}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}

/**
 * One row per rep with attainment, activity, pipeline and conversion, and a totals row; the
 * column headers sort; a rep behind says so in words. Each cell holds a figure and, small under
 * it, what it is made of, so the table fits a laptop's width; on a phone each rep is a card.
 */
export function TeamRepTable({
  dashboard,
  period,
}: {
  dashboard: TeamDashboard;
  /** The fiscal year to date, for the won deals and the activities behind the figures. */
  period: { from: string; to: string };
}) {
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const [sort, setSort] = useState<{ key: SortKey; order: SortOrder }>({
    key: 'rep',
    order: 'asc',
  });
  const columns = columnsOf(dashboard.currency);
  const rows = sortRows(dashboard.reps, sort.key, sort.order);
  const sortProps = {
    sort: sort.key,
    order: sort.order,
    onSort: (key: SortKey, order: SortOrder) => setSort({ key, order }),
  };
  const linksFor = (scope: Record<string, string>): Links => ({
    won: opportunitiesLink({
      ...scope,
      status: 'won',
      closedFrom: period.from,
      closedTo: period.to,
    }),
    open: opportunitiesLink({ ...scope, status: 'open' }),
    stale: opportunitiesLink({ ...scope, status: 'open', flag: 'stale' }),
    slipping: opportunitiesLink({ ...scope, status: 'open', flag: 'slipping' }),
    activities: activitiesLink({ ...scope, status: 'done', from: period.from, to: period.to }),
  });
  const teamLinks = linksFor({ managerId: dashboard.manager.id });
  const totalsHead = (
    <>
      <Text fw={700}>Team total</Text>
      <Verdicts row={dashboard.totals} />
    </>
  );
  if (isPhone) {
    return (
      <Stack
        gap="sm"
        component="ul"
        aria-label="Reps of the team"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {rows.map((row) => (
          <RowCard
            key={row.rep.id}
            head={<RepHead row={row} />}
            row={row}
            columns={columns}
            links={linksFor({ ownerId: row.rep.id })}
          />
        ))}
        <RowCard head={totalsHead} row={dashboard.totals} columns={columns} links={teamLinks} />
      </Stack>
    );
  }
  const cell = { ta: 'right', style: { verticalAlign: 'top' } } as const;
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table
        aria-label="Reps of the team"
        verticalSpacing="xs"
        horizontalSpacing="xs"
        fz="sm"
        tabularNums
        highlightOnHover
      >
        <Table.Thead>
          <Table.Tr>
            <SortableTh field="rep" label="Rep" {...sortProps} />
            {columns.map((column) => (
              <SortableTh
                key={column.key}
                field={column.key}
                label={column.head}
                align="right"
                {...sortProps}
              />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const links = linksFor({ ownerId: row.rep.id });
            return (
              <Table.Tr key={row.rep.id}>
                <Table.Th scope="row" miw={150} style={{ verticalAlign: 'top' }}>
                  <RepHead row={row} />
                </Table.Th>
                {columns.map((column) => (
                  <Table.Td key={column.key} {...cell}>
                    {column.cell(row, links)}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
              {totalsHead}
            </Table.Th>
            {columns.map((column) => (
              <Table.Td key={column.key} {...cell}>
                {column.cell(dashboard.totals, teamLinks)}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
