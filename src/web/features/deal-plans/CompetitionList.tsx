import { useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { type Competitor, CompetitorInput } from '../../../schemas/deal-plans';
import { PlusIcon } from '../../components/icons';
import { type DraftEdit, useReportDraft } from './plan-draft';
import { COMPETITOR_KIND_LABELS, options } from './plan-labels';
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
  onSave: (values: Values) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Values>(
    competitor ?? { kind: 'do_nothing', name: '', differentiators: '' },
  );
  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));
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
  const parsed = CompetitorInput.safeParse(values);
  return (
    <Stack gap="xs">
      <Group grow align="flex-start">
        <Select
          label="Kind"
          data={options(COMPETITOR_KIND_LABELS)}
          value={values.kind}
          allowDeselect={false}
          onChange={(kind) => kind && set({ kind: kind as Values['kind'] })}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label="Name"
          placeholder={values.kind === 'competitor' ? 'e.g. Initech' : 'optional'}
          required={values.kind === 'competitor'}
          value={values.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={parsed.success ? undefined : parsed.error.issues[0]?.message}
        />
      </Group>
      <Textarea
        label="Our differentiators"
        autosize
        minRows={1}
        value={values.differentiators}
        onChange={(e) => set({ differentiators: e.currentTarget.value })}
      />
      <Group justify="flex-end">
        <Button size="xs" variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          size="xs"
          disabled={!parsed.success}
          loading={isSaving}
          onClick={() => onSave(values)}
        >
          {competitor ? 'Save' : 'Add'}
        </Button>
      </Group>
    </Stack>
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
  const done = { onSuccess: () => setEditingId(null) };
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      id="plan-competition"
      tabIndex={-1}
      aria-label="Competition"
    >
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h4">
            Competition
          </Title>
          <Text size="sm" c="dimmed">
            Named competitors, and what the buyer could do instead: nothing, build it, spend the
            budget elsewhere.
          </Text>
        </div>
        {canEdit && editingId !== 'new' && (
          <Button
            size="xs"
            variant="light"
            leftSection={<PlusIcon size={14} />}
            onClick={() => setEditingId('new')}
            className="no-print"
          >
            Add competition
          </Button>
        )}
      </Group>
      <Stack gap="xs">
        {competition.length === 0 && editingId !== 'new' && (
          <Text size="sm" c="dimmed">
            No competition named. Even with no rival, the buyer can always do nothing.
          </Text>
        )}
        {competition.map((competitor, index) => (
          <Card
            key={competitor.id}
            id={`plan-competition-${index}`}
            tabIndex={-1}
            withBorder
            padding="sm"
            radius="md"
          >
            {editingId === competitor.id ? (
              <CompetitorForm
                competitor={competitor}
                isSaving={save.isPending}
                onCancel={() => setEditingId(null)}
                onSave={(body) =>
                  save.mutate(
                    { method: 'PATCH', path: `/competition/${competitor.id}`, body },
                    done,
                  )
                }
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
                  <Group gap={4} className="no-print" wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setEditingId(competitor.id)}
                    >
                      Edit
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() =>
                        save.mutate({ method: 'DELETE', path: `/competition/${competitor.id}` })
                      }
                    >
                      Remove
                    </Button>
                  </Group>
                )}
              </Group>
            )}
          </Card>
        ))}
        {editingId === 'new' && (
          <Card withBorder padding="sm" radius="md">
            <CompetitorForm
              isSaving={save.isPending}
              onCancel={() => setEditingId(null)}
              onSave={(body) => save.mutate({ method: 'POST', path: '/competition', body }, done)}
            />
          </Card>
        )}
      </Stack>
    </Card>
  );
}
