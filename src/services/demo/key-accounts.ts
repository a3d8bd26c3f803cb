import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  insertModelVersion,
  listAccountFigures,
  replaceKeyAccounts,
  setRating,
  upsertCriterion,
} from '../../db/queries/key-accounts';
import {
  getBenchmarkFigures,
  insertPlan,
  insertReview,
  replacePlanParts,
} from '../../db/queries/key-accounts-plans';
import { listWhitespaceFigures, replacePotentials } from '../../db/queries/key-accounts-whitespace';
import { getOrganisation } from '../../db/queries/organisations';
import { contacts, products, users } from '../../db/schema';
import {
  addDays,
  addMonths,
  fiscalYearOf,
  fiscalYearPeriod,
  fiscalYearStartOf,
} from '../../domain/calendar';
import { benchmarkStatus } from '../../domain/key-accounts-plan';
import { kindOfSource, type CriterionSource } from '../../domain/key-accounts-model';
import { scoreOrganisation } from '../key-accounts';

// The demo's key accounts: a scoring model saved by the leader, this year's list confirmed (with
// one of rep1's accounts included by the leader, with the reason), and plans on key accounts of
// every owner who has one, at different stages: acknowledged with a review held, signed and
// waiting for the manager, a draft, and one whose quarterly review is due. Those accounts' owner
// has entered the potential per product (whitespace): above what was won and is open, so the
// gaps show; the products have a typical share, so a product without one is estimated.

const CRITERIA: { name: string; source: CriterionSource; weight: number }[] = [
  { name: 'Employees', source: 'employees', weight: 2 },
  { name: 'Won revenue, 12 months', source: 'won_revenue_12_months', weight: 3 },
  { name: 'Open pipeline', source: 'open_pipeline', weight: 2 },
  { name: 'Contacts engaged', source: 'contacts_engaged', weight: 1 },
  { name: 'Strategic fit', source: 'rating', weight: 2 },
];

const userByEmail = async (tx: Executor, orgId: string, local: string) => {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.email, `${local}@demo.salesplan.test`)));
  if (!row) throw new Error(`the demo needs ${local}`);
  return row.id;
};

