import { useState } from 'react';
import { Alert, Badge, Button, Card, DataList, Group, Stack, Text, Title } from '@mantine/core';
import type { BuyingInfluence, SingleSalesObjective } from '../../../schemas/deal-plans';
import { formatDay } from '../../components/dates';
import { PlusIcon } from '../../components/icons';
import { ObjectiveForm, type ObjectiveValues } from './ObjectiveForm';
import { OBJECTIVE_STATUS_COLOURS } from './plan-labels';
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
              <Text span size="xs" c="orange">
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

  function submit(values: ObjectiveValues, objective?: SingleSalesObjective) {
    save.mutate(
      objective
        ? { method: 'PATCH', path: `/objectives/${objective.id}`, body: values }
        : { method: 'POST', path: '/objectives', body: values },
      { onSuccess: () => setEditingId(null) },
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
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      id="plan-objectives"
      tabIndex={-1}
      aria-label="Single sales objectives"
    >
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Single sales objectives
        </Title>
        {canEdit && editingId !== 'new' && (
          <Button
            size="xs"
            variant="light"
            leftSection={<PlusIcon size={14} />}
            onClick={() => setEditingId('new')}
            className="no-print"
          >
            Add objective
          </Button>
        )}
      </Group>
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
          <Card
            key={objective.id}
            id={`plan-objectives-${index}`}
            tabIndex={-1}
            withBorder
            padding="sm"
            radius="md"
          >
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
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setEditingId(objective.id)}
                  >
                    Edit
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      save.mutate({ method: 'DELETE', path: `/objectives/${objective.id}` })
                    }
                  >
                    Remove
                  </Button>
                </Group>
              )}
            </Group>
            {editingId === objective.id ? (
              <ObjectiveForm
                objective={objective}
                nextPosition={nextPosition}
                influences={influences}
                isSaving={save.isPending}
                onSave={(values) => submit(values, objective)}
                onCancel={() => setEditingId(null)}
              />
            ) : (
              <ObjectiveFacts objective={objective} influences={influences} />
            )}
          </Card>
        ))}
        {editingId === 'new' && (
          <Card withBorder padding="sm" radius="md">
            <ObjectiveForm
              nextPosition={nextPosition}
              influences={influences}
              isSaving={save.isPending}
              onSave={(values) => submit(values)}
              onCancel={() => setEditingId(null)}
            />
          </Card>
        )}
      </Stack>
    </Card>
  );
}
