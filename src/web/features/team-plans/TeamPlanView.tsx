import { useState } from 'react';
import { Badge, Button, Card, DataList, Group, Select, Stack, Text, Title } from '@mantine/core';
import type { TeamPlan } from '../../../schemas/team-plans';
import type { Me } from '../../../schemas/session';
import { formatDay } from '../../components/dates';
import { ExportCsvMenu } from '../../components/ExportCsvMenu';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { RecordList } from '../../components/RecordList';
import { useIsPhone } from '../../components/useIsPhone';
import { useUsers } from '../reference/useReference';
import { useSession } from '../session/useSession';
import { MetricProgress } from './MetricProgress';
import { TEAM_PLAN_QUESTIONS } from './team-plan-draft';
import { TeamPlanEditor } from './TeamPlanEditor';
import { useCreateTeamPlan, useTeamPlan, useTeamPlanList } from './useTeamPlans';
import { PlanDocumentActions } from '../plan-format/PlanDocumentActions';
import { PrintHeader } from '../print/PrintHeader';

function TeamPlanDetails({ plan, currency }: { plan: TeamPlan; currency: string }) {
  const users = useUsers();
  // On a phone the answers sit under their questions: beside them they were squeezed to a word a line.
  const isPhone = useIsPhone();
  const nameOf = (userId: string | null) =>
    userId === null ? 'Team' : (users.data?.items.find((u) => u.id === userId)?.name ?? '—');
  return (
    <>
      <DataList
        size="sm"
        labelWidth="240px"
        orientation={isPhone ? 'vertical' : 'horizontal'}
        withDivider={isPhone}
      >
        {TEAM_PLAN_QUESTIONS.map(([key, question]) => (
          <DataList.Item key={key}>
            <DataList.ItemLabel>{question}</DataList.ItemLabel>
            <DataList.ItemValue>{plan.answers[key] || '—'}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      {plan.objectives.map((objective) => (
        <Stack key={objective.id} mt="md" gap="xs">
          <Title order={3} size="h5">
            {objective.title}
          </Title>
          {objective.goals.map((goal) => (
            <Stack key={goal.id} gap={4}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge color={goal.area === 'sales' ? 'blue' : 'grape'} style={{ flexShrink: 0 }}>
                  {goal.area}
                </Badge>
                <Title order={4} size="h6">
                  {goal.title}
                </Title>
              </Group>
              <RecordList
                label={goal.title}
                rows={goal.activities}
                rowKey={(activity) => activity.id}
                columns={[
                  { label: 'Activity', cell: (activity) => activity.title },
                  { label: 'Owner', cell: (activity) => nameOf(activity.ownerId) },
                  {
                    label: 'Timeline',
                    noWrap: true,
                    cell: (activity) =>
                      `${formatDay(activity.startsOn)} – ${formatDay(activity.endsOn)}`,
                  },
                  {
                    label: 'Progress',
                    isWide: true,
                    cell: (activity) => <MetricProgress {...activity} currency={currency} />,
                  },
                ]}
              />
            </Stack>
          ))}
        </Stack>
      ))}
    </>
  );
}

// Only the team's manager edits its plan, or an admin (as the API decides).
const canEdit = (me: Me | null | undefined, plan: Pick<TeamPlan, 'manager'>) =>
  Boolean(me && (me.user.id === plan.manager.id || me.user.role === 'admin'));

function TeamPlanCard({ id, isNew }: { id: string; isNew: boolean }) {
  const plan = useTeamPlan(id);
  const session = useSession();
  const [isEditing, setIsEditing] = useState(isNew);
  if (plan.isPending) return <DetailSkeleton />;
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const currency = session.data?.organisation.currency ?? 'EUR';
  if (isEditing && canEdit(session.data, plan.data)) {
    return (
      <TeamPlanEditor plan={plan.data} currency={currency} onClose={() => setIsEditing(false)} />
    );
  }
  return (
    <Card withBorder padding="lg" aria-label={`Team plan of ${plan.data.manager.name}`}>
      <PrintHeader
        title={`Team sales & marketing plan ${plan.data.year}, ${plan.data.manager.name}’s team`}
        version={plan.data.version}
      />
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {plan.data.manager.name}’s team, {plan.data.year}
        </Title>
        <Group gap="xs" align="flex-start" className="no-print">
          <PlanDocumentActions
            documentPath={`/api/team-plans/${plan.data.id}/document`}
            fileName={`team-plan-${plan.data.year}-${plan.data.manager.name}`}
            canImport={canEdit(session.data, plan.data)}
            refreshKeys={[['team-plans']]}
            importNote="Replaces this team plan's answers, objectives, goals and activities with a team-plan JSON file's"
          />
          {canEdit(session.data, plan.data) && (
            <Button variant="light" onClick={() => setIsEditing(true)}>
              Edit the team plan
            </Button>
          )}
        </Group>
      </Group>
      <TeamPlanDetails plan={plan.data} currency={currency} />
    </Card>
  );
}

/** An admin starts the plan of a manager who has none for the year yet. */
function StartForManager({
  year,
  planned,
  onStart,
  isPending,
}: {
  year: number;
  planned: readonly string[];
  onStart: (managerId: string) => void;
  isPending: boolean;
}) {
  const users = useUsers();
  const [managerId, setManagerId] = useState<string | null>(null);
  const managers = (users.data?.items ?? []).filter(
    (user) => user.role === 'manager' && user.isActive && !planned.includes(user.id),
  );
  if (managers.length === 0) return null;
  return (
    <Group align="flex-end">
      <Select
        label="Manager"
        placeholder="Pick a manager"
        data={managers.map((user) => ({ value: user.id, label: user.name }))}
        value={managerId}
        onChange={setManagerId}
      />
      <Button
        disabled={!managerId}
        loading={isPending}
        onClick={() => managerId && onStart(managerId)}
      >
        Start their {year} team plan
      </Button>
    </Group>
  );
}

/**
 * The team sales & marketing plans of a year the signed-in person may see. A manager starts
 * and edits their own; an admin any manager's; everyone else reads.
 */
export function TeamPlanView({ year }: { year: number }) {
  const plans = useTeamPlanList(year);
  const session = useSession();
  const create = useCreateTeamPlan();
  const [createdId, setCreatedId] = useState<string | null>(null);
  if (plans.isPending) return <DetailSkeleton />;
  if (plans.isError) return <ErrorAlert error={plans.error} />;
  const me = session.data?.user;
  const planned = plans.data.items.map((plan) => plan.manager.id);
  const start = (managerId?: string) =>
    create.mutate(managerId ? { year, managerId } : { year }, {
      onSuccess: (plan) => setCreatedId(plan.id),
    });
  return (
    <Stack>
      {plans.data.items.length === 0 ? (
        <Text c="dimmed">No team sales & marketing plan for {year} yet.</Text>
      ) : (
        <Group justify="flex-end">
          <ExportCsvMenu
            path="/api/team-plans"
            filters={{ year }}
            label="Export team plans"
            importsBack={false}
          />
        </Group>
      )}
      {me?.role === 'manager' && !planned.includes(me.id) && (
        <Button w="fit-content" loading={create.isPending} onClick={() => start()}>
          Start the {year} team plan
        </Button>
      )}
      {me?.role === 'admin' && (
        <StartForManager
          year={year}
          planned={planned}
          onStart={start}
          isPending={create.isPending}
        />
      )}
      {create.isError && <ErrorAlert title="Not started" error={create.error} />}
      {plans.data.items.map((plan) => (
        <TeamPlanCard key={plan.id} id={plan.id} isNew={plan.id === createdId} />
      ))}
    </Stack>
  );
}
