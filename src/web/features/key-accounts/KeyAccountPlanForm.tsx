import { randomId } from '@mantine/hooks';
import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { BUYING_INFLUENCE_ROLES } from '../../../domain/deal-plan';
import {
  KEY_ACCOUNT_OBJECTIVE_TERMS,
  KEY_ACCOUNT_STEP_STATUSES,
} from '../../../domain/key-accounts';
import { BENCHMARK_SOURCES } from '../../../domain/key-accounts-plan';
import { CHECK_IN_CADENCES } from '../../../domain/rep-plan-states';
import { KeyAccountPlanInput, type KeyAccountPlanView } from '../../../schemas/key-accounts-plans';
import { MoneyInput } from '../../components/MoneyInput';
import { useSchemaForm } from '../../components/useSchemaForm';
import {
  type BenchmarkDraft,
  benchmarkDraftErrors,
  benchmarkDraftOf,
  benchmarkInputOf,
} from './benchmark-draft';
import { BENCHMARK_SOURCE_LABELS, isMoneySource } from './key-account-labels';
import { useSaveKeyAccountPlan } from './useKeyAccounts';
import { ConflictAlert, isConflict, plainTextOf } from '../../components/ConflictAlert';
import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';

// The owner's form for the whole key-account plan: relationships, objectives, the action
// sequence, benchmarks and the commitment, saved at once with the version read.

// Benchmarks' figures are edited as text: money in whole currency units (benchmark-draft.ts).
type Values = Omit<KeyAccountPlanInput, 'benchmarks'> & { benchmarks: BenchmarkDraft[] };

// Items get their id in the browser, so a step can point at an objective not yet saved. The
// server takes any UUID not used by another plan.
const newId = () => crypto.randomUUID?.() ?? randomId();

const options = (values: readonly string[]) =>
  values.map((value) => ({ value, label: value.replaceAll('_', ' ') }));

function initialValues(plan: KeyAccountPlanView, currency: string): Values {
  return {
    cadence: plan.cadence,
    commitment: plan.commitment,
    relationships: plan.relationships.map(({ contactName: _n, contactTitle: _t, ...r }) => r),
    objectives: plan.objectives,
    steps: plan.steps.map(({ position: _p, ownerName: _o, ...s }) => s),
    benchmarks: plan.benchmarks.map((b) => benchmarkDraftOf(b, currency)),
  };
}

/** A benchmark's baseline, target or entered actual: money in `currency`, else a number. */
function BenchmarkFigure({
  label,
  currency,
  value,
  onChange,
  error,
}: {
  label: string;
  currency: string | null;
  value: string;
  onChange: (text: string) => void;
  error: string | undefined;
}) {
  if (currency === null)
    return (
      <TextInput
        label={label}
        inputMode="decimal"
        autoComplete="off"
        w={120}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
      />
    );
  return (
    <div style={{ width: 160 }}>
      <MoneyInput
        label={label}
        currency={currency}
        value={value}
        onChange={onChange}
        error={error}
      />
    </div>
  );
}

function Section({
  title,
  onAdd,
  children,
}: {
  title: string;
  onAdd: () => void;
  children: React.ReactNode;
}) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Button size="compact-sm" variant="light" onClick={onAdd}>
          Add
        </Button>
      </Group>
      <Stack gap="sm">{children}</Stack>
    </Card>
  );
}

