import { Text, TextInput } from '@mantine/core';
import { currencyFractionDigits } from './money';

/**
 * Money typed in major units ('1234.56'); the form converts the text to minor units with
 * parseMoneyInput on submit, so no float ever holds the amount.
 */
export function MoneyInput({
  label,
  currency,
  value,
  onChange,
  error,
  description,
  required,
}: {
  label: string;
  currency: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  description?: string;
  required?: boolean;
}) {
  const digits = currencyFractionDigits(currency);
  return (
    <TextInput
      label={label}
      description={description}
      required={required}
      inputMode="decimal"
      autoComplete="off"
      placeholder={digits > 0 ? `0.${'0'.repeat(digits)}` : '0'}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      rightSection={
        <Text size="xs" c="dimmed">
          {currency}
        </Text>
      }
      rightSectionWidth={48}
    />
  );
}
