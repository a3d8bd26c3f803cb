import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PlanningCalendar } from '../../../schemas/planning-calendar';
import { api } from '../../api/client';
import { formatDay } from '../../components/dates';

/** Next year's planning tasks (open three months ahead) and the quarterly inspections. */
export function PlanningTasks() {
  const calendar = useQuery({
    queryKey: ['planning-calendar'],
    queryFn: () => api.get<PlanningCalendar>('/api/planning-calendar'),
  });
  if (!calendar.data) return null;
  const { data } = calendar;
  const planning = data.tasks.filter((task) => task.kind !== 'inspection');
  // Nothing of next year's planning is this person's (a leader's or admin's): no empty card.
  if (data.isPlanningOpen && planning.length === 0) return null;
  return (
    <Card withBorder padding="md" aria-label="Planning calendar">
      <Title order={2} size="h5" mb="xs">
        Planning {data.year}
      </Title>
      {!data.isPlanningOpen && (
        <Text size="sm">
          Planning for {data.year} opens on {formatDay(data.planningOpensOn)}.
        </Text>
      )}
      {data.isPlanningOpen && (
        <Stack gap={4}>
          {planning.map((task) => (
            <Group key={task.kind} gap="xs">
              <Badge variant="light" color={task.isDone ? 'green' : 'blue'}>
                {task.isDone ? 'Done' : 'To do'}
              </Badge>
              <Text size="sm">
                {task.title}, by {formatDay(task.dueOn)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
