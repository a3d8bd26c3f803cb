import { Anchor, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate, useParams } from 'react-router';
import { STANDING_RULE } from '../../../domain/standing';
import type { TeamDashboard } from '../../../schemas/dashboards';
import { formatDay } from '../../components/dates';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { useSession } from '../session/useSession';
import { DASHBOARD_BY_ROLE } from './DashboardHome';
import { DashboardSection } from './DashboardSection';
import { repDashboardLink, repPlanLink } from './dashboard-format';
import { OutlierList } from './OutlierList';
import { TeamRepTable } from './TeamRepTable';
import { useTeamDashboard } from './useDashboards';
import './dashboard.css';
import { PrintHeader } from '../print/PrintHeader';
import { KeyAccountReviewsDue } from '../key-accounts/KeyAccountReviewsDue';

type Person = TeamDashboard['manager'];

/** Reps whose plan needs something, each opening their plan (or the Team page without one). */
function PlanPeople({
  title,
  people,
  planOf,
  empty,
}: {
  title: string;
  people: readonly Person[];
  planOf: (repId: string) => string | undefined;
  empty: string;
}) {
  return (
    <div>
      <Title order={3} size="h5">
        {title} ({people.length})
      </Title>
      {people.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <List listStyleType="none" spacing={4} aria-label={title}>
          {people.map((person) => {
            const planId = planOf(person.id);
            return (
              <List.Item key={person.id}>
                {planId ? (
                  <Anchor component={Link} to={repPlanLink(planId)}>
                    Open {person.name}'s plan
                  </Anchor>
                ) : (
                  <Text size="sm">
                    {person.name}:{' '}
                    <Anchor component={Link} to="/team">
                      no plan yet (Team page)
                    </Anchor>
                  </Text>
                )}
              </List.Item>
            );
          })}
        </List>
      )}
    </div>
  );
}

export function TeamDashboardView({
  dashboard,
  period,
}: {
  dashboard: TeamDashboard;
  period: { from: string; to: string };
}) {
  const planOf = (repId: string) => dashboard.reps.find((row) => row.rep.id === repId)?.plan?.id;
  return (
    <Stack className="dashboard">
      <PrintHeader title="Team dashboard" />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Team dashboard</Title>
          <Text c="dimmed">
            {dashboard.manager.name}'s team · fiscal year {dashboard.fiscalYear} to{' '}
            {formatDay(dashboard.today)} · amounts in {dashboard.currency}
          </Text>
        </div>
        <Anchor
          component={Link}
          to={`/dashboards/organisation?managerId=${dashboard.manager.id}`}
          className="no-print"
        >
          Open the organisation dashboard for this team
        </Anchor>
      </Group>
      <DashboardSection
        title="Reps"
        description={`Attainment and activities from the fiscal year's start to date, against the seasonally weighted target and the agreed plan. ${STANDING_RULE} Click a column to sort.`}
      >
        {dashboard.reps.length === 0 ? (
          <Text c="dimmed">No rep reports to {dashboard.manager.name}.</Text>
        ) : (
          <TeamRepTable dashboard={dashboard} period={period} />
        )}
      </DashboardSection>
      <DashboardSection
        title="Conversion outliers"
        description="Win rates that stand out, per product"
      >
        <OutlierList outliers={dashboard.outliers} period={period} />
      </DashboardSection>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <DashboardSection
            title="Rep plans to finish"
            description={`Fiscal year ${dashboard.fiscalYear}`}
          >
            <PlanPeople
              title="No plan"
              people={dashboard.plans.missing}
              planOf={planOf}
              empty="Every rep has a plan."
            />
            <PlanPeople
              title="Not signed by the rep"
              people={dashboard.plans.unsigned}
              planOf={planOf}
              empty="No plan waits for a rep's signature."
            />
            <PlanPeople
              title="Awaiting your countersignature"
              people={dashboard.plans.awaitingManager}
              planOf={planOf}
              empty="No plan waits for the manager."
            />
          </DashboardSection>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <DashboardSection title={`Check-ins overdue (${dashboard.checkInsOverdue.length})`}>
            {dashboard.checkInsOverdue.length === 0 ? (
              <Text c="dimmed">No check-in is overdue.</Text>
            ) : (
              <List listStyleType="none" spacing="xs" aria-label="Check-ins overdue">
                {dashboard.checkInsOverdue.map((checkIn) => (
                  <List.Item key={checkIn.id}>
                    <Anchor component={Link} to={repDashboardLink(checkIn.rep.id)} fw={600}>
                      {checkIn.rep.name}
                    </Anchor>
                    <Text size="sm">
                      {formatDay(checkIn.periodStart)} – {formatDay(checkIn.periodEnd)}, overdue
                      since {formatDay(checkIn.dueOn)} ·{' '}
                      <Anchor component={Link} to={repPlanLink(checkIn.repPlanId)}>
                        Open the check-in in {checkIn.rep.name}'s plan
                      </Anchor>
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </DashboardSection>
        </Grid.Col>
      </Grid>
      <KeyAccountReviewsDue
        ownerIds={dashboard.reps.map((row) => row.rep.id)}
        frame={(content) => (
          <DashboardSection title="Key-account plans">{content}</DashboardSection>
        )}
      />
    </Stack>
  );
}

/**
 * `/dashboards/team` (the caller's team) and `/dashboards/team/:managerId`. Only a manager has a
 * team of their own: anyone else without a manager named goes to their own dashboard.
 */
export function TeamDashboardPage() {
  const { managerId } = useParams();
  const session = useSession();
  if (!session.data) return <DetailSkeleton />;
  const { role } = session.data.user;
  if (!managerId && role !== 'manager') return <Navigate to={DASHBOARD_BY_ROLE[role]} replace />;
  return <TeamDashboardLoader managerId={managerId} />;
}

function TeamDashboardLoader({ managerId }: { managerId: string | undefined }) {
  const dashboard = useTeamDashboard(managerId);
  if (dashboard.isPending) return <DetailSkeleton />;
  if (dashboard.isError) {
    return <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  }
  return <TeamDashboardView dashboard={dashboard.data} period={dashboard.data.period} />;
}
