import { Badge, Button, Card, DataList, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { TeamPlan } from '../../../schemas/team-plans';
import { formatDay } from '../../components/dates';
import { DetailSkeleton, ErrorAlert } from '../../components/PageStates';
import { useUsers } from '../reference/useReference';
import { useCreateTeamPlan, useTeamPlan, useTeamPlanList } from './useTeamPlans';

const QUESTIONS: [keyof TeamPlan['answers'], string][] = [
  ['whoIsOurCustomer', 'Who is our customer?'],
  ['whatDoesTheCustomerValue', 'What does the customer value?'],
  ['whatIsOurMission', 'What is our mission?'],
  ['whatIsOurPlan', 'What is our plan?'],
  ['whatAreOurDesiredResults', 'What are our desired results?'],
];

type TeamActivity = TeamPlan['objectives'][number]['goals'][number]['activities'][number];

function ActivityProgress({ activity }: { activity: TeamActivity }) {
  if (!activity.progress) return <Text size="xs">{activity.metric ?? '—'}</Text>;
  const { actual, ratio } = activity.progress;
  return (
    <Stack gap={2}>
      <Text size="xs">
        {actual}
        {activity.targetValue === null ? '' : ` of ${activity.targetValue}`} {activity.metric}
      </Text>
      {ratio !== null && <Progress value={Math.min(100, ratio * 100)} size="sm" />}
    </Stack>
  );
}

function TeamPlanCard({ id }: { id: string }) {
  const plan = useTeamPlan(id);
  const users = useUsers();
  const nameOf = (userId: string | null) =>
    userId === null ? 'Team' : (users.data?.items.find((u) => u.id === userId)?.name ?? '—');
  if (plan.isPending) return <DetailSkeleton />;
  if (plan.isError) return <ErrorAlert error={plan.error} />;
  return (
    <Card withBorder padding="lg" aria-label={`Team plan of ${plan.data.manager.name}`}>
      <Title order={2} size="h4" mb="sm">
        {plan.data.manager.name}’s team, {plan.data.year}
      </Title>
      <DataList size="sm" labelWidth="240px">
        {QUESTIONS.map(([key, question]) => (
          <DataList.Item key={key}>
            <DataList.ItemLabel>{question}</DataList.ItemLabel>
            <DataList.ItemValue>{plan.data.answers[key] || '—'}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      {plan.data.objectives.map((objective) => (
        <Stack key={objective.id} mt="md" gap="xs">
          <Title order={3} size="h5">
            {objective.title}
          </Title>
          {objective.goals.map((goal) => (
            <Table key={goal.id} aria-label={goal.title}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    <Badge mr="xs" color={goal.area === 'sales' ? 'blue' : 'grape'}>
                      {goal.area}
                    </Badge>
                    {goal.title}
                  </Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th>Timeline</Table.Th>
                  <Table.Th>Progress</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {goal.activities.map((activity) => (
                  <Table.Tr key={activity.id}>
                    <Table.Td>{activity.title}</Table.Td>
                    <Table.Td>{nameOf(activity.ownerId)}</Table.Td>
                    <Table.Td>
                      {formatDay(activity.startsOn)} – {formatDay(activity.endsOn)}
                    </Table.Td>
                    <Table.Td>
                      <ActivityProgress activity={activity} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ))}
        </Stack>
      ))}
    </Card>
  );
}

/** The team sales & marketing plans of a year the signed-in person may see. */
export function TeamPlanView({ year, canStart }: { year: number; canStart: boolean }) {
  const plans = useTeamPlanList(year);
  const create = useCreateTeamPlan();
  if (plans.isPending) return <DetailSkeleton />;
  if (plans.isError) return <ErrorAlert error={plans.error} />;
  return (
    <Stack>
      {plans.data.items.length === 0 && (
        <Text c="dimmed">No team sales & marketing plan for {year} yet.</Text>
      )}
      {canStart && plans.data.items.length === 0 && (
        <Button w="fit-content" loading={create.isPending} onClick={() => create.mutate({ year })}>
          Start the {year} team plan
        </Button>
      )}
      {plans.data.items.map((plan) => (
        <TeamPlanCard key={plan.id} id={plan.id} />
      ))}
    </Stack>
  );
}
