import { useState } from 'react';
import { Button, Card, Grid, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useSearchParams } from 'react-router';
import { carriesQuota } from '../../../domain/roles';
import { errorMessage } from '../../api/client';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { PlanDocumentActions } from '../plan-format/PlanDocumentActions';
import { PrintHeader } from '../print/PrintHeader';
import '../print/rep-plan-print.css';
import { useCurrentFiscalYear, useSession, useToday } from '../session/useSession';
import { KeyAccountReviewsDue } from '../key-accounts/KeyAccountReviewsDue';
import { PlanningTasks } from './PlanningTasks';
import { RepPlanActivityPlan } from './RepPlanActivityPlan';
import { RepPlanAgreement } from './RepPlanAgreement';
import { RepPlanCheckIns } from './RepPlanCheckIns';
import { RepPlanComments } from './RepPlanComments';
import { RepPlanDraftForm } from './RepPlanDraftForm';
import { RepPlanFunnel } from './RepPlanFunnel';
import { RepPlanNextSteps } from './RepPlanNextSteps';
import { RepPlanWeeklyPlan } from './RepPlanWeeklyPlan';
import { RepPlanQualitative } from './RepPlanQualitative';
import { RepPlanTargets } from './RepPlanTargets';
import { RepPlanVersions } from './RepPlanVersions';
import { useCreateRepPlan, useRepPlan, useRepPlanList } from './useRepPlans';

/**
 * One rep plan in full: targets, agreement and the draft (or the agreed qualitative part) on one
 * side, funnel and activity plan on the other; then check-ins, versions and comments.
 */
export function RepPlanDetail({ planId, userId }: { planId: string; userId: string }) {
  const plan = useRepPlan(planId);
  const today = useToday();
  if (plan.isPending) return <DetailSkeleton />;
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  return (
    <Grid className="rep-plan-print">
      <Grid.Col span={12} className="print-header-col">
        <PrintHeader
          title={`Rep plan ${plan.data.year}, ${plan.data.rep.name}`}
          version={plan.data.version}
        />
      </Grid.Col>
      <Grid.Col span={12} className="no-print">
        <PlanDocumentActions
          documentPath={`/api/rep-plans/${planId}/document`}
          fileName={`rep-plan-${plan.data.year}-${plan.data.rep.name}`}
          canImport={plan.data.canEdit}
          refreshKeys={[['rep-plans']]}
          importNote="Replaces this draft's target accounts, funnel inputs, weekly figures and sales methods with a rep-plan JSON file's"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <RepPlanNextSteps plan={plan.data} userId={userId} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <RepPlanWeeklyPlan plan={plan.data} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack>
          <RepPlanTargets targets={plan.data.targets} attainment={plan.data.attainment} />
          <RepPlanAgreement plan={plan.data} userId={userId} />
          {plan.data.canEdit ? (
            <RepPlanDraftForm key={plan.data.version} plan={plan.data} />
          ) : (
            <RepPlanQualitative qualitative={plan.data.qualitative} />
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack>
          <RepPlanFunnel plan={plan.data} />
          <RepPlanActivityPlan
            activityPlan={plan.data.activityPlan}
            targetAccounts={plan.data.targetAccounts}
            month={today.slice(0, 7)}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={12}>
        <RepPlanCheckIns plan={plan.data} userId={userId} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <RepPlanVersions plan={plan.data} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <RepPlanComments plan={plan.data} userId={userId} />
      </Grid.Col>
    </Grid>
  );
}

/** The signed-in rep's plan for a year (or a team member's, from the Team page's link). */
export function MyPlanPage() {
  const session = useSession();
  const [searchParams] = useSearchParams();
  const thisYear = useCurrentFiscalYear();
  const [year, setYear] = useState(thisYear);
  const plans = useRepPlanList(year);
  const create = useCreateRepPlan();
  const userId = session.data?.user.id ?? '';
  const linked = searchParams.get('plan');
  const planId = linked ?? plans.data?.items.find((p) => p.rep.id === userId)?.id;
  // A team member's plan, opened from the Team page: titled with their name, without my to-dos.
  const opened = useRepPlan(linked ?? undefined);
  const other = linked && opened.data && opened.data.rep.id !== userId ? opened.data : null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{other ? `${other.rep.name}’s plan ${other.year}` : 'My plan'}</Title>
        {!linked && (
          <Select
            aria-label="Fiscal year"
            w={120}
            data={[thisYear - 1, thisYear, thisYear + 1].map(String)}
            value={String(year)}
            onChange={(value) => value && setYear(Number(value))}
            allowDeselect={false}
          />
        )}
      </Group>
      {!other && <PlanningTasks />}
      {userId !== '' && (
        <KeyAccountReviewsDue
          ownerIds={[other ? other.rep.id : userId]}
          showOwner={false}
          frame={(content) => (
            <Card withBorder padding="md" aria-label="Key-account plans">
              <Title order={2} size="h5" mb="xs">
                Key-account plans
              </Title>
              {content}
            </Card>
          )}
        />
      )}
      {plans.isError && <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.isPending && <DetailSkeleton />}
      {plans.isSuccess && !planId && session.data && !carriesQuota(session.data.user.role) && (
        <Card withBorder padding="lg">
          <Text mb="sm">
            Leaders and admins carry no sales target of their own, so there is no plan to start
            here.
          </Text>
          <Group gap="sm">
            <Button component={Link} to="/team" variant="light">
              Read the reps’ plans on Team
            </Button>
            <Button component={Link} to="/strategy" variant="light">
              Set the targets on Strategy
            </Button>
          </Group>
        </Card>
      )}
      {plans.isSuccess && !planId && session.data && carriesQuota(session.data.user.role) && (
        <Card withBorder padding="lg">
          <Text mb="md">You have no plan for {year} yet.</Text>
          <Button
            loading={create.isPending}
            onClick={() =>
              create.mutate(
                { year, cadence: 'monthly' },
                {
                  onError: (error) =>
                    notifications.show({
                      color: 'red',
                      title: 'Not started',
                      message: errorMessage(error),
                    }),
                },
              )
            }
          >
            Start my {year} plan
          </Button>
        </Card>
      )}
      {planId && <RepPlanDetail planId={planId} userId={userId} />}
    </Stack>
  );
}
