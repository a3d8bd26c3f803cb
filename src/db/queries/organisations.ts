import { eq } from 'drizzle-orm';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Executor } from '../client';
import { organisations } from '../schema';

export type OrganisationRow = typeof organisations.$inferSelect;

export async function getOrganisation(
  db: Executor,
  orgId: string,
): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  return row;
}

/**
 * The organisation with this slug, or the only one when no slug is given (the CLI's `--org`).
 * An unknown slug is not found; no slug with none or several organisations is a ValidationError
 * on `field`, `whenNone` saying what to do about an empty database.
 */
export async function findOrganisation(
  db: Executor,
  slug: string | undefined,
  { field = '--org', whenNone = 'there is no organisation yet' } = {},
): Promise<OrganisationRow> {
  if (slug !== undefined) {
    const [row] = await db.select().from(organisations).where(eq(organisations.slug, slug));
    if (!row) throw new NotFoundError('Organisation', slug);
    return row;
  }
  const all = await db.select().from(organisations).limit(2);
  const [only] = all;
  if (all.length === 1 && only) return only;
  throw new ValidationError({
    field,
    reason: all.length === 0 ? whenNone : 'there are several organisations: say which one',
  });
}
