import { z } from 'zod';
import { isTimeZone } from '../domain/time-zone';
import { Currency, Id, NonBlank } from './common';

/** The signed-in user's organisation and its settings. */
export const Organisation = z.object({
  id: Id,
  slug: z.string(),
  name: z.string(),
  currency: Currency,
  /** The month (1-12) the fiscal years start in: fiscal year N starts in that month of N. */
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  /** IANA time zone ('Europe/Paris'): "today" is this zone's date, on the server and in the browser. */
  timeZone: z.string(),
});
export type Organisation = z.infer<typeof Organisation>;

/** An IANA time zone name Intl knows. */
export const TimeZone = z
  .string()
  .trim()
  .refine(isTimeZone, 'is not a known time zone (an IANA name such as Europe/Paris)');

/** The settings as an admin edits them: with the version to send back as If-Match. */
export const OrganisationSettings = Organisation.extend({ version: z.number().int() });
export type OrganisationSettings = z.infer<typeof OrganisationSettings>;

// The zone's name is checked by the service (domain isTimeZone), so an unknown one is a 422 on
// the field, like every other broken rule, not a 400. Each field is optional: send what changes.
export const OrganisationPatch = z.object({
  name: NonBlank.max(200).optional(),
  currency: Currency.optional(),
  fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
  timeZone: z.string().trim().min(1, 'is required').max(100).optional(),
});
export type OrganisationPatch = z.infer<typeof OrganisationPatch>;
