import { useState } from 'react';
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { TeamDashboard, TeamRepRow } from '../../../schemas/dashboards';
import { formatMoney } from '../../components/money';
import { type SortOrder, SortableTh } from '../../components/SortableTh';
import { BEHIND_BELOW } from './AttainmentSection';
import {
  activitiesLink,
  formatCoverage,
  formatRate,
  opportunitiesLink,
  repDashboardLink,
  repPlanLink,
} from './dashboard-format';
import { PLAN_STATE_LABELS } from './plan-labels';

type Totals = TeamDashboard['totals'];
type SortKey =
  | 'rep'
  | 'attainment'
  | 'wonToDate'
  | 'gap'
  | 'activity'
  | 'firstMeetings'
  | 'openValue'
  | 'coverage'
  | 'staleCount'
  | 'slippingCount'
  | 'winRate'
  | 'averageWonDeal'
  | 'medianCycleDays'
  | 'checkInsOverdue';

const ratio = (done: number, planned: number | null) =>
  planned === null || planned === 0 ? null : done / planned;

const SORT_VALUES: Record<SortKey, (row: TeamRepRow) => number | string | null> = {
  rep: (row) => row.rep.name,
  attainment: (row) => row.attainment,
  wonToDate: (row) => row.wonToDate,
  gap: (row) => row.gap,
  activity: (row) => ratio(row.activityDone, row.activityPlanned),
  firstMeetings: (row) => ratio(row.firstMeetingsDone, row.firstMeetingsNeeded),
  openValue: (row) => row.openValue,
  coverage: (row) => row.coverage,
  staleCount: (row) => row.staleCount,
  slippingCount: (row) => row.slippingCount,
  winRate: (row) => row.winRate,
  averageWonDeal: (row) => row.averageWonDeal,
  medianCycleDays: (row) => row.medianCycleDays,
  checkInsOverdue: (row) => row.checkInsOverdue,
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

/** Why a rep is behind, in words: under 80% of the target to date or of the planned activity. */
export function behindReasons(
  row: Pick<TeamRepRow, 'attainment' | 'activityDone' | 'activityPlanned'>,
) {
  const reasons: string[] = [];
  if (row.attainment !== null && row.attainment < BEHIND_BELOW) reasons.push('attainment');
  const activity = ratio(row.activityDone, row.activityPlanned);
  if (activity !== null && activity < BEHIND_BELOW) reasons.push('activity');
  return reasons;
}

type Links = { won: string; open: string; stale: string; slipping: string; activities: string };

/** The figures of one rep (or the totals), each count opening its rows. */
function FigureCells({
  row,
  currency,
  links,
}: {
  row: Totals & Partial<TeamRepRow>;
  currency: string;
  links: Links;
}) {
  const money = (minor: number | null) => (minor === null ? '—' : formatMoney(minor, currency));
  const nowrap = { ta: 'right', style: { whiteSpace: 'nowrap' } } as const;
  return (
    <>
      <Table.Td {...nowrap}>{formatRate(row.attainment)}</Table.Td>
      <Table.Td {...nowrap}>
        <Anchor component={Link} to={links.won}>
          {money(row.wonToDate)}
        </Anchor>{' '}
        / {money(row.targetToDate)}
      </Table.Td>
      <Table.Td {...nowrap}>{money(row.gap)}</Table.Td>
      <Table.Td {...nowrap}>
        <Anchor component={Link} to={links.activities}>
          {row.activityDone}
        </Anchor>{' '}
        / {row.activityPlanned}
      </Table.Td>
      <Table.Td {...nowrap}>
        {row.firstMeetingsDone} / {row.firstMeetingsNeeded ?? '—'}
      </Table.Td>
      <Table.Td {...nowrap}>
        <Anchor component={Link} to={links.open}>
          {money(row.openValue)}
        </Anchor>
        <Text span size="xs" c="dimmed" display="block">
          {row.openCount} deals · weighted {money(row.weightedValue)}
        </Text>
      </Table.Td>
      <Table.Td {...nowrap}>
        {formatCoverage(row.coverage)}
        {row.neededCoverage !== undefined && ` / ${formatCoverage(row.neededCoverage)}`}
      </Table.Td>
      <Table.Td {...nowrap}>
        <Anchor component={Link} to={links.stale}>
          {row.staleCount}
        </Anchor>
      </Table.Td>
      <Table.Td {...nowrap}>
        <Anchor component={Link} to={links.slipping}>
          {row.slippingCount}
        </Anchor>
      </Table.Td>
      <Table.Td {...nowrap}>
        {formatRate(row.winRate)}
        <Text span size="xs" c="dimmed" display="block">
          {row.won} won, {row.lost} lost
        </Text>
      </Table.Td>
      <Table.Td {...nowrap}>{money(row.averageWonDeal)}</Table.Td>
      <Table.Td {...nowrap}>
        {row.medianCycleDays === undefined
          ? '—'
          : row.medianCycleDays === null
            ? '—'
            : `${row.medianCycleDays} days`}
      </Table.Td>
      <Table.Td {...nowrap}>{row.checkInsOverdue}</Table.Td>
    </>
  );
}

const stickyCell = {
  position: 'sticky',
  left: 0,
  background: 'var(--mantine-color-body)',
  zIndex: 1,
  minWidth: 160,
} as const;

/**
 * One row per rep with attainment, activity, pipeline and conversion, and a totals row; the
 * column headers sort; a rep behind says so in words. Scrolls sideways on a phone, the rep's
 * name staying in view.
 */
export function TeamRepTable({
  dashboard,
  period,
}: {
  dashboard: TeamDashboard;
  /** The fiscal year to date, for the won deals and the activities behind the figures. */
  period: { from: string; to: string };
}) {
  const [sort, setSort] = useState<{ key: SortKey; order: SortOrder }>({
    key: 'rep',
    order: 'asc',
  });
  const { currency } = dashboard;
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
  const th = (key: SortKey, label: string) => (
    <SortableTh field={key} label={label} align="right" {...sortProps} />
  );
  return (
    <>
      <Text size="xs" c="dimmed" hiddenFrom="lg" className="no-print">
        The table scrolls sideways for more columns; the rep's name stays in view.
      </Text>
      <Table.ScrollContainer minWidth={1700}>
        <Table aria-label="Reps of the team" verticalSpacing="sm" tabularNums highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <SortableTh field="rep" label="Rep" {...sortProps} />
              {th('attainment', 'Attainment')}
              {th('wonToDate', 'Won / target to date')}
              {th('gap', 'Gap')}
              {th('activity', 'Activities done / planned')}
              {th('firstMeetings', 'First meetings done / needed')}
              {th('openValue', 'Open pipeline')}
              {th('coverage', 'Coverage / needed')}
              {th('staleCount', 'Stale')}
              {th('slippingCount', 'Slipping')}
              {th('winRate', 'Win rate')}
              {th('averageWonDeal', 'Average won deal')}
              {th('medianCycleDays', 'Median cycle')}
              {th('checkInsOverdue', 'Check-ins overdue')}
              <Table.Th>Plan</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const behind = behindReasons(row);
              return (
                <Table.Tr key={row.rep.id}>
                  <Table.Th scope="row" style={stickyCell}>
                    <Anchor component={Link} to={repDashboardLink(row.rep.id)} fw={600}>
                      {row.rep.name}
                    </Anchor>
                    {behind.length > 0 && (
                      <Text size="xs" fw={700} c="red.9">
                        Behind on {behind.join(' and ')}
                      </Text>
                    )}
                  </Table.Th>
                  <FigureCells
                    row={row}
                    currency={currency}
                    links={linksFor({ ownerId: row.rep.id })}
                  />
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {row.plan ? (
                      <Anchor component={Link} to={repPlanLink(row.plan.id)}>
                        Open {row.rep.name}'s plan
                      </Anchor>
                    ) : (
                      <Text size="sm">No plan</Text>
                    )}
                    {row.plan && (
                      <Text size="xs" c="dimmed">
                        {PLAN_STATE_LABELS[row.plan.state]}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Th scope="row" style={stickyCell}>
                Team total
              </Table.Th>
              <FigureCells
                row={dashboard.totals}
                currency={currency}
                links={linksFor({ managerId: dashboard.manager.id })}
              />
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
