import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { syncEmailDirectory } from '../../db/queries/directory';
import {
  accounts,
  activities,
  contacts,
  exchangeRates,
  opportunities,
  opportunityCloseDateChanges,
  opportunityStageChanges,
  organisations,
  products,
  segmentNorms,
  segments,
  stages,
  territories,
  users,
} from '../../db/schema';
import { refreshPlannerStatistics } from '../../db/queries/statistics';
import { ConflictError } from '../../domain/errors';
import { minorUnitRate } from '../../domain/exchange-rates';
import { currencyFractionDigits } from '../../domain/money-format';
import { createOrganisation } from '../organisations';
import { loadDemoDealPlans } from './deal-plans';
import { loadDemoKeyAccounts } from './key-accounts';
import { type DemoRepPlanSummary, loadDemoRepPlans } from './rep-plans';
import { hashPassword } from '../passwords';
import { insertRows } from './bulk-insert';
import {
  DEMO_CURRENCY,
  DEMO_TIME_ZONE,
  type DemoDataset,
  type DemoSignIn,
  type StageName,
  generateDemoData,
} from './generate';
import { demoSignIns } from './generate-people';

export { DEMO_TIME_ZONE, demoSignIns };

export const DEMO_PASSWORD = 'salesplan-demo';
export const DEMO_ORGANISATION_SLUG = 'demo';

export type DemoSummary = {
  organisationId: string;
  anchorDate: string;
  /** Rows generated per table (deal plans add a few contacts on top). */
  counts: Record<keyof DemoDataset, number>;
  signIns: DemoSignIn[];
  /** The opportunities that got a full deal plan. */
  dealPlanOpportunityIds: string[];
  /** The strategy, team plans, rep plans and check-ins of the fiscal year. */
  repPlans: DemoRepPlanSummary;
};

export type DemoLoadOptions = { anchorDate: string; password?: string; seed?: number };

export async function hasDemoOrganisation(db: Executor): Promise<boolean> {
  const found = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, DEMO_ORGANISATION_SLUG));
  return found.length > 0;
}

/** Creates the demo organisation with its history in one transaction: all of it or nothing. */
export async function loadDemoData(db: Database, options: DemoLoadOptions): Promise<DemoSummary> {
  // One hash per user, each with its own salt. Argon2 runs on worker threads, so the hashes are
  // computed while the main thread generates the rows.
  const password = options.password ?? DEMO_PASSWORD;
  const hashing = Promise.all(demoSignIns.map(() => hashPassword(password)));
  const dataset = generateDemoData(options);
  const passwordHashes = await hashing;

  const {
    orgId: organisationId,
    planned,
    repPlans,
  } = await db.transaction(async (tx) => {
    if (await hasDemoOrganisation(tx)) {
      throw new ConflictError('The demo organisation already exists');
    }
    const organisation = await createOrganisation(tx, {
      slug: DEMO_ORGANISATION_SLUG,
      name: 'Demo Company',
      currency: DEMO_CURRENCY,
      timeZone: DEMO_TIME_ZONE,
    });
    const orgId = organisation.id;
    const stageId = await stageIdsByName(tx, orgId);
    const withOrg = <Row extends object>(rows: readonly Row[]) =>
      rows.map((row) => ({ ...row, orgId }));

    await insertRows(tx, territories, withOrg(dataset.territories));
    await insertRows(
      tx,
      users,
      dataset.users.map((user, i) => ({ ...user, orgId, passwordHash: passwordHashes[i] ?? null })),
    );
    await syncEmailDirectory(tx, orgId);
    await insertRows(tx, segments, withOrg(dataset.segments));
    await insertRows(tx, segmentNorms, withOrg(dataset.segmentNorms));
    await insertRows(tx, products, withOrg(dataset.products));
    await insertRows(tx, accounts, withOrg(dataset.accounts));
    await insertRows(tx, contacts, withOrg(dataset.contacts));
    await insertRows(
      tx,
      opportunities,
      dataset.opportunities.map(({ stageName, ...row }) => ({
        ...row,
        orgId,
        stageId: stageId(stageName),
      })),
    );
    await insertRows(
      tx,
      opportunityStageChanges,
      dataset.opportunityStageChanges.map(({ fromStageName, toStageName, ...row }) => ({
        ...row,
        orgId,
        fromStageId: fromStageName === null ? null : stageId(fromStageName),
        toStageId: stageId(toStageName),
      })),
    );
    await insertRows(tx, opportunityCloseDateChanges, withOrg(dataset.opportunityCloseDateChanges));
    await insertRows(tx, activities, withOrg(dataset.activities));
    // The rates as the exchange-rates service stores them, before the targets convert won deals.
    await insertRows(
      tx,
      exchangeRates,
      dataset.exchangeRates.map(({ currency, month, rate }) => ({
        orgId,
        currency,
        month,
        rate,
        minorUnitRate: minorUnitRate(
          rate,
          currencyFractionDigits(currency),
          currencyFractionDigits(DEMO_CURRENCY),
        ),
      })),
    );
    const planned = await loadDemoDealPlans(tx, orgId, options.anchorDate);
    const repPlans = await loadDemoRepPlans(tx, orgId, options.anchorDate);
    await loadDemoKeyAccounts(tx, orgId, options.anchorDate);
    return { orgId, planned, repPlans };
  });
  await refreshPlannerStatistics(db);

  const counts = Object.fromEntries(
    Object.entries(dataset).map(([table, rows]) => [table, rows.length]),
  ) as DemoSummary['counts'];
  const signIns = dataset.users.map(({ email, name, role }) => ({ email, name, role }));
  return {
    organisationId,
    anchorDate: options.anchorDate,
    counts,
    signIns,
    dealPlanOpportunityIds: planned,
    repPlans,
  };
}

async function stageIdsByName(tx: Executor, orgId: string): Promise<(name: StageName) => string> {
  const rows = await tx
    .select({ id: stages.id, name: stages.name })
    .from(stages)
    .where(eq(stages.orgId, orgId));
  const ids = new Map(rows.map((row) => [row.name, row.id]));
  return (name) => {
    const id = ids.get(name);
    if (!id) throw new Error(`the demo needs a stage named ${name}`);
    return id;
  };
}
