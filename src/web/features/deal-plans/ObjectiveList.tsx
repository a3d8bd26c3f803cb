import { useState } from 'react';
import { Alert, Badge, Button, DataList, Group, Stack, Text } from '@mantine/core';
import type {
  BuyingInfluence,
  SingleSalesObjective,
  SingleSalesObjectiveInput,
} from '../../../schemas/deal-plans';
import { formatDay } from '../../components/dates';
import { ObjectiveForm } from './ObjectiveForm';
import { OBJECTIVE_STATUS_COLOURS } from './plan-labels';
import { ItemActions, PlanItemCard, PlanSection } from './PlanSection';
import { usePlanWrite } from './useDealPlan';

// Single sales objectives in sequence: achieving one offers to start the next.

function ObjectiveFacts({
  objective,
  influences,
}: {
  objective: SingleSalesObjective;
  influences: readonly BuyingInfluence[];
}) {
  const who = objective.who
    .map((id) => influences.find((i) => i.id === id)?.contactName)
    .filter(Boolean);
  const rows: [string, string][] = [
    ['Who', who.join(', ')],
    ['Where and when', objective.whereWhen],
    ['Information to collect', objective.informationToCollect],
    ['How', objective.how],
    ['Desired outcome', objective.desiredOutcome],
    ['Due', formatDay(objective.dueOn)],
  ];
  return (
    <DataList size="xs" labelWidth="150px">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>
            {value || (
              <Text span size="xs" c="red.9" fw={600}>
                missing
              </Text>
            )}
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

export function ObjectiveList({
  opportunityId,
  objectives,
  influences,
  canEdit,
}: {
  opportunityId: string;
  objectives: readonly SingleSalesObjective[];
  influences: readonly BuyingInfluence[];
  canEdit: boolean;
}) {
  const [editingId, setEditingId] = useState<string | 'new' | null>(null);
  const [offerNext, setOfferNext] = useState<number | null>(null);
  const save = usePlanWrite(opportunityId);
  const nextPosition = (objectives.at(-1)?.position ?? 0) + 1;

  function submit(
    body: SingleSalesObjectiveInput,
    onError: (error: unknown) => void,
    objective?: SingleSalesObjective,
  ) {
    save.mutate(
      objective
        ? { method: 'PATCH', path: `/objectives/${objective.id}`, body }
        : { method: 'POST', path: '/objectives', body },
      { onSuccess: () => setEditingId(null), onError },
    );
  }

  function achieve(objective: SingleSalesObjective) {
    save.mutate(
      { method: 'PATCH', path: `/objectives/${objective.id}`, body: { status: 'achieved' } },
      {
        onSuccess: (plan) => {
          const hasNextOpen = plan.objectives.some((o) => o.status === 'open');
          if (!hasNextOpen) setOfferNext(objective.position);
        },
      },
    );
  }

  return (
    <PlanSection
      part="objectives"
      title="Single sales objectives"
      addLabel="Add objective"
      onAdd={canEdit && editingId !== 'new' ? () => setEditingId('new') : undefined}
    >
      {offerNext !== null && canEdit && (
        <Alert color="green" mb="sm" title={`Objective ${offerNext} achieved`} className="no-print">
          <Group justify="space-between">
            <Text size="sm">What must the next meeting achieve? Start the next objective now.</Text>
            <Group gap="xs">
              <Button
                size="xs"
                onClick={() => {
                  setOfferNext(null);
                  setEditingId('new');
                }}
              >
                Start the next objective
              </Button>
              <Button size="xs" variant="default" onClick={() => setOfferNext(null)}>
                Not now
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
      <Stack gap="sm">
        {objectives.length === 0 && editingId !== 'new' && (
          <Text size="sm" c="dimmed">
            No objective yet. Start with what the next meeting must achieve, and who must agree to
            it.
          </Text>
        )}
        {objectives.map((objective, index) => (
          <PlanItemCard key={objective.id} part="objectives" index={index}>
            <Group justify="space-between" mb={6}>
              <Group gap="xs">
                <Text fw={600}>
                  {objective.position}. {objective.title || 'Untitled objective'}
                </Text>
                <Badge size="sm" color={OBJECTIVE_STATUS_COLOURS[objective.status]} variant="light">
                  {objective.status}
                </Badge>
              </Group>
              {canEdit && editingId !== objective.id && (
                <Group gap={4} className="no-print">
                  {objective.status === 'open' && (
                    <Button
                      size="compact-xs"
                      color="green"
                      variant="light"
                      onClick={() => achieve(objective)}
                    >
                      Mark achieved
                    </Button>
                  )}
                  <ItemActions
                    onEdit={() => setEditingId(objective.id)}
                    onRemove={() =>
                      save.mutate({ method: 'DELETE', path: `/objectives/${objective.id}` })
                    }
                  />
                </Group>
              )}
            </Group>
            {editingId === objective.id ? (
              <ObjectiveForm
                objective={objective}
                nextPosition={nextPosition}
                influences={influences}
                isSaving={save.isPending}
                onSave={(body, onError) => submit(body, onError, objective)}
                onCancel={() => setEditingId(null)}
              />
            ) : (
              <ObjectiveFacts objective={objective} influences={influences} />
            )}
          </PlanItemCard>
        ))}
        {editingId === 'new' && (
          <PlanItemCard part="objectives">
            <ObjectiveForm
              nextPosition={nextPosition}
              influences={influences}
              isSaving={save.isPending}
              onSave={(body, onError) => submit(body, onError)}
              onCancel={() => setEditingId(null)}
            />
          </PlanItemCard>
        )}
      </Stack>
    </PlanSection>
  );
}