export async function loadDemoKeyAccounts(
  tx: Executor,
  orgId: string,
  today: string,
): Promise<{ keyAccountIds: string[]; planAccountIds: string[] }> {
  const [leaderId, managerId, repId] = [
    await userByEmail(tx, orgId, 'leader'),
    await userByEmail(tx, orgId, 'manager1'),
    await userByEmail(tx, orgId, 'rep1'),
  ];
  const criteria = [];
  for (const [position, c] of CRITERIA.entries())
    criteria.push(
      await upsertCriterion(tx, { orgId, ...c, kind: kindOfSource(c.source), position }),
    );
  await insertModelVersion(tx, {
    orgId,
    version: 1,
    cutPercent: 10,
    createdBy: leaderId,
    criteria: criteria.map(({ id, name, source, kind, weight }) => ({
      id,
      name,
      source,
      kind,
      weight,
    })),
  });
  // Strategic fit rated on the larger accounts, from the name so the demo is the same each time.
  const fit = criteria.find((c) => c.source === 'rating');
  const figures = await listAccountFigures(tx, orgId, today);
  const rated = [...figures]
    .sort((a, b) => (b.figures.employees ?? 0) - (a.figures.employees ?? 0))
    .slice(0, Math.ceil(figures.length / 4));
  for (const account of rated) {
    const rating = 1 + ([...account.accountName].reduce((s, ch) => s + ch.charCodeAt(0), 0) % 5);
    if (fit) await setRating(tx, orgId, account.accountId, fit.id, rating);
  }

  const org = await getOrganisation(tx, orgId);
  const startMonth = org?.fiscalYearStartMonth ?? 1;
  const fiscalYear = fiscalYearOf(today, startMonth);
  const { from } = fiscalYearPeriod(fiscalYearStartOf(fiscalYear, startMonth));
  const { ranked } = await scoreOrganisation(tx, orgId, today);
  const proposed = ranked.filter((a) => a.proposed);
  const repsBest = ranked.find((a) => a.ownerId === repId && !a.proposed);
  const overrides = repsBest
    ? [
        {
          orgId,
          fiscalYear,
          accountId: repsBest.accountId,
          decision: 'include' as const,
          reason: 'Framework agreement under negotiation: treat as key this year',
          decidedBy: leaderId,
        },
      ]
    : [];
  const list = [...proposed, ...(repsBest ? [repsBest] : [])];
  await replaceKeyAccounts(
    tx,
    orgId,
    fiscalYear,
    list.map((a) => ({
      orgId,
      accountId: a.accountId,
      fiscalYear,
      score: a.score,
      modelVersion: 1,
      isProposed: a.proposed,
      confirmedBy: leaderId,
    })),
    overrides,
  );

  // Plans across the teams: rep1's first four key accounts at the four stages (the journeys use
  // them), and one or two of every other owner's, the stages taken in turn so each team has some
  // drafts, signed plans, acknowledged ones with a review held, and reviews due. Each plan's
  // manager is the owner's own.
  const managers = new Map(
    (
      await tx
        .select({ id: users.id, managerId: users.managerId })
        .from(users)
        .where(eq(users.orgId, orgId))
    ).map((u) => [u.id, u.managerId]),
  );
  const byOwner = new Map<string, typeof list>();
  for (const account of list)
    if (account.ownerId !== null)
      byOwner.set(account.ownerId, [...(byOwner.get(account.ownerId) ?? []), account]);
  const stages = ['acknowledged', 'signed', 'draft', 'review_due'] as const;
  const planned: { account: (typeof list)[number]; stage: (typeof stages)[number] }[] = [];
  let turn = 0;
  for (const [ownerId, accounts] of [...byOwner].sort(([a], [b]) =>
    a === repId ? -1 : b === repId ? 1 : 0,
  )) {
    const count = ownerId === repId ? 4 : Math.min(2, accounts.length);
    for (const [index, account] of accounts.slice(0, count).entries()) {
      const stage = ownerId === repId ? (stages[index] ?? 'draft') : (stages[turn % 4] ?? 'draft');
      if (ownerId !== repId) turn += 1;
      planned.push({ account, stage });
    }
  }
  const planAccountIds: string[] = [];
  for (const { account, stage } of planned) {
    const ownerId = account.ownerId ?? repId;
    const reviewerId = managers.get(ownerId) ?? managerId;
    const started = addMonths(today, stage === 'review_due' ? -4 : -2);
    const startedAt = new Date(`${started}T09:00:00Z`);
    const plan = await insertPlan(tx, {
      orgId,
      accountId: account.accountId,
      fiscalYear,
      ownerId,
      cadence: stage === 'signed' ? 'monthly' : 'quarterly',
      commitment:
        stage === 'draft'
          ? ''
          : `I commit to broadening our relationships at ${account.accountName} and to the objectives and steps below, reviewed with my manager.`,
      repSignedAt: stage === 'acknowledged' || stage === 'signed' ? startedAt : null,
      managerAcknowledgedAt: stage === 'acknowledged' ? startedAt : null,
      managerComment: stage === 'acknowledged' ? 'Agreed. Keep the CFO meeting on track.' : '',
      version: stage === 'acknowledged' ? 4 : 2,
      createdAt: startedAt,
    });
    planAccountIds.push(account.accountId);
    const people = await tx
      .select({ id: contacts.id, lastName: contacts.lastName })
      .from(contacts)
      .where(and(eq(contacts.orgId, orgId), eq(contacts.accountId, account.accountId)))
      .limit(2);
    const relationships = people.map((person, i) => ({
      id: crypto.randomUUID(),
      orgId,
      keyAccountPlanId: plan.id,
      contactId: person.id,
      role: i === 0 ? ('economic' as const) : ('user' as const),
      currentStrength: 2,
      targetStrength: 4,
      nextStep: i === 0 ? 'Quarterly business review' : 'Invite to the user group',
    }));
    const shortTerm = {
      id: crypto.randomUUID(),
      term: 'short' as const,
      description: 'Meet the economic buyer',
      dueOn: addDays(today, 45),
    };
    const longTerm = {
      id: crypto.randomUUID(),
      term: 'long' as const,
      description: 'Become the preferred supplier',
      dueOn: addMonths(today, 10),
    };
    const steps = [
      {
        what: 'Prepare an account review deck',
        dueOn: addDays(today, -10),
        status: 'done' as const,
        objectiveId: shortTerm.id,
        relationshipId: null,
      },
      {
        what: 'Book the meeting with the economic buyer',
        dueOn: addDays(today, 14),
        status: 'open' as const,
        objectiveId: shortTerm.id,
        relationshipId: relationships[0]?.id ?? null,
      },
      // The draft still misses an owner and a date: the checks say so.
      {
        what: 'Propose a framework agreement',
        dueOn: stage === 'draft' ? null : addMonths(today, 3),
        status: 'open' as const,
        objectiveId: stage === 'draft' ? null : longTerm.id,
        relationshipId: null,
      },
    ];
    const benchmarks = [
      {
        metric: 'Meetings held',
        metricSource: 'meetings_held' as const,
        baseline: 0,
        target: 12,
        dueOn: addMonths(today, 10),
        actual: null,
      },
      {
        metric: 'Contacts engaged',
        metricSource: 'contacts_engaged' as const,
        baseline: 1,
        target: 6,
        dueOn: addMonths(today, 10),
        actual: null,
      },
      {
        metric: 'Share of wallet %',
        metricSource: null,
        baseline: 10,
        target: 25,
        dueOn: addMonths(today, 10),
        actual: 14,
      },
    ].map((b, position) => ({
      ...b,
      id: crypto.randomUUID(),
      orgId,
      keyAccountPlanId: plan.id,
      position,
    }));
    await replacePlanParts(tx, orgId, plan.id, {
      relationships,
      objectives: [shortTerm, longTerm].map((o, position) => ({
        ...o,
        orgId,
        keyAccountPlanId: plan.id,
        position,
      })),
      steps: steps.map((s, i) => ({
        ...s,
        id: crypto.randomUUID(),
        orgId,
        keyAccountPlanId: plan.id,
        position: i + 1,
        ownerId: stage === 'draft' && i === 2 ? null : ownerId,
      })),
      benchmarks,
    });
    const figures = await getBenchmarkFigures(tx, orgId, account.accountId, from, today);
    if (stage === 'acknowledged')
      await insertReview(tx, {
        orgId,
        keyAccountPlanId: plan.id,
        heldOn: addMonths(today, -1),
        planVersion: 4,
        whatChanged: 'The buyer moved the budget decision to next quarter.',
        adjustments: 'Meet the economic buyer before the budget round.',
        // The actuals as the review saw them, from the account's real activities and deals.
        benchmarkActuals: benchmarks.map((b) => {
          const actual = b.metricSource === null ? b.actual : figures[b.metricSource];
          return {
            benchmarkId: b.id,
            metric: b.metric,
            target: b.target,
            actual,
            status: benchmarkStatus({ ...b, actual }, from, today),
          };
        }),
        snapshot: {
          cadence: 'quarterly',
          commitment: '',
          objectives: [],
          relationships: [],
          steps: [],
          benchmarks: [],
        },
        reviewedBy: reviewerId,
      });
  }
  await setTypicalShares(tx, orgId);
  for (const accountId of planAccountIds) await enterPotentials(tx, orgId, accountId, today);
  return { keyAccountIds: list.map((a) => a.accountId), planAccountIds };
}

