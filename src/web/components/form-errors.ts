import type { z } from 'zod';
import { ApiError } from '../api/client';

/** Field name → the reason shown under that field; `_form` holds what fits no field. */
export type FieldErrors = Record<string, string>;

function sentence(reason: string): string {
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

/** The first issue per field of a failed shared-schema parse. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '_form';
    errors[field] ??= sentence(issue.message);
  }
  return errors;
}

/**
 * The server's field issues (400/422) keyed by field, plus `_form` for the message when no
 * issue names a field the form shows. Non-API errors become a `_form` message.
 */
export function serverFieldErrors(error: unknown, formFields: readonly string[]): FieldErrors {
  if (!(error instanceof ApiError)) {
    return { _form: error instanceof Error ? error.message : 'Something went wrong.' };
  }
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    if (formFields.includes(issue.field)) errors[issue.field] ??= sentence(issue.reason);
  }
  const unplaced = error.issues.filter((issue) => !formFields.includes(issue.field));
  if (Object.keys(errors).length === 0 || unplaced.length > 0) {
    const details = unplaced.map((issue) => `${issue.field}: ${issue.reason}`).join('; ');
    errors._form = details ? `${error.message} (${details})` : error.message;
  }
  return errors;
}

/** Empty text becomes null, for optional nullable text fields. */
export function blankToNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
