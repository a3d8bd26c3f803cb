import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { activityTypes, organisations, stages } from '../db/schema';
import type { StageKind } from '../domain/opportunity';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors';
import { isTimeZone } from '../domain/time-zone';
import {
  countCurrencyUses,
  countFiscalYearPlans,
  getOrganisation,
  updateOrganisationRow,
} from '../db/queries/organisations';
import type {
  Organisation as OrganisationShown,
  OrganisationPatch,
  OrganisationSettings,
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

export function toOrganisationSettings(row: Organisation): OrganisationShown {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    currency: row.currency,
    fiscalYearStartMonth: row.fiscalYearStartMonth,
    timeZone: row.timeZone,
  };
}

/** The settings as an admin edits them, with their version. */
function settingsOf(row: Organisation): OrganisationSettings {
  return { ...toOrganisationSettings(row), version: row.version };
}

/** Everyone signed in reads their organisation's settings (admins edit them). */
export async function getOrganisationSettings(
  db: Executor,
  actor: Actor,
): Promise<OrganisationSettings> {
  const row = await getOrganisation(db, actor.orgId);
  if (!row) throw new NotFoundError('Organisation', actor.orgId);
  return settingsOf(row);
}

// Deals, exchange rates and plans are stored against the currency and the fiscal calendar, so
// those two change only while nothing depends on them yet.
async function checkFoundationsFree(db: Executor, before: Organisation, patch: OrganisationPatch) {
  if (patch.currency !== undefined && patch.currency !== before.currency) {
    const uses = await countCurrencyUses(db, before.id);
    if (uses.opportunities + uses.exchangeRates > 0)
      throw new ConflictError(
        `${uses.opportunities} opportunities and ${uses.exchangeRates} exchange rates are in ` +
          `${before.currency}: the currency can change only before there are any`,
      );
  }
  if (
    patch.fiscalYearStartMonth !== undefined &&
    patch.fiscalYearStartMonth !== before.fiscalYearStartMonth
  ) {
    const plans = await countFiscalYearPlans(db, before.id);
    if (plans > 0)
      throw new ConflictError(
        `${plans} strategies and plans are made for fiscal years: the fiscal-year start can ` +
          'change only before there are any',
      );
  }
}

/**
 * An admin changes the organisation's settings (name, currency, fiscal-year start, time zone);
 * with `expectedVersion` (If-Match) only if nobody saved since. The change is audited.
 */
export async function updateOrganisation(
  db: Database,
  actor: Actor,
  patch: OrganisationPatch,
  expectedVersion?: number,
): Promise<OrganisationSettings> {
  assertIsAdmin(actor);
  if (patch.timeZone !== undefined) assertTimeZone(patch.timeZone);
  return db.transaction(async (tx) => {
    const before = await getOrganisation(tx, actor.orgId);
    if (!before) throw new NotFoundError('Organisation', actor.orgId);
    if (expectedVersion !== undefined && expectedVersion !== before.version)
      throw new ConflictError(
        'Someone changed the settings since you read them',
        settingsOf(before),
      );
    await checkFoundationsFree(tx, before, patch);
    const after = await updateOrganisationRow(tx, actor.orgId, patch, expectedVersion);
    if (!after)
      throw new ConflictError(
        'Someone changed the settings since you read them',
        settingsOf(before),
      );
    await recordChanges(tx, actor, [
      { entityType: 'organisation', entityId: actor.orgId, action: 'update', before, after },
    ]);
    return settingsOf(after);
  });
}