/**
 * Each product's typical share of a key account's annual revenue, by name: 0.01 % to 0.04 %
 * (the demo's accounts turn over €0.5–4 billion, so the estimates sit beside the entered ones).
 */
async function setTypicalShares(tx: Executor, orgId: string) {
  const rows = await tx
    .select({ id: products.id })
    .from(products)
    .where(eq(products.orgId, orgId))
    .orderBy(products.name);
  const shares = [2, 3, 1, 2, 4];
  for (const [index, row] of rows.entries())
    await tx
      .update(products)
      .set({ typicalShareBp: shares[index % shares.length] ?? 200 })
      .where(and(eq(products.orgId, orgId), eq(products.id, row.id)));
}

/**
 * The potential per product as an owner would estimate it: for a product already bought or in
 * the pipeline, one and a half to two and a half times what is won and open; for two that are
 * not, a round first guess. Rounded up to 1 000 whole units (minor units of two decimals).
 */
async function enterPotentials(tx: Executor, orgId: string, accountId: string, today: string) {
  const rows = await listWhitespaceFigures(tx, orgId, accountId, today);
  const roundUp = (minor: number) => Math.ceil(minor / 100_000) * 100_000;
  const potentials = [];
  let guesses = 0;
  for (const [index, row] of rows.entries()) {
    const sold = row.wonMinor + row.openMinor;
    if (sold > 0)
      potentials.push({
        productId: row.productId,
        potentialMinor: roundUp(sold * (1.5 + (index % 3) * 0.5)),
      });
    else if (guesses < 2) {
      guesses += 1;
      potentials.push({ productId: row.productId, potentialMinor: 2_500_000 * guesses });
    }
  }
  await replacePotentials(tx, orgId, accountId, potentials);
}
