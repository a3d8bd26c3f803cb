import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import {
  countOpportunitiesByStage,
  loadExternalIds,
  loadUserReferences,
} from '../../db/queries/import';
import { refreshPlannerStatistics } from '../../db/queries/statistics';
import { activityTypes, organisations, products, stages } from '../../db/schema';
import { ValidationError } from '../../domain/errors';
import type { ImportPreset, ImportReport, StageMap } from '../../schemas/import';
import { todayIn } from '../clock';
import { createOrganisation } from '../organisations';
import { type ImportContext, looseKey, stageResolver } from './context';
import { importEntity, type Progress } from './entity-writer';
import { importUsers } from './import-users';
import { type ImportPlan, inEntityOrder } from './plan';
import type { ImportLog } from './report';

// One import is one transaction: a failure, a rejected file or a killed process leaves the
// database as it was. A dry run does all the work, then rolls back.

export type ImportOptions = {
  preset: ImportPreset;
  plan: ImportPlan;
  log: ImportLog;
  orgSlug?: string | undefined;
  /** The currency of an organisation the import creates (default: the preset's). */
  currency?: string | undefined;
  dryRun: boolean;
  skipBadRows: boolean;
  stageMap: StageMap;
  /** Default: today in the organisation's time zone. */
  today?: string;
  onProgress?: Progress;
  /** Runs in the import's transaction when it is to be committed: what must land with the rows. */
  onImported?: (tx: Executor, report: ImportReport) => Promise<void>;
};

// The tables an import writes: their statistics are refreshed once it is committed.
const importTables = [
  'users',
  'accounts',
  'contacts',
  'products',
  'opportunities',
  'opportunity_stage_changes',
  'activities',
];

class RolledBack extends Error {
  constructor(readonly report: ImportReport) {
    super('rolled back');
  }
}

async function resolveOrganisation(db: Executor, options: ImportOptions) {
  const plan = options.plan;
  let slug = options.orgSlug;
  if (slug === undefined) {
    const all = await db.select().from(organisations).limit(2);
    const [only] = all;
    if (all.length === 1 && only) return { org: only, isNew: false };
    if (all.length > 1 || !plan.organisation.defaultSlug) {
      throw new ValidationError({
        field: '--org',
        reason: 'say which organisation to import into',
      });
    }
    slug = plan.organisation.defaultSlug;
  }
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) {
    throw new ValidationError({ field: '--org', reason: 'lower-case letters, digits and dashes' });
  }
  const [existing] = await db.select().from(organisations).where(eq(organisations.slug, slug));
  if (existing) return { org: existing, isNew: false };
  const org = await createOrganisation(db, {
    slug,
    name: plan.organisation.name ?? slug,
    currency: options.currency ?? plan.organisation.currency,
    ...(plan.organisation.stages ? { stages: plan.organisation.stages } : {}),
  });
  return { org, isNew: true };
}

async function buildContext(
  db: Executor,
  org: { id: string; slug: string; currency: string; timeZone: string },
  options: ImportOptions,
): Promise<ImportContext> {
  const stageRows = await db.select().from(stages).where(eq(stages.orgId, org.id));
  const typeRows = await db.select().from(activityTypes).where(eq(activityTypes.orgId, org.id));
  const types = new Map<string, string>();
  for (const type of typeRows) {
    types.set(type.key.toLowerCase(), type.key);
    types.set(type.label.toLowerCase(), type.key);
  }
  // One after another: a transaction is one connection, which runs one query at a time.
  const users = await loadUserReferences(db, org.id);
  const accounts = await loadExternalIds(db, 'accounts', org.id);
  const products = await loadExternalIds(db, 'products', org.id);
  const contacts = await loadExternalIds(db, 'contacts', org.id);
  return {
    orgId: org.id,
    orgSlug: org.slug,
    currency: org.currency,
    today: options.today ?? todayIn(org.timeZone),
    format: options.plan.format,
    log: options.log,
    stageOf: stageResolver(stageRows, options.stageMap, options.plan.stageAliases),
    activityTypeOf: (text) => types.get(text.toLowerCase()) ?? null,
    ids: {
      users,
      accounts,
      products,
      contacts,
      territories: new Map(),
    },
    productAliases: new Map(),
  };
}

/** Imports a plan's files into an organisation (created when missing), all or nothing. */
export async function runImport(db: Database, options: ImportOptions): Promise<ImportReport> {
  const progress = options.onProgress ?? (() => {});
  try {
    const report = await db.transaction(async (tx) => {
      const { org, isNew } = await resolveOrganisation(tx, options);
      const context = await buildContext(tx, org, options);
      await loadProductAliases(tx, context);
      for (const step of inEntityOrder(options.plan.steps)) {
        if (step.entity === 'users')
          await importUsers(tx, context, step.read(), { isOnlyNew: step.isOnlyNew ?? false });
        else await importEntity(tx, context, step.entity, step.read(), progress);
        if (step.entity === 'products') await loadProductAliases(tx, context);
      }
      const hasProblems = options.log.problems.length > 0;
      const status =
        hasProblems && !options.skipBadRows ? 'rejected' : options.dryRun ? 'dry_run' : 'imported';
      const report: ImportReport = {
        preset: options.preset,
        organisation: { slug: org.slug, isNew },
        status,
        counts: Object.fromEntries(options.log.counts),
        opportunitiesByStage: await countOpportunitiesByStage(tx, org.id),
        notes: options.log.noteList(),
        problems: options.log.problems,
      };
      if (status !== 'imported') throw new RolledBack(report);
      await options.onImported?.(tx, report);
      return report;
    });
    await refreshPlannerStatistics(db, importTables);
    return report;
  } catch (error) {
    if (error instanceof RolledBack) return error.report;
    throw error;
  }
}

async function loadProductAliases(db: Executor, context: ImportContext) {
  const rows = await db
    .select({ name: products.name, externalId: products.externalId })
    .from(products)
    .where(eq(products.orgId, context.orgId));
  for (const row of rows) {
    if (row.externalId === null) continue;
    context.productAliases.set(looseKey(row.externalId), row.externalId);
    context.productAliases.set(looseKey(row.name), row.externalId);
  }
}
