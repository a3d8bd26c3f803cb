import { ApiError } from '../api/client';

/** Field name → the reason shown under that field; `_form` holds what fits no field. */
export type FieldErrors = Record<string, string>;

/** Where a schema or server path ('amountMinor', 'assignments.0.repId') shows on a form, if anywhere. */
export type FieldOf = (path: string) => string | undefined;

export function sentence(reason: string): string {
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

/** 'body.segmentMix[2].weight' → 'segmentMix.2.weight': the server's and Zod's paths alike. */
export function normalisePath(path: string): string {
  return path.replace(/^body\./, '').replace(/\[(\d+)\]/g, '.$1');
}

/**
 * The one mapping of a failed save onto a form: the server's field issues (400/422) under the
 * fields they name (through `fieldOf`, or `formFields` when given as a list), plus `_form` for
 * the message when no issue lands on a field the form shows. Non-API errors become `_form`.
 */
export function serverFieldErrors(
  error: unknown,
  formFields: readonly string[] | FieldOf,
): FieldErrors {
  if (!(error instanceof ApiError)) {
    return { _form: error instanceof Error ? error.message : 'Something went wrong.' };
  }
  const fieldOf: FieldOf =
    typeof formFields === 'function'
      ? formFields
      : (path) => (formFields.includes(path) ? path : undefined);
  const errors: FieldErrors = {};
  const unplaced: string[] = [];
  for (const issue of error.issues) {
    const field = fieldOf(normalisePath(issue.field));
    if (field === undefined || field === '_form') unplaced.push(`${issue.field}: ${issue.reason}`);
    else errors[field] ??= sentence(issue.reason);
  }
  if (Object.keys(errors).length === 0 || unplaced.length > 0) {
    const details = unplaced.join('; ');
    errors._form = details ? `${error.message} (${details})` : error.message;
  }
  return errors;
}

/** Empty text becomes null, for optional nullable text fields. */
export function blankToNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
