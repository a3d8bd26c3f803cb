import { useState } from 'react';
import { Modal, Table, Text } from '@mantine/core';
import type { ActionStep, ActionStepInput, DealPlanView } from '../../../schemas/deal-plans';
import { ActivityForm } from '../activities/ActivityForm';
import { ActionStepForm } from './ActionStepForm';
import { ActionStepRow } from './ActionStepRow';
import { PlanItemCard, PlanSection } from './PlanSection';
import { usePlanWrite } from './useDealPlan';

// The action steps in order: drag a row (or use the arrows) to reorder, tick to complete, and
// log the activity a completed step produced.

type Plan = Pick<
  DealPlanView,
  | 'opportunityId'
  | 'accountId'
  | 'accountName'
  | 'ownerId'
  | 'objectives'
  | 'influences'
  | 'competition'
  | 'steps'
>;

export function moveStep(ids: readonly string[], from: number, to: number): string[] {
  const next = [...ids];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(Math.max(0, Math.min(to, next.length)), 0, moved);
  return next;
}

export function ActionStepList({ plan, canEdit }: { plan: Plan; canEdit: boolean }) {
  const [editingId, setEditingId] = useState<string | 'new' | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const [logging, setLogging] = useState<ActionStep | null>(null);
  const save = usePlanWrite(plan.opportunityId);
  const ids = plan.steps.map((s) => s.id);
  const reorder = (from: number, to: number) => {
    if (from !== to)
      save.mutate({
        method: 'PUT',
        path: '/steps/order',
        body: { stepIds: moveStep(ids, from, to) },
      });
  };
  const submit = (body: ActionStepInput, onError: (error: unknown) => void, step?: ActionStep) =>
    save.mutate(
      step
        ? { method: 'PATCH', path: `/steps/${step.id}`, body }
        : { method: 'POST', path: '/steps', body },
      { onSuccess: () => setEditingId(null), onError },
    );

  return (
    <PlanSection
      part="steps"
      title="Action steps"
      addLabel="Add step"
      onAdd={canEdit && editingId !== 'new' ? () => setEditingId('new') : undefined}
    >
      {plan.steps.length === 0 && editingId !== 'new' ? (
        <Text size="sm" c="dimmed">
          No step yet. Each step serves an objective and is aimed at someone: who does what, by
          when?
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing={6} className="deal-plan-steps">
            <Table.Thead>
              <Table.Tr>
                {canEdit && <Table.Th className="no-print" w={40} aria-label="Done" />}
                <Table.Th w={30}>#</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Confidence</Table.Th>
                {canEdit && <Table.Th className="no-print" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.steps.map((step, index) =>
                editingId === step.id ? (
                  <Table.Tr key={step.id}>
                    <Table.Td colSpan={7}>
                      <ActionStepForm
                        step={step}
                        plan={plan}
                        isSaving={save.isPending}
                        onSave={(body, onError) => submit(body, onError, step)}
                        onCancel={() => setEditingId(null)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <ActionStepRow
                    key={step.id}
                    step={step}
                    index={index}
                    plan={plan}
                    canEdit={canEdit}
                    save={save}
                    onReorder={reorder}
                    dragged={dragged}
                    onDrag={setDragged}
                    onEdit={() => setEditingId(step.id)}
                    onLog={() => setLogging(step)}
                  />
                ),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editingId === 'new' && (
        <PlanItemCard part="steps">
          <ActionStepForm
            plan={plan}
            isSaving={save.isPending}
            onSave={(body, onError) => submit(body, onError)}
            onCancel={() => setEditingId(null)}
          />
        </PlanItemCard>
      )}
      <Modal
        opened={logging !== null}
        onClose={() => setLogging(null)}
        title="Log the activity this step produced"
        size="lg"
        centered
      >
        {logging && (
          <ActivityForm
            defaults={{
              accountId: plan.accountId ?? undefined,
              accountName: plan.accountName ?? undefined,
              opportunityId: plan.opportunityId,
            }}
            onCancel={() => setLogging(null)}
            onSaved={(activity) => {
              save.mutate({
                method: 'PATCH',
                path: `/steps/${logging.id}`,
                body: { activityId: activity.id },
              });
              setLogging(null);
            }}
          />
        )}
      </Modal>
    </PlanSection>
  );
}