export function KeyAccountPlanForm({
  plan,
  users,
  currency,
  onDone,
}: {
  plan: KeyAccountPlanView;
  users: { value: string; label: string }[];
  /** The organisation's: computed money benchmarks are in it. */
  currency: string;
  onDone: () => void;
}) {
  const save = useSaveKeyAccountPlan(plan.accountId);
  const queryClient = useQueryClient();
  const { form, formError, errors, onSubmit, showServerError } = useSchemaForm({
    schema: KeyAccountPlanInput,
    initialValues: initialValues(plan, currency),
    toInput: (values) => ({
      ...values,
      benchmarks: values.benchmarks.map((b) => benchmarkInputOf(b, currency)),
    }),
    check: (values) => benchmarkDraftErrors(values.benchmarks, currency),
  });
  const v = form.values;
  const remove = (list: keyof Values, index: number) => (
    <Button
      size="compact-xs"
      variant="subtle"
      color="red"
      onClick={() => form.removeListItem(list, index)}
    >
      Remove
    </Button>
  );
  const contactOptions = plan.contacts.map((c) => ({ value: c.id, label: c.name }));
  const objectiveOptions = v.objectives.map((o) => ({
    value: o.id,
    label: o.description || '(untitled)',
  }));
  const personOptions = v.relationships.map((r) => ({
    value: r.id,
    label: plan.contacts.find((c) => c.id === r.contactId)?.name ?? 'Pick a contact',
  }));
  const props = (path: string) => ({ ...form.getInputProps(path), error: errors[path] });
  return (
    <form
      noValidate
      aria-label="Key-account plan"
      onSubmit={onSubmit((input) =>
        save.mutate(
          { version: plan.version, input },
          {
            onSuccess: () => {
              notifications.show({
                color: 'teal',
                title: 'Plan saved',
                message: 'Sign it when it is ready for your manager.',
              });
              onDone();
            },
            onError: (error) => {
              if (!isConflict(error)) showServerError(error);
            },
          },
        ),
      )}
    >
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Select
          label="Reviews"
          data={options(CHECK_IN_CADENCES)}
          allowDeselect={false}
          w={220}
          {...props('cadence')}
        />
        <Section
          title="Relationships"
          onAdd={() =>
            form.insertListItem('relationships', {
              id: newId(),
              contactId: '',
              role: null,
              currentStrength: 1,
              targetStrength: 3,
              nextStep: '',
              notes: '',
            })
          }
        >
          {v.relationships.length === 0 && (
            <Text size="sm" c="dimmed">
              Add the key people you will broaden the relationship with.
            </Text>
          )}
          {v.relationships.map((r, i) => (
            <Group key={r.id} align="flex-end" wrap="wrap">
              <Select
                label="Contact"
                data={contactOptions}
                w={200}
                {...props(`relationships.${i}.contactId`)}
              />
              <Select
                label="Role"
                data={options(BUYING_INFLUENCE_ROLES)}
                clearable
                w={140}
                {...props(`relationships.${i}.role`)}
              />
              <NumberInput
                label="Strength now"
                min={1}
                max={5}
                w={110}
                {...props(`relationships.${i}.currentStrength`)}
              />
              <NumberInput
                label="Target"
                min={1}
                max={5}
                w={90}
                {...props(`relationships.${i}.targetStrength`)}
              />
              <TextInput
                label="Next step to get there"
                w={260}
                {...props(`relationships.${i}.nextStep`)}
              />
              {remove('relationships', i)}
            </Group>
          ))}
        </Section>
        <Section
          title="Objectives"
          onAdd={() =>
            form.insertListItem('objectives', {
              id: newId(),
              term: 'short',
              description: '',
              dueOn: null,
            })
          }
        >
          {v.objectives.map((o, i) => (
            <Group key={o.id} align="flex-end" wrap="wrap">
              <Select
                label="Term"
                data={options(KEY_ACCOUNT_OBJECTIVE_TERMS)}
                allowDeselect={false}
                w={110}
                {...props(`objectives.${i}.term`)}
              />
              <TextInput label="Objective" w={340} {...props(`objectives.${i}.description`)} />
              <TextInput
                label="Due"
                type="date"
                w={160}
                value={o.dueOn ?? ''}
                onChange={(e) =>
                  form.setFieldValue(`objectives.${i}.dueOn`, e.currentTarget.value || null)
                }
                error={errors[`objectives.${i}.dueOn`]}
              />
              {remove('objectives', i)}
            </Group>
          ))}
        </Section>
        <Section
          title="Action sequence"
          onAdd={() =>
            form.insertListItem('steps', {
              id: newId(),
              what: '',
              ownerId: plan.ownerId,
              dueOn: null,
              status: 'open',
              objectiveId: null,
              relationshipId: null,
            })
          }
        >
          {v.steps.map((s, i) => (
            <Group key={s.id} align="flex-end" wrap="wrap">
              <Text fw={600} w={24}>
                {i + 1}.
              </Text>
              <TextInput label="Step" w={260} {...props(`steps.${i}.what`)} />
              <Select
                label="Owner"
                data={users}
                clearable
                w={160}
                {...props(`steps.${i}.ownerId`)}
              />
              <TextInput
                label="Due"
                type="date"
                w={160}
                value={s.dueOn ?? ''}
                onChange={(e) =>
                  form.setFieldValue(`steps.${i}.dueOn`, e.currentTarget.value || null)
                }
                error={errors[`steps.${i}.dueOn`]}
              />
              <Select
                label="Status"
                data={options(KEY_ACCOUNT_STEP_STATUSES)}
                allowDeselect={false}
                w={120}
                {...props(`steps.${i}.status`)}
              />
              <Select
                label="Serves objective"
                data={objectiveOptions}
                clearable
                w={200}
                {...props(`steps.${i}.objectiveId`)}
              />
              <Select
                label="Aimed at"
                data={personOptions}
                clearable
                w={170}
                {...props(`steps.${i}.relationshipId`)}
              />
              {remove('steps', i)}
            </Group>
          ))}
        </Section>
        <Section
          title="Benchmarks"
          onAdd={() =>
            form.insertListItem('benchmarks', {
              id: newId(),
              metric: '',
              source: null,
              baseline: '',
              target: '',
              dueOn: null,
              actual: '',
            } satisfies BenchmarkDraft)
          }
        >
          {v.benchmarks.map((b, i) => (
            <Group key={b.id} align="flex-end" wrap="wrap">
              <TextInput label="Metric" w={200} {...props(`benchmarks.${i}.metric`)} />
              <Select
                label="Actual from"
                placeholder="Entered by hand"
                data={BENCHMARK_SOURCES.map((value) => ({
                  value,
                  label: BENCHMARK_SOURCE_LABELS[value],
                }))}
                clearable
                w={240}
                {...props(`benchmarks.${i}.source`)}
              />
              {(['baseline', 'target'] as const).map((figure) => (
                <BenchmarkFigure
                  key={figure}
                  label={figure === 'baseline' ? 'Baseline' : 'Target'}
                  currency={isMoneySource(b.source) ? currency : null}
                  value={b[figure]}
                  onChange={(text) => form.setFieldValue(`benchmarks.${i}.${figure}`, text)}
                  error={errors[`benchmarks.${i}.${figure}`]}
                />
              ))}
              <TextInput
                label="By"
                type="date"
                w={160}
                value={b.dueOn ?? ''}
                onChange={(e) =>
                  form.setFieldValue(`benchmarks.${i}.dueOn`, e.currentTarget.value || null)
                }
              />
              {b.source === null && (
                <BenchmarkFigure
                  label="Actual"
                  currency={null}
                  value={b.actual}
                  onChange={(text) => form.setFieldValue(`benchmarks.${i}.actual`, text)}
                  error={errors[`benchmarks.${i}.actual`]}
                />
              )}
              {remove('benchmarks', i)}
            </Group>
          ))}
          <Text size="xs" c="dimmed">
            Won revenue and open pipeline are in {currency}; the actuals of a benchmark with
            &quot;Actual from&quot; set come from the account&apos;s deals and activities.
          </Text>
        </Section>
        <Textarea label="Written commitment" autosize minRows={3} {...props('commitment')} />
        <ConflictAlert
          error={save.error}
          what="plan"
          textOf={() => plainTextOf(v)}
          onReload={async () => {
            await queryClient.invalidateQueries({
              queryKey: ['key-accounts', 'plan', plan.accountId],
            });
            // The form starts from the plan it opened with: open it again on their version.
            onDone();
          }}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save the plan
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
