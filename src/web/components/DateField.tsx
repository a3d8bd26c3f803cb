import { DateInput } from '@mantine/dates';

/**
 * An ISO date field ('2026-11-25'): type it, or pick it from the calendar. The value is the
 * same 'YYYY-MM-DD' string the API takes, so no time zone ever shifts the day.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  description,
  required,
  clearable = true,
  minDate,
  maxDate,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  description?: string;
  required?: boolean;
  clearable?: boolean;
  minDate?: string;
  maxDate?: string;
}) {
  return (
    <DateInput
      label={label}
      description={description}
      required={required}
      value={value}
      onChange={onChange}
      valueFormat="YYYY-MM-DD"
      placeholder="YYYY-MM-DD"
      clearable={clearable}
      error={error}
      minDate={minDate}
      maxDate={maxDate}
      firstDayOfWeek={1}
      popoverProps={{ withinPortal: true }}
    />
  );
}
