import {
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CRITERION_SOURCES } from '../../../domain/key-accounts-model';
import { ScoringModelInput, type ScoringModel } from '../../../schemas/key-accounts';
import { useSchemaForm } from '../../components/useSchemaForm';
import { SOURCE_LABELS } from './key-account-labels';
import { useSaveScoringModel } from './useKeyAccounts';

// The leader's scoring model: criteria with weights and the top-X% cut. Saving makes a new
// version; the ranking then shows what moved in and out before anyone confirms.

type Values = {
  criteria: { id: string | undefined; name: string; source: string; weight: number | string }[];
  cutPercent: number | string;
};

const sourceOptions = CRITERION_SOURCES.map((source) => ({
  value: source,
  label: SOURCE_LABELS[source],
}));

export function ScoringModelForm({ model }: { model: ScoringModel }) {
  const save = useSaveScoringModel();
  const { form, formError, errors, onSubmit, showServerError } = useSchemaForm({
    schema: ScoringModelInput,
    initialValues: {
      criteria: model.criteria.map(({ id, name, source, weight }) => ({
        id,
        name,
        source,
        weight,
      })),
      cutPercent: model.cutPercent,
    } as Values,
    toInput: (values) => ({
      cutPercent: Number(values.cutPercent),
      criteria: values.criteria.map((c) => ({
        ...(c.id === undefined ? {} : { id: c.id }),
        name: c.name,
        source: c.source as ScoringModelInput['criteria'][number]['source'],
        weight: Number(c.weight),
      })),
    }),
  });
  const criteria = form.values.criteria;
  return (
    <form
      noValidate
      aria-label="Scoring model"
      onSubmit={onSubmit((input) =>
        save.mutate(
          { version: model.version, input },
          {
            onSuccess: (saved) =>
              notifications.show({
                color: 'green',
                title: `Scoring model version ${saved.version} saved`,
                message: 'Look at the ranking to see what moved before confirming.',
              }),
            onError: showServerError,
          },
        ),
      )}
    >
      <Stack gap="md">
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          Score = Σ weight × normalised value ÷ Σ weights. Numbers are scaled from the lowest to the
          highest account (0 to 1); a rating 1–5 counts (rating − 1) ÷ 4; a missing value counts 0.
          Ratings are entered per account on the Ranking tab (Rate, under the account&apos;s name).
        </Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Criterion</Table.Th>
              <Table.Th>Value from</Table.Th>
              <Table.Th w={120}>Weight</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {criteria.map((criterion, index) => (
              <Table.Tr key={criterion.id ?? `new-${index}`}>
                <Table.Td>
                  <TextInput
                    aria-label={`Criterion ${index + 1} name`}
                    {...form.getInputProps(`criteria.${index}.name`)}
                    error={errors[`criteria.${index}.name`]}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Criterion ${index + 1} value from`}
                    data={sourceOptions}
                    allowDeselect={false}
                    {...form.getInputProps(`criteria.${index}.source`)}
                    error={errors[`criteria.${index}.source`]}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Criterion ${index + 1} weight`}
                    min={0}
                    step={1}
                    {...form.getInputProps(`criteria.${index}.weight`)}
                    error={errors[`criteria.${index}.weight`]}
                  />
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    onClick={() => form.removeListItem('criteria', index)}
                  >
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {errors.criteria && (
          <Text c="red" size="sm" role="alert">
            {errors.criteria}
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            onClick={() =>
              form.insertListItem('criteria', {
                id: undefined,
                name: '',
                source: 'rating',
                weight: 1,
              })
            }
          >
            Add a criterion
          </Button>
        </Group>
        <NumberInput
          label="Key accounts: the top … percent"
          description="From 5 to 20; accounts tied with the last one at the cut are included"
          min={5}
          max={20}
          w={280}
          {...form.getInputProps('cutPercent')}
          error={errors.cutPercent}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save as version {model.version + 1}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
