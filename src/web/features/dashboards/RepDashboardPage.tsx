import { Anchor, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { RepDashboard } from '../../../schemas/dashboards';
import { formatDay } from '../../components/dates';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { useSession } from '../session/useSession';
import { ActivitySection, FunnelPaceSection } from './ActivitySection';
import { AttainmentSection } from './AttainmentSection';
import { DashboardSection } from './DashboardSection';
import { DealListSection, StepListSection } from './DealListSection';
import { COVERAGE_SUBJECTS, opportunitiesLink, repPlanLink } from './dashboard-format';
import { PipelineSection } from './PipelineSection';
import { PLAN_STATE_LABELS } from './plan-labels';
import { useRepDashboard } from './useDashboards';
import './dashboard.css';
import { PrintHeader } from '../print/PrintHeader';
import { KeyAccountReviewsDue } from '../key-accounts/KeyAccountReviewsDue';

function PlanAndCheckIn({ dashboard, isOwn }: { dashboard: RepDashboard; isOwn: boolean }) {
  const { plan, nextCheckIn, rep } = dashboard;
  const whose = isOwn ? 'Your' : `${rep.name}'s`;
  return (
    <DashboardSection title="Rep plan and check-in">
      {plan ? (
        <Text>
          {whose} plan is <strong>{PLAN_STATE_LABELS[plan.state]}</strong>
          {plan.repSigned ? ', signed by the rep' : ', not signed by the rep'}
          {plan.managerSigned
            ? ' and the manager.'
            : plan.repSigned
              ? ', awaiting the manager.'
              : '.'}{' '}
          <Anchor component={Link} to={repPlanLink(plan.id)}>
            {isOwn ? 'Open my plan' : `Open ${rep.name}'s plan`}
          </Anchor>
        </Text>
      ) : (
        <Text>
          {isOwn ? 'You have' : `${rep.name} has`} no rep plan for this fiscal year.{' '}
          {isOwn && (
            <Anchor component={Link} to="/my-plan">
              Start my plan
            </Anchor>
          )}
        </Text>
      )}
      {nextCheckIn ? (
        <Text>
          Next check-in ({formatDay(nextCheckIn.periodStart)} – {formatDay(nextCheckIn.periodEnd)}):{' '}
          <Text span fw={700} c={nextCheckIn.isOverdue ? 'red.9' : undefined}>
            {nextCheckIn.isOverdue ? 'overdue since' : 'due'} {formatDay(nextCheckIn.dueOn)}
          </Text>{' '}
          <Anchor component={Link} to={repPlanLink(nextCheckIn.repPlanId)}>
            {isOwn ? 'Open in My plan' : 'Open the check-in'}
          </Anchor>
        </Text>
      ) : (
        <Text c="dimmed">No check-in is due.</Text>
      )}
    </DashboardSection>
  );
}

/** A rep's dashboard: attainment, activity, funnel pace, pipeline and what needs doing. */
export function RepDashboardView({
  dashboard,
  isOwn,
}: {
  dashboard: RepDashboard;
  isOwn: boolean;
}) {
  const { rep, currency, today } = dashboard;
  const ownerId = rep.id;
  const open = { ownerId, status: 'open' };
  const deal = (id: string) => `/opportunities/${id}`;
  const plan = (id: string) => `/opportunities/${id}/plan`;
  return (
    <Stack className="dashboard">
      <PrintHeader title={`Rep dashboard, ${rep.name}`} />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{isOwn ? 'My dashboard' : `${rep.name}'s dashboard`}</Title>
          <Text c="dimmed">
            {rep.name} · as of {formatDay(today)} · amounts in {currency}
          </Text>
        </div>
      </Group>
      <AttainmentSection
        panel={dashboard.attainment}
        currency={currency}
        today={today}
        wonLink={opportunitiesLink({
          ownerId,
          status: 'won',
          closedFrom: dashboard.attainment.yearFrom,
          closedTo: today,
        })}
      />
      <PlanAndCheckIn dashboard={dashboard} isOwn={isOwn} />
      <KeyAccountReviewsDue
        ownerIds={[rep.id]}
        showOwner={false}
        frame={(content) => (
          <DashboardSection title="Key-account plans">{content}</DashboardSection>
        )}
      />
      <ActivitySection panel={dashboard.activity} ownerId={ownerId} />
      <FunnelPaceSection
        pace={dashboard.funnelPace}
        activity={dashboard.activity}
        ownerId={ownerId}
      />
      <PipelineSection
        panel={dashboard.pipeline}
        currency={currency}
        subject={isOwn ? COVERAGE_SUBJECTS.own : COVERAGE_SUBJECTS.rep(rep.name)}
        filters={{ ownerId }}
      />
      <Title order={2} size="h3">
        Deals that need attention
      </Title>
      <Grid>
        {[
          {
            title: 'Stale deals',
            description: 'No activity in 30 days, or past the expected close',
            list: dashboard.stale,
            empty: 'No stale deals.',
            dealLink: deal,
            allLink: opportunitiesLink({ ...open, flag: 'stale' }),
          },
          {
            title: 'Slipping deals',
            description: 'Expected close moved later 3 times or more',
            list: dashboard.slipping,
            empty: 'No slipping deals.',
            dealLink: deal,
            allLink: opportunitiesLink({ ...open, flag: 'slipping' }),
          },
          {
            title: 'Deals that need a plan',
            description: 'Open deals large enough for a deal plan that have none',
            list: dashboard.needsPlan,
            empty: 'Every deal that needs a plan has one.',
            dealLink: plan,
          },
          {
            title: 'Deal plans with errors',
            description: 'Open deals whose plan has at least one error finding',
            list: dashboard.planErrors,
            empty: 'No deal plan has an error.',
            dealLink: plan,
          },
        ].map((section) => (
          <Grid.Col key={section.title} span={{ base: 12, md: 6 }}>
            <DealListSection {...section} currency={currency} />
          </Grid.Col>
        ))}
        <Grid.Col span={{ base: 12, md: 6 }}>
          <StepListSection
            title="Action steps overdue"
            description="Steps of the deal plans past their due date"
            list={dashboard.steps.overdue}
            empty="No action step is overdue."
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <StepListSection
            title="Action steps due this week"
            description={`Due by ${formatDay(dashboard.activity.week.to)}`}
            list={dashboard.steps.dueThisWeek}
            empty="No action step is due this week."
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** `/dashboards/rep` (the caller's) and `/dashboards/rep/:repId` (a manager's or leader's look). */
export function RepDashboardPage() {
  const { repId } = useParams();
  const session = useSession();
  const dashboard = useRepDashboard(repId);
  if (dashboard.isPending) return <DetailSkeleton />;
  if (dashboard.isError) {
    return <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  }
  const isOwn = dashboard.data.rep.id === session.data?.user.id;
  return <RepDashboardView dashboard={dashboard.data} isOwn={isOwn} />;
}
