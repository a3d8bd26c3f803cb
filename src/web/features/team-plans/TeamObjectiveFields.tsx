import { Button, Card, Group, Stack, TextInput } from '@mantine/core';
import { TEAM_GOAL_AREAS } from '../../../domain/team-plans';
import { PlusIcon } from '../../components/icons';
import { RowActions } from './RowActions';
import type { MetricOptions } from './useTeamPlanOptions';
import { TeamGoalFields } from './TeamGoalFields';
import { emptyGoal, type GoalDraft, moved, type ObjectiveDraft } from './team-plan-draft';

/** A business objective and the sales and marketing goals under it. */
export function TeamObjectiveFields({
  objective,
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
  objective: ObjectiveDraft;
  index: number;
  count: number;
  options: MetricOptions;
  currency: string;
  /** The error under a field below this objective: 'title', 'goals.0.title'... */
  errorAt: (field: string) => string | undefined;
  onChange: (patch: Partial<ObjectiveDraft>) => void;
  /** Rows added, removed or moved: errors keyed by position no longer fit. */
  onStructureChange: (patch: Partial<ObjectiveDraft>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { goals } = objective;
  const withGoal = (g: number, patch: Partial<GoalDraft>) =>
    goals.map((goal, i) => (i === g ? { ...goal, ...patch } : goal));
  return (
    <Card withBorder role="group" aria-label={`Business objective ${index + 1}`}>
      <Stack gap="sm">
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label="Business objective"
            required
            style={{ flex: 1 }}
            value={objective.title}
            onChange={(event) => onChange({ title: event.currentTarget.value })}
            error={errorAt('title')}
          />
          <RowActions
            label={`business objective ${index + 1}`}
            index={index}
            count={count}
            onMove={onMove}
            onRemove={onRemove}
          />
        </Group>
        {goals.map((goal, g) => (
          <TeamGoalFields
            key={goal.key}
            goal={goal}
            index={g}
            count={goals.length}
            options={options}
            currency={currency}
            errorAt={(field) => errorAt(`goals.${g}.${field}`)}
            onChange={(patch) => onChange({ goals: withGoal(g, patch) })}
            onStructureChange={(patch) => onStructureChange({ goals: withGoal(g, patch) })}
            onMove={(to) => onStructureChange({ goals: moved(goals, g, to) })}
            onRemove={() => onStructureChange({ goals: goals.filter((_, i) => i !== g) })}
          />
        ))}
        <Group gap="xs">
          {TEAM_GOAL_AREAS.map((area) => (
            <Button
              key={area}
              variant="light"
              size="xs"
              leftSection={<PlusIcon size={14} />}
              onClick={() => onStructureChange({ goals: [...goals, emptyGoal(area)] })}
            >
              Add a {area} goal
            </Button>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}
