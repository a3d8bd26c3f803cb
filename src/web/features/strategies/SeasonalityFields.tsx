import { memo } from 'react';
import { Input, NumberInput, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import type { FieldErrors } from '../../components/form-errors';
import type { SeasonalityKind, StrategyDraft } from './strategy-draft';

const monthName = new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' });

/** The 12 month names in fiscal order, from the start month. */
export function fiscalMonthNames(startMonth: number): string[] {
  return Array.from({ length: 12 }, (_, m) =>
    monthName.format(new Date(Date.UTC(2000, (startMonth - 1 + m) % 12, 1))),
  );
}

const KIND_HINTS: Record<SeasonalityKind, string> = {
  flat: 'Every month carries 1/12 of the target.',
  entered: 'Enter a weight per month, on any scale: they are scaled to sum to 100%.',
  history:
    'Won revenue by close month over the last full years; under 12 months of history it falls back to flat.',
};

/** Flat, entered (12 weights in fiscal order) or derived from the organisation's history. */
export const SeasonalityFields = memo(function SeasonalityFields({
  startMonth,
  kind,
  weights,
  errors,
  isReadOnly,
  onChange,
}: {
  startMonth: number;
  kind: SeasonalityKind;
  weights: StrategyDraft['weights'];
  errors: FieldErrors;
  isReadOnly: boolean;
  onChange: (patch: Partial<Pick<StrategyDraft, 'seasonalityKind' | 'weights'>>) => void;
}) {
  const names = fiscalMonthNames(startMonth);
  const total = weights.reduce<number>((sum, w) => sum + (Number(w) || 0), 0);
  return (
    <Stack gap="xs">
      <Input.Wrapper label="Seasonality" error={errors['seasonality.kind']}>
        <div>
          <SegmentedControl
            readOnly={isReadOnly}
            value={kind}
            onChange={(kind) => onChange({ seasonalityKind: kind as SeasonalityKind })}
            data={[
              { value: 'flat', label: 'Flat' },
              { value: 'entered', label: 'Entered' },
              { value: 'history', label: 'From history' },
            ]}
          />
        </div>
      </Input.Wrapper>
      <Text size="sm" c="dimmed">
        {KIND_HINTS[kind]}
      </Text>
      {kind === 'entered' && (
        <>
          <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="xs">
            {names.map((name, m) => (
              <NumberInput
                key={name}
                label={name}
                size="xs"
                min={0}
                decimalScale={4}
                readOnly={isReadOnly}
                value={weights[m] ?? ''}
                description={
                  total > 0 ? `${(((Number(weights[m]) || 0) / total) * 100).toFixed(1)}%` : ' '
                }
                onChange={(value) =>
                  onChange({ weights: weights.map((w, i) => (i === m ? value : w)) })
                }
                error={errors[`seasonality.weights.${m}`]}
              />
            ))}
          </SimpleGrid>
          {errors['seasonality.weights'] && (
            <Text size="sm" c="red" role="alert">
              {errors['seasonality.weights']}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
});
