import { Badge, Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { PlusIcon } from '../../components/icons';
import { RowActions } from './RowActions';
import { TeamActivityFields } from './TeamActivityFields';
import type { MetricOptions } from './useTeamPlanOptions';
import {
  type ActivityDraft,
  emptyActivity,
  type GoalDraft,
  moved,
  type TeamGoalArea,
} from './team-plan-draft';

const AREAS: { value: TeamGoalArea; label: string }[] = [
  { value: 'sales', label: 'Sales goal' },
  { value: 'marketing', label: 'Marketing goal' },
];

/** A sales or marketing goal and the tactical activities that reach it. */
export function TeamGoalFields({
  goal,
  index,
  count,
  options,
  currency,
  errorAt,
  onChange,
  onStructureChange,
  onMove,
  onRemove,
}: {
  goal: GoalDraft;
  index: number;
  count: number;
  options: MetricOptions;
  currency: string;
  /** The error under a field below this goal: 'title', 'activities.0.ownerId'... */
  errorAt: (field: string) => string | undefined;
  onChange: (patch: Partial<GoalDraft>) => void;
  /** Rows added, removed or moved: errors keyed by position no longer fit. */
  onStructureChange: (patch: Partial<GoalDraft>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const setActivity = (a: number, patch: Partial<ActivityDraft>) =>
    onChange({
      activities: goal.activities.map((activity, i) =>
        i === a ? { ...activity, ...patch } : activity,
      ),
    });
  return (
    <Paper withBorder p="sm" bg="gray.0" role="group" aria-label={`Goal ${index + 1}`}>
      <Stack gap="sm">
        <Group align="flex-end" wrap="nowrap">
          <Badge color={goal.area === 'sales' ? 'blue' : 'grape'} mb={8}>
            {goal.area}
          </Badge>
          <Select
            label="Area"
            data={AREAS}
            allowDeselect={false}
            value={goal.area}
            onChange={(area) => area && onChange({ area: area as TeamGoalArea })}
            error={errorAt('area')}
            w={170}
          />
          <TextInput
            label="Goal"
            required
            style={{ flex: 1 }}
            value={goal.title}
            onChange={(event) => onChange({ title: event.currentTarget.value })}
            error={errorAt('title')}
          />
          <RowActions
            label={`goal ${index + 1}`}
            index={index}
            count={count}
            onMove={onMove}
            onRemove={onRemove}
          />
        </Group>
        {goal.activities.map((activity, a) => (
          <TeamActivityFields
            key={activity.key}
            activity={activity}
            index={a}
            count={goal.activities.length}
            options={options}
            currency={currency}
            errorAt={(field) => errorAt(`activities.${a}.${field}`)}
            onChange={(patch) => setActivity(a, patch)}
            onMove={(to) => onStructureChange({ activities: moved(goal.activities, a, to) })}
            onRemove={() =>
              onStructureChange({ activities: goal.activities.filter((_, i) => i !== a) })
            }
          />
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          leftSection={<PlusIcon size={14} />}
          onClick={() => onStructureChange({ activities: [...goal.activities, emptyActivity()] })}
        >
          Add a tactical activity
        </Button>
      </Stack>
    </Paper>
  );
}
