import { ActionIcon, Badge, Button, Checkbox, Group, Table, Text } from '@mantine/core';
import type { ActionStep, DealPlanView } from '../../../schemas/deal-plans';
import { formatDay, isBeforeToday } from '../../components/dates';
import { useToday } from '../session/useSession';
import { COMPETITOR_KIND_LABELS } from './plan-labels';
import type { usePlanWrite } from './useDealPlan';

// One action step in the list: drag it or use the arrows to move it, tick it to complete it.

type Plan = Pick<DealPlanView, 'objectives' | 'influences' | 'competition' | 'steps'>;

function targetOf(step: ActionStep, plan: Plan): string {
  const influence = plan.influences.find((i) => i.id === step.influenceId);
  if (influence) return influence.contactName;
  const competitor = plan.competition.find((c) => c.id === step.competitorId);
  return competitor ? competitor.name || COMPETITOR_KIND_LABELS[competitor.kind] : '';
}

export function ActionStepRow({
  step,
  index,
  plan,
  canEdit,
  save,
  dragged,
  onDrag,
  onReorder,
  onEdit,
  onLog,
}: {
  step: ActionStep;
  index: number;
  plan: Plan;
  canEdit: boolean;
  save: ReturnType<typeof usePlanWrite>;
  dragged: number | null;
  onDrag: (index: number | null) => void;
  onReorder: (from: number, to: number) => void;
  onEdit: () => void;
  onLog: () => void;
}) {
  const today = useToday();
  return (
    <Table.Tr
      key={step.id}
      id={`plan-steps-${index}`}
      tabIndex={-1}
      draggable={canEdit}
      onDragStart={() => onDrag(index)}
      onDragOver={(event) => event.preventDefault()}
      onDrop={() => dragged !== null && onReorder(dragged, index)}
      onDragEnd={() => onDrag(null)}
      style={{
        cursor: canEdit ? 'grab' : undefined,
        // A done step is set apart by its background and the struck-through text, not by
        // opacity: faded text falls below 4.5:1 contrast (WCAG AA).
        backgroundColor: step.status === 'open' ? undefined : 'var(--mantine-color-gray-0)',
      }}
    >
      {canEdit && (
        <Table.Td className="no-print">
          <Checkbox
            aria-label={`Complete step ${step.position}`}
            checked={step.status === 'done'}
            onChange={(event) =>
              save.mutate({
                method: 'PATCH',
                path: `/steps/${step.id}`,
                body: { status: event.currentTarget.checked ? 'done' : 'open' },
              })
            }
          />
        </Table.Td>
      )}
      <Table.Td>{step.position}</Table.Td>
      <Table.Td>
        <Text size="sm" td={step.status === 'done' ? 'line-through' : undefined}>
          {step.what}
        </Text>
        <Text size="xs" c="dimmed">
          {[
            plan.objectives.find((o) => o.id === step.objectiveId) &&
              `Objective ${plan.objectives.find((o) => o.id === step.objectiveId)?.position}`,
            targetOf(step, plan) && `→ ${targetOf(step, plan)}`,
            step.dependsOnStepId &&
              `after step ${plan.steps.find((s) => s.id === step.dependsOnStepId)?.position ?? '?'}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td>{step.ownerName ?? '—'}</Table.Td>
      <Table.Td>
        <Text
          size="sm"
          c={step.status === 'open' && isBeforeToday(step.dueOn, today) ? 'red' : undefined}
        >
          {formatDay(step.dueOn)}
        </Text>
      </Table.Td>
      <Table.Td>
        {step.confidence === null ? (
          <Text size="xs" c="dimmed">
            —
          </Text>
        ) : (
          <Badge size="sm" variant="light" color={step.confidence <= 2 ? 'orange' : 'teal'}>
            {step.confidence}/5
          </Badge>
        )}
      </Table.Td>
      {canEdit && (
        <Table.Td className="no-print">
          <Group gap={2} wrap="nowrap" justify="flex-end">
            {step.status === 'done' && !step.activityId && (
              <Button size="compact-xs" variant="light" onClick={() => onLog()}>
                Log activity
              </Button>
            )}
            {step.activityId && (
              <Badge size="xs" variant="outline">
                activity logged
              </Badge>
            )}
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={`Move step ${step.position} up`}
              disabled={index === 0}
              onClick={() => onReorder(index, index - 1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={`Move step ${step.position} down`}
              disabled={index === plan.steps.length - 1}
              onClick={() => onReorder(index, index + 1)}
            >
              ↓
            </ActionIcon>
            <Button size="compact-xs" variant="subtle" onClick={() => onEdit()}>
              Edit
            </Button>
            <ActionIcon
              variant="subtle"
              color="red"
              size="sm"
              aria-label={`Remove step ${step.position}`}
              onClick={() => save.mutate({ method: 'DELETE', path: `/steps/${step.id}` })}
            >
              ×
            </ActionIcon>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
