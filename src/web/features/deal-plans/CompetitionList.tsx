import { useMemo, useState } from 'react';
import { Badge, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { type Competitor, CompetitorInput, CompetitorKind } from '../../../schemas/deal-plans';
import { useSchemaForm } from '../../components/useSchemaForm';
import { type DraftEdit, useReportDraft } from './plan-draft';
import { COMPETITOR_KIND_LABELS, options } from './plan-labels';
import { ItemActions, PlanFormActions, PlanItemCard, PlanSection } from './PlanSection';
import { usePlanWrite } from './useDealPlan';

// Named competitors and the alternatives inside the account (do nothing, in-house, budget
// elsewhere), each with our differentiators.

type Values = Omit<Competitor, 'id'>;
const DRAFT_ID = '00000000-0000-4000-8000-00000000d0c1';

function CompetitorForm({
  competitor,
  isSaving,
  onSave,
  onCancel,
}: {
  competitor?: Competitor;
  isSaving: boolean;
  onSave: (input: CompetitorInput, onError: (error: unknown) => void) => void;
  onCancel: () => void;
}) {
  const { form, formError, onSubmit, showServerError, field } = useSchemaForm({
    schema: CompetitorInput,
    initialValues: {
      kind: competitor?.kind ?? 'do_nothing',
      name: competitor?.name ?? '',
      differentiators: competitor?.differentiators ?? '',
    } satisfies Values,
    toInput: (values) => values,
  });
  const values = form.values;
  const draft = useMemo(
    (): DraftEdit => (plan) => ({
      ...plan,
      competition: competitor
        ? plan.competition.map((c) => (c.id === competitor.id ? { ...c, ...values } : c))
        : [...plan.competition, { ...values, id: DRAFT_ID }],
    }),
    [competitor, values],
  );
  useReportDraft(`competitor-${competitor?.id ?? 'new'}`, draft);
  const kind = field('kind');
  return (
    <form
      onSubmit={onSubmit((input) => onSave(input, showServerError))}
      noValidate
      aria-label={competitor ? 'Edit competition' : 'New competition'}
    >
      <Stack gap="xs">
        <Group grow align="flex-start">
          <Select
            label="Kind"
            data={options(COMPETITOR_KIND_LABELS)}
            value={kind.value}
            error={kind.error}
            allowDeselect={false}
            onChange={(value) => {
              const picked = CompetitorKind.safeParse(value);
              if (picked.success) kind.onChange(picked.data);
            }}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label="Name"
            placeholder={values.kind === 'competitor' ? 'e.g. Initech' : 'optional'}
            required={values.kind === 'competitor'}
            {...form.getInputProps('name')}
          />
        </Group>
        <Textarea
          label="Our differentiators"
          autosize
          minRows={1}
          {...form.getInputProps('differentiators')}
        />
        <PlanFormActions
          saveLabel={competitor ? 'Save' : 'Add'}
          isSaving={isSaving}
          formError={formError}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

export function CompetitionList({
  opportunityId,
  competition,
  canEdit,
}: {
  opportunityId: string;
  competition: readonly Competitor[];
  canEdit: boolean;
}) {
  const [editingId, setEditingId] = useState<string | 'new' | null>(null);
  const save = usePlanWrite(opportunityId);
  const saveWith =
    (write: { method: 'POST' | 'PATCH'; path: string }) =>
    (body: CompetitorInput, onError: (error: unknown) => void) =>
      save.mutate({ ...write, body }, { onSuccess: () => setEditingId(null), onError });
  return (
    <PlanSection
      part="competition"
      title="Competition"
      hint="Named competitors, and what the buyer could do instead: nothing, build it, spend the budget elsewhere."
      addLabel="Add competition"
      onAdd={canEdit && editingId !== 'new' ? () => setEditingId('new') : undefined}
    >
      <Stack gap="xs">
        {competition.length === 0 && editingId !== 'new' && (
          <Text size="sm" c="dimmed">
            No competition named. Even with no rival, the buyer can always do nothing.
          </Text>
        )}
        {competition.map((competitor, index) => (
          <PlanItemCard key={competitor.id} part="competition" index={index}>
            {editingId === competitor.id ? (
              <CompetitorForm
                competitor={competitor}
                isSaving={save.isPending}
                onCancel={() => setEditingId(null)}
                onSave={saveWith({ method: 'PATCH', path: `/competition/${competitor.id}` })}
              />
            ) : (
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div>
                  <Group gap="xs">
                    <Badge
                      size="sm"
                      variant="light"
                      color={competitor.kind === 'competitor' ? 'grape' : 'cyan'}
                    >
                      {COMPETITOR_KIND_LABELS[competitor.kind]}
                    </Badge>
                    {competitor.name && (
                      <Text fw={600} size="sm">
                        {competitor.name}
                      </Text>
                    )}
                  </Group>
                  <Text size="sm" mt={4} c={competitor.differentiators ? undefined : 'dimmed'}>
                    {competitor.differentiators || 'No differentiator written yet.'}
                  </Text>
                </div>
                {canEdit && (
                  <ItemActions
                    onEdit={() => setEditingId(competitor.id)}
                    onRemove={() =>
                      save.mutate({ method: 'DELETE', path: `/competition/${competitor.id}` })
                    }
                  />
                )}
              </Group>
            )}
          </PlanItemCard>
        ))}
        {editingId === 'new' && (
          <PlanItemCard part="competition">
            <CompetitorForm
              isSaving={save.isPending}
              onCancel={() => setEditingId(null)}
              onSave={saveWith({ method: 'POST', path: '/competition' })}
            />
          </PlanItemCard>
        )}
      </Stack>
    </PlanSection>
  );
}
