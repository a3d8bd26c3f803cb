import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
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
import { formatRate } from '../dashboards/dashboard-format';
import { useTeamDashboard } from '../dashboards/useDashboards';
import { formatWholeMoney } from './plan-words';

// The Team page as the manager's working tool (issue 17, item 7): each rep's target, won to date,
// attainment, pipeline and coverage (the team dashboard's figures), where the plan stands in
// words, the check-ins and this month's activity, sorted by what needs attention first.

export const ATTENTION_WORDS: Record<TeamAttentionReason, string> = {
  awaiting_countersignature: 'Countersign the plan',
  check_in_overdue: 'Check-in overdue',
  no_plan: 'No plan',
  plan_not_agreed: 'Plan not agreed',
  behind_target: 'Behind target',
  thin_pipeline: 'Thin pipeline',
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

// The reasons the manager acts on today, in red; the others in dark gray (AA contrast).
const URGENT: readonly TeamAttentionReason[] = ['awaiting_countersignature', 'check_in_overdue'];

const nowrap = { whiteSpace: 'nowrap' } as const;

const percent = (rate: number | null) =>
  // One decimal, as the dashboards write an attainment: the same figure reads the same everywhere.
  rate === null ? 'nothing due yet' : formatRate(rate);
const times = (rate: number | null) => (rate === null ? '—' : `${rate.toFixed(1)}×`);

function RepRow({
  row,
  currency,
  manager,
}: {
  row: TeamRepRow;
  currency: string;
  manager: { name: string; isYou: boolean };
}) {
  const money = (minor: number) => formatWholeMoney(minor, currency);
  const next = row.nextCheckIn;
  return (
    <Table.Tr>
      <Table.Td>
        {row.plan ? (
          <Anchor component={Link} to={`/my-plan?plan=${row.plan.id}`}>
            {row.rep.name}
          </Anchor>
        ) : (
          row.rep.name
        )}
      </Table.Td>
      <Table.Td>
        {row.attention.length === 0 ? (
          <Text size="sm" c="dimmed">
            On track
          </Text>
        ) : (
          <Stack gap={2}>
            {row.attention.map((reason) => (
              <Text
                key={reason}
                size="sm"
                fw={600}
                c={URGENT.includes(reason) ? 'red.9' : 'gray.8'}
                style={{ whiteSpace: 'nowrap' }}
              >
                {ATTENTION_WORDS[reason]}
              </Text>
            ))}
          </Stack>
        )}
      </Table.Td>
      <Table.Td miw={190}>{planPhaseWords(row.planPhase, row.planSince, manager)}</Table.Td>
      <Table.Td ta="right">{money(row.targetYear)}</Table.Td>
      <Table.Td ta="right">{money(row.wonToDate)}</Table.Td>
      <Table.Td ta="right">{percent(row.attainment)}</Table.Td>
      <Table.Td ta="right">{money(row.openValue)}</Table.Td>
      <Table.Td ta="right" style={nowrap}>
        {times(row.coverage)}
        {row.neededCoverage !== null && (
          <Text size="xs" c="dimmed">
            {times(row.neededCoverage)} needed
          </Text>
        )}
      </Table.Td>
      <Table.Td style={nowrap}>
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
      </Table.Td>
      <Table.Td ta="right">
        {row.activityDoneThisMonth} of {row.activityPlannedThisMonth}
      </Table.Td>
    </Table.Tr>
  );
}

function Head() {
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>Rep</Table.Th>
        <Table.Th>Needs attention</Table.Th>
        <Table.Th>Plan</Table.Th>
        <Table.Th ta="right">Target for the year</Table.Th>
        <Table.Th ta="right">Won to date</Table.Th>
        <Table.Th ta="right">Attainment</Table.Th>
        <Table.Th ta="right">Open pipeline</Table.Th>
        <Table.Th ta="right">Coverage</Table.Th>
        <Table.Th>Check-ins</Table.Th>
        <Table.Th ta="right">Activities this month, done of planned</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
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
  const rows = [...dashboard.reps].sort((a, b) =>
    byAttention({ ...a, name: a.rep.name }, { ...b, name: b.rep.name }),
  );
  const money = (minor: number) => formatWholeMoney(minor, dashboard.currency);
  const { totals } = dashboard;
  const manager = { name: dashboard.manager.name, isYou: isYourTeam };
  if (rows.length === 0) return <Text c="dimmed">No reps in this team yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table aria-label={label} verticalSpacing="xs">
        <Head />
        <Table.Tbody>
          {withSummary && (
            <Table.Tr fw={700} bg="gray.0">
              <Table.Td>Team of {dashboard.manager.name}</Table.Td>
              <Table.Td>
                {dashboard.plans.awaitingManager.length > 0 &&
                  `${dashboard.plans.awaitingManager.length} waiting for countersignature`}
              </Table.Td>
              <Table.Td>
                {rows.filter((r) => r.planPhase === 'agreed' || r.planPhase === 'revised').length}{' '}
                of {rows.length} agreed
              </Table.Td>
              <Table.Td ta="right">{money(totals.targetYear)}</Table.Td>
              <Table.Td ta="right">{money(totals.wonToDate)}</Table.Td>
              <Table.Td ta="right">{percent(totals.attainment)}</Table.Td>
              <Table.Td ta="right">{money(totals.openValue)}</Table.Td>
              <Table.Td ta="right">{times(totals.coverage)}</Table.Td>
              <Table.Td>
                {totals.checkInsOverdue > 0 ? `${totals.checkInsOverdue} overdue` : 'None overdue'}
              </Table.Td>
              <Table.Td ta="right">
                {totals.activityDoneThisMonth} of {totals.activityPlannedThisMonth}
              </Table.Td>
            </Table.Tr>
          )}
          {rows.map((row) => (
            <RepRow key={row.rep.id} row={row} currency={dashboard.currency} manager={manager} />
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
