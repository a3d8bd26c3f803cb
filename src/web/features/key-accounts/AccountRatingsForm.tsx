import { Alert, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  RatingsInput,
  type RankingItem,
  type ScoringCriterion,
} from '../../../schemas/key-accounts';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useRateAccount } from './useKeyAccounts';

// An account's 1–5 ratings on the scoring model's rating criteria (strategic fit, relationship
// strength, …), entered by a leader or an admin, or by whoever may change the account. Every
// rating criterion is sent: an empty one clears the rating, which then counts 0 in the score.

type Values = { ratings: { criterionId: string; value: number | string }[] };

const valueOf = (item: RankingItem, criterionId: string) =>
  item.contributions.find((part) => part.criterionId === criterionId)?.value ?? '';

export function AccountRatingsForm({
  item,
  criteria,
  onDone,
}: {
  item: RankingItem;
  /** The model's rating criteria. */
  criteria: readonly ScoringCriterion[];
  onDone: () => void;
}) {
  const rate = useRateAccount();
  const { form, formError, errors, onSubmit, showServerError } = useSchemaForm({
    schema: RatingsInput,
    initialValues: {
      ratings: criteria.map((c) => ({ criterionId: c.id, value: valueOf(item, c.id) })),
    } as Values,
    toInput: (values) => ({
      ratings: values.ratings.map((r) => ({
        criterionId: r.criterionId,
        value: r.value === '' ? null : Number(r.value),
      })),
    }),
    // A criterion the server refuses shows under its rating.
    fieldOf: (path) =>
      path.startsWith('ratings.')
        ? path.replace(/^ratings\.(\d+)\.criterionId$/, 'ratings.$1.value')
        : undefined,
  });
  return (
    <form
      noValidate
      aria-label={`Ratings of ${item.accountName}`}
      onSubmit={onSubmit((input) =>
        rate.mutate(
          { accountId: item.accountId, input },
          {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                title: `Ratings of ${item.accountName} saved`,
                message: 'The ranking shows the new score.',
              });
              onDone();
            },
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
        <Text size="sm" c="gray.7">
          From 1 (low) to 5 (high); a rating counts (rating − 1) ÷ 4 in the score. Leave it empty
          for no rating: it then counts 0.
        </Text>
        {criteria.map((criterion, index) => (
          <NumberInput
            key={criterion.id}
            label={`${criterion.name} (weight ${criterion.weight})`}
            min={1}
            max={5}
            step={1}
            allowDecimal={false}
            // Out of range stays as typed, so the schema's reason shows under the field.
            clampBehavior="none"
            w={240}
            {...form.getInputProps(`ratings.${index}.value`)}
            error={errors[`ratings.${index}.value`]}
          />
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={rate.isPending}>
            Save ratings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
