import { useMemo } from 'react';
import { Alert, Anchor, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { checkDealPlanHealth } from '../../../domain/deal-plan-checks';
import type { DealPlanDraft, DealPlanView } from '../../../schemas/deal-plans';
import { formatDay, formatInstant } from '../../components/dates';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { ActionStepList } from './ActionStepList';
import { ChecksDrawer } from './ChecksDrawer';
import { CompetitionList } from './CompetitionList';
import { FindingsPanel, HealthBadges } from './FindingsPanel';
import { ObjectiveList } from './ObjectiveList';
import { PlanDraftContext, usePlanDrafts } from './plan-draft';
import { anchorOf } from './plan-labels';
import { PlanTimeline } from './PlanTimeline';
import { DealPlanComments } from './DealPlanComments';
import { StartHere } from './StartHere';
import { RelationshipMap } from './RelationshipMap';
import { dealPlanKey, useDealPlan } from './useDealPlan';
import { WinWinForm } from './WinWinForm';
import './deal-plan-print.css';
import { BackLink } from '../../components/BackLink';
import { PlanDocumentActions } from '../plan-format/PlanDocumentActions';

// The strategic action plan of one opportunity: build it piece by piece while the checks beside
// it say what is weak, print it for a deal review, and see how it evolved.

// The findings about the expected close name this field; the header shows it.
const EXPECTED_CLOSE: keyof DealPlanDraft = 'expectedCloseOn';

const isEmptyPlan = (plan: DealPlanView) =>
  plan.objectives.length + plan.influences.length + plan.competition.length + plan.steps.length ===
    0 && Object.values(plan.winWin).every((text) => text === '');

function PlanHeader({ plan, health }: { plan: DealPlanView; health: DealPlanView['health'] }) {
  return (
    <Stack gap={4} id="plan-top" tabIndex={-1}>
      <Anchor
        component={Link}
        to={`/opportunities/${plan.opportunityId}`}
        size="sm"
        className="no-print"
      >
        ← {plan.opportunityName}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            Deal plan: {plan.opportunityName}
          </Title>
          <Text size="sm" c="dimmed" id={anchorOf(EXPECTED_CLOSE)} tabIndex={-1}>
            {plan.accountName ?? 'No account'} · {plan.ownerName} · expected close{' '}
            {formatDay(plan.expectedCloseOn)}
            {plan.isOpen ? '' : ' · closed deal'}
          </Text>
        </div>
        <Group>
          <HealthBadges health={health} />
          <Button variant="default" size="xs" onClick={() => window.print()} className="no-print">
            Print plan
          </Button>
          <div className="no-print">
            <PlanDocumentActions
              documentPath={`/api/opportunities/${plan.opportunityId}/plan/document`}
              fileName={`deal-plan-${plan.opportunityName}`}
              // A document goes only into a deal without a plan (docs/plan-format/).
              canImport={plan.canEdit && isEmptyPlan(plan)}
              refreshKeys={[dealPlanKey(plan.opportunityId)]}
              importNote="Fills this deal's empty plan from a deal-plan JSON file"
            />
          </div>
        </Group>
      </Group>
      <Text className="deal-plan-print-only" size="xs">
        Printed {formatInstant(new Date().toISOString())} · plan version {plan.version}
      </Text>
    </Stack>
  );
}

export function DealPlanScreen({ plan }: { plan: DealPlanView }) {
  const { applyDrafts, setDraft, hasDrafts } = usePlanDrafts();
  // While the rep types, the checks run here on the plan with their unsaved edits; the domain
  // core is the same one the server runs, on the server's today.
  const live = useMemo(
    () =>
      hasDrafts
        ? checkDealPlanHealth(applyDrafts(plan), plan.checkOptions.today, plan.checkOptions)
        : { findings: plan.findings, health: plan.health },
    [plan, applyDrafts, hasDrafts],
  );
  return (
    <PlanDraftContext value={setDraft}>
      <Stack className="deal-plan" gap="md">
        <PlanHeader plan={plan} health={live.health} />
        {!plan.canEdit && (
          <Alert color="gray" variant="light" className="no-print">
            You can read this plan; only the deal owner and their managers change it.
          </Alert>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="md">
              <RelationshipMap
                opportunityId={plan.opportunityId}
                accountId={plan.accountId}
                influences={plan.influences}
                canEdit={plan.canEdit}
              />
              <ObjectiveList
                opportunityId={plan.opportunityId}
                objectives={plan.objectives}
                influences={plan.influences}
                canEdit={plan.canEdit}
              />
              <ActionStepList plan={plan} canEdit={plan.canEdit} />
              <WinWinForm
                opportunityId={plan.opportunityId}
                winWin={plan.winWin}
                canEdit={plan.canEdit}
              />
              <CompetitionList
                opportunityId={plan.opportunityId}
                competition={plan.competition}
                canEdit={plan.canEdit}
              />
              <DealPlanComments plan={plan} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md" className="deal-plan-aside" style={{ position: 'sticky', top: 76 }}>
              {plan.canEdit && isEmptyPlan(plan) && !hasDrafts && <StartHere />}
              <FindingsPanel findings={live.findings} health={live.health} isDraft={hasDrafts} />
              <PlanTimeline history={plan.history} />
            </Stack>
          </Grid.Col>
        </Grid>
        <ChecksDrawer findings={live.findings} health={live.health} isDraft={hasDrafts} />
      </Stack>
    </PlanDraftContext>
  );
}

export function DealPlanPage() {
  const { opportunityId } = useParams();
  const plan = useDealPlan(opportunityId);
  if (plan.isPending) return <DetailSkeleton />;
  if (plan.isError)
    return (
      <Stack>
        <BackLink to="/opportunities">Deals</BackLink>
        <ErrorAlert
          title="Could not load this deal plan"
          error={plan.error}
          onRetry={() => void plan.refetch()}
        />
      </Stack>
    );
  return <DealPlanScreen plan={plan.data} />;
}
