import { Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { MoneyInput } from '../../components/MoneyInput';
import type { FunnelOverrideDraft, OverrideKey, OverrideText } from './rep-plan-draft';

const OVERRIDES: { key: OverrideKey; name: string; unit: string; max?: number }[] = [
  { key: 'closingRatio', name: 'Closing ratio', unit: ' (%)', max: 100 },
  { key: 'meetingToOpportunityRatio', name: 'Meeting → opportunity', unit: ' (%)', max: 100 },
  { key: 'averageDealMinor', name: 'Average won deal', unit: '' },
  { key: 'salesCycleDays', name: 'Sales cycle', unit: ' (days)', max: 3650 },
];

/** The funnel's figures entered instead of the rep's history, each with its reason. */
export function FunnelOverrideFields({
  value,
  onChange,
  currency,
  errorAt,
}: {
  value: FunnelOverrideDraft;
  onChange: (next: FunnelOverrideDraft) => void;
  currency: string;
  /** The message at a field, by its path in the overrides (`closingRatio.reason`). */
  errorAt: (field: string) => string | undefined;
}) {
  const setOverride = (key: OverrideKey, next: Partial<OverrideText>) =>
    onChange({ ...value, [key]: { ...value[key], ...next } });
  return (
    <Stack gap="xs">
      {OVERRIDES.map(({ key, name, unit, max }) => {
        const label = `${name}${unit}, blank for history`;
        const valueError = errorAt(`${key}.value`);
        return (
          <Group key={key} grow align="flex-start">
            {key === 'averageDealMinor' ? (
              <MoneyInput
                label={label}
                currency={currency}
                value={value[key].value}
                onChange={(text) => setOverride(key, { value: text })}
                error={valueError}
              />
            ) : (
              <NumberInput
                label={label}
                min={0}
                max={max}
                value={value[key].value}
                onChange={(number) => setOverride(key, { value: String(number) })}
                error={valueError}
              />
            )}
            <TextInput
              label="Reason"
              aria-label={`Reason for ${name.toLowerCase()}`}
              value={value[key].reason}
              onChange={(event) => setOverride(key, { reason: event.currentTarget.value })}
              error={errorAt(`${key}.reason`)}
            />
          </Group>
        );
      })}
      <Group grow align="flex-start">
        <NumberInput
          label="Calls per meeting (outreach)"
          min={0}
          max={1000}
          value={value.callsPerMeeting}
          onChange={(number) => onChange({ ...value, callsPerMeeting: String(number) })}
          error={errorAt('callsPerMeeting')}
        />
        <NumberInput
          label="History look-back (months)"
          min={1}
          max={60}
          allowDecimal={false}
          placeholder="12"
          value={value.lookBackMonths}
          onChange={(number) => onChange({ ...value, lookBackMonths: String(number) })}
          error={errorAt('lookBackMonths')}
        />
      </Group>
    </Stack>
  );
}
