import type { z } from 'zod';
import { ValidationError } from '../domain/errors';

/** Parses one command-line value with a shared schema; a failure names the flag. */
export function parseOption<T extends z.ZodType>(
  flag: string,
  schema: T,
  value: unknown,
): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ValidationError({
      field: flag,
      reason: result.error.issues.map((i) => i.message).join('; '),
    });
  }
  return result.data;
}
