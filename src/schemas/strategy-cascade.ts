import { z } from 'zod';
import { ValidationError } from '../domain/errors';
import { majorToMinor } from '../domain/money';
import { currencyFractionDigits } from '../domain/money-format';
import {
  type CascadeInput,
  ORGANISATION_MODELS,
  REP_MODELS,
  SPECIALISED_SPLITS,
  TERRITORY_SPLITS,
} from '../domain/strategy-cascade';

// The strategy cascade as written in a file or sent by a form: money in major units (a decimal
// string or number), shares as ratios 0–1. `cascadeInputFromFile` turns it into the domain input.

const MajorAmount = z.union([z.string(), z.number()]);

export const CascadeRepFile = z.object({
  id: z.string().trim().min(1, 'must not be blank'),
  model: z.enum(REP_MODELS).optional(),
  potential: z.number().min(0).optional(),
  segments: z
    .array(
      z.union([
        z.string().min(1),
        z.object({ segment: z.string().min(1), capacityShare: z.number().min(0).optional() }),
      ]),
    )
    .optional(),
});

export const CascadeFile = z.object({
  target: MajorAmount,
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO currency code')
    .optional(),
  mix: z.array(z.object({ segment: z.string().trim().min(1), share: z.number().min(0).max(1) })),
  model: z.enum(ORGANISATION_MODELS),
  territorySplit: z.enum(TERRITORY_SPLITS).optional(),
  specialisedSplit: z.enum(SPECIALISED_SPLITS).optional(),
  reps: z.array(CascadeRepFile),
});

export type CascadeFile = z.infer<typeof CascadeFile>;

/** Validates a parsed cascade file; every problem names its path in the file. */
export function parseCascadeFile(value: unknown): CascadeFile {
  const result = CascadeFile.safeParse(value);
  if (!result.success) {
    throw new ValidationError(
      result.error.issues.map((issue) => ({
        field:
          issue.path
            .map((part, i) =>
              typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
            )
            .join('') || '(file)',
        reason: issue.message,
      })),
    );
  }
  return result.data;
}

/**
 * The domain's cascade input from a validated file: the target converted to minor units exactly,
 * with the file's currency's own decimals (EUR when it names none; JPY has none).
 */
export function cascadeInputFromFile(file: CascadeFile): CascadeInput {
  return {
    targetMinor: majorToMinor(
      String(file.target),
      currencyFractionDigits(file.currency ?? 'EUR'),
      'target',
    ),
    mix: file.mix.map(({ segment, share }) => ({ segmentId: segment, share })),
    model: file.model,
    territorySplit: file.territorySplit,
    specialisedSplit: file.specialisedSplit,
    reps: file.reps.map((rep) => ({
      repId: rep.id,
      model: rep.model,
      potential: rep.potential,
      segments: rep.segments?.map((segment) =>
        typeof segment === 'string'
          ? { segmentId: segment }
          : { segmentId: segment.segment, capacityShare: segment.capacityShare },
      ),
    })),
  };
}
