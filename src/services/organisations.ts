import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { activityTypes, organisations, stages } from '../db/schema';
import type { StageKind } from '../domain/opportunity';
import { NotFoundError, ValidationError } from '../domain/errors';
import { isTimeZone } from '../domain/time-zone';
import type {
  OrganisationPatch,
  Organisation as OrganisationSettings,
} from '../schemas/organisation';
import { recordChanges } from './audit';
import { type Actor, assertIsAdmin } from './authorization';

export type Organisation = typeof organisations.$inferSelect;

// A new organisation starts with a usable pipeline and the activity types the funnel needs;
// both are the organisation's own to change afterwards.
export const defaultStages = [
  { name: 'Prospecting', position: 1, probabilityPercent: 10, kind: 'open' },
  { name: 'Qualification', position: 2, probabilityPercent: 25, kind: 'open' },
  { name: 'Proposal', position: 3, probabilityPercent: 50, kind: 'open' },
  { name: 'Negotiation', position: 4, probabilityPercent: 75, kind: 'open' },
  { name: 'Won', position: 5, probabilityPercent: 100, kind: 'won' },
  { name: 'Lost', position: 6, probabilityPercent: 0, kind: 'lost' },
] as const;

export const defaultActivityTypes = [
  { key: 'first_meeting', label: 'First meeting', hours: 1.5, isSystem: true },
  { key: 'call', label: 'Call', hours: 0.25, isSystem: false },
  { key: 'meeting', label: 'Meeting', hours: 1.5, isSystem: false },
  { key: 'email', label: 'Email', hours: 0.1, isSystem: false },
  { key: 'proposal', label: 'Proposal', hours: 3, isSystem: false },
  { key: 'demo', label: 'Demo', hours: 2, isSystem: false },
] as const;

export type NewOrganisation = {
  slug: string;
  name: string;
  currency?: string;
  fiscalYearStartMonth?: number;
  /** IANA time zone (default UTC). */
  timeZone?: string;
  stages?: readonly {
    name: string;
    position: number;
    probabilityPercent: number;
    kind: StageKind;
  }[];
};

export async function createOrganisation(
  db: Executor,
  input: NewOrganisation,
): Promise<Organisation> {
  if (input.timeZone !== undefined) assertTimeZone(input.timeZone);
  const [org] = await db
    .insert(organisations)
    .values({
      slug: input.slug,
      name: input.name,
      currency: input.currency ?? 'EUR',
      fiscalYearStartMonth: input.fiscalYearStartMonth ?? 1,
      timeZone: input.timeZone ?? 'UTC',
    })
    .returning();
  if (!org) throw new Error('insert into organisations returned nothing');
  await db
    .insert(stages)
    .values((input.stages ?? defaultStages).map((s) => ({ ...s, orgId: org.id })));
  await db
    .insert(activityTypes)
    .values(defaultActivityTypes.map((t, position) => ({ ...t, position, orgId: org.id })));
  return org;
}

export async function findOrganisationBySlug(db: Executor, slug: string): Promise<Organisation> {
  const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug));
  if (!org) throw new NotFoundError('Organisation', slug);
  return org;
}

function assertTimeZone(timeZone: string) {
  if (!isTimeZone(timeZone))
    throw new ValidationError({
      field: 'timeZone',
      reason: `${timeZone} is not a known time zone (an IANA name such as Europe/Paris)`,
    });
}

export function toOrganisationSettings(row: Organisation): OrganisationSettings {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    currency: row.currency,
    fiscalYearStartMonth: row.fiscalYearStartMonth,
    timeZone: row.timeZone,
  };
}

/** An admin changes the organisation's settings (today: its time zone); the change is audited. */
export async function updateOrganisation(
  db: Database,
  actor: Actor,
  patch: OrganisationPatch,
): Promise<OrganisationSettings> {
  assertIsAdmin(actor);
  assertTimeZone(patch.timeZone);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, actor.orgId));
    if (!before) throw new NotFoundError('Organisation', actor.orgId);
    const [after] = await tx
      .update(organisations)
      .set({ timeZone: patch.timeZone })
      .where(eq(organisations.id, actor.orgId))
      .returning();
    if (!after) throw new NotFoundError('Organisation', actor.orgId);
    await recordChanges(tx, actor, [
      { entityType: 'organisation', entityId: actor.orgId, action: 'update', before, after },
    ]);
    return toOrganisationSettings(after);
  });
}
