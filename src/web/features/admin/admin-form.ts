import type { FormErrors } from '@mantine/form';
import { ApiError } from '../../api/client';

/**
 * A 409 names no field ("Another stage is already called Won"); on an admin form it belongs to
 * the field that must be unique, so it goes through the one server-error mapping as that field's.
 */
export function conflictOnField(error: unknown, field: string): unknown {
  if (!(error instanceof ApiError) || error.status !== 409 || error.issues.length > 0) return error;
  return new ApiError(409, error.code, error.message, [{ field, reason: error.message }]);
}

/** A Mantine NumberInput's value ('' when blank) as a number; blank is NaN, see `blankNumbers`. */
export function numberOf(value: number | string): number {
  return typeof value === 'number' ? value : Number.NaN;
}

/** "Is required" for the number fields left blank (the schema would say "received NaN"). */
export function blankNumbers<Values extends Record<string, unknown>>(
  values: Values,
  fields: (keyof Values & string)[],
): FormErrors {
  return Object.fromEntries(
    fields
      .filter((field) => typeof values[field] !== 'number')
      .map((field) => [field, 'Is required']),
  );
}
