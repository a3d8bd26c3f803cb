import { and, asc, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { insertContact } from '../../db/queries/contacts';
import {
  bumpPlanVersion,
  ensurePlan,
  getPlanRows,
  insertModeChange,
  updateWinWin,
} from '../../db/queries/deal-plans';
import { insertPlanItem } from '../../db/queries/deal-plan-items';
import { convertedAmountJoin, convertedMinor } from '../../db/queries/money';
import { contacts, users } from '../../db/schema';
import { addDays } from '../../domain/calendar';
import type { BuyingInfluenceRole, ResponseMode } from '../../domain/deal-plan';
import { recordChanges } from '../audit';
import { planParts } from '../deal-plan-view';

// Demo deal plans: a few open deals get full plans, some healthy and some with findings of every
// check family, so a new user sees what the checks say on a good plan and on a weak one.

type InfluenceSpec = {
  role: BuyingInfluenceRole;
  mode: ResponseMode | null;
  /** Days before today the mode was recorded; older than 60 makes the map stale. */
  recordedDaysAgo: number;
  /** An earlier mode, to show the history. */
  previous?: ResponseMode;
};
type StepSpec = {
  what: string;
  dueIn: number;
  influence?: number;
  objective?: boolean;
  confidence: number | null;
  dependsOn?: number;
};
type PlanSpec = {
  influences: InfluenceSpec[];
  objective: { title: string; dueIn: number; smart: boolean };
  steps: StepSpec[];
  competition: {
    kind: 'competitor' | 'do_nothing' | 'in_house' | 'budget_elsewhere';
    name: string;
    differentiators: string;
  }[];
  winWin: { buyerResult: string; buyerPersonalWin: string; ourWin: string };
};

const ALL_ROLES: InfluenceSpec[] = [
  { role: 'economic', mode: 'growth', recordedDaysAgo: 5, previous: 'even_keel' },
  { role: 'user', mode: 'trouble', recordedDaysAgo: 8 },
  { role: 'technical', mode: 'even_keel', recordedDaysAgo: 12 },
  { role: 'coach', mode: 'growth', recordedDaysAgo: 3 },
];

const HEALTHY: PlanSpec = {
  influences: ALL_ROLES,
  objective: { title: 'Economic buyer approves the business case', dueIn: 21, smart: true },
  steps: [
    {
      what: 'Review the draft business case with our coach',
      dueIn: 4,
      influence: 3,
      objective: true,
      confidence: 5,
    },
    {
      what: 'Workshop with the users on the downtime pain',
      dueIn: 7,
      influence: 1,
      objective: true,
      confidence: 4,
    },
    {
      what: 'Security review with the technical buyer',
      dueIn: 10,
      influence: 2,
      objective: true,
      confidence: 3,
      dependsOn: 1,
    },
    {
      what: 'Present the business case to the economic buyer',
      dueIn: 18,
      influence: 0,
      objective: true,
      confidence: 4,
      dependsOn: 2,
    },
  ],
  competition: [
    { kind: 'competitor', name: 'Initech', differentiators: 'Local service team; 4-hour response' },
    {
      kind: 'do_nothing',
      name: '',
      differentiators: 'Cost of a year of downtime is twice the price',
    },
  ],
  winWin: {
    buyerResult: 'Downtime cut by 15% within a year',
    buyerPersonalWin: 'The COO delivers the cost plan promised to the board',
    ourWin: 'A three-year contract and a reference visit',
  },
};

// Findings of every family: a step due before the step it depends on (logical), steps serving no
// objective or aimed at nobody (significant), overdue and past the close (realistic), low or no
// confidence (valid), no coach, a stale and unconvinced economic buyer, no in-account
// alternative, a half-written win-win and a vague objective (coverage).
const WEAK: PlanSpec = {
  influences: [
    { role: 'economic', mode: 'overconfident', recordedDaysAgo: 75 },
    { role: 'user', mode: 'trouble', recordedDaysAgo: 20 },
    { role: 'technical', mode: null, recordedDaysAgo: 0 },
  ],
  objective: { title: 'Get the deal moving', dueIn: 5, smart: false },
  steps: [
    { what: 'Send the proposal again', dueIn: -6, influence: 0, objective: true, confidence: 2 },
    { what: 'Call procurement', dueIn: 3, confidence: null },
    {
      what: 'Demo for the technical team',
      dueIn: 2,
      influence: 2,
      objective: true,
      confidence: 3,
      dependsOn: 1,
    },
    { what: 'Negotiate the final price', dueIn: 400, influence: 0, objective: true, confidence: 1 },
  ],
  competition: [{ kind: 'competitor', name: 'Globex', differentiators: '' }],
  winWin: { buyerResult: 'Lower running costs', buyerPersonalWin: '', ourWin: '' },
};

const NEARLY: PlanSpec = {
  ...HEALTHY,
  influences: ALL_ROLES.slice(0, 3),
  steps: HEALTHY.steps.slice(1).map((s) => ({ ...s, dependsOn: undefined })),
  competition: [
    { kind: 'in_house', name: 'Their IT team', differentiators: 'Ready in weeks, not a year' },
  ],
};

const SPECS = [HEALTHY, WEAK, NEARLY, WEAK, HEALTHY];
const EXTRA_CONTACTS = [
  ['Alex', 'Morgan', 'CFO'],
  ['Robin', 'Keller', 'Operations manager'],
  ['Sam', 'Novak', 'IT lead'],
  ['Jo', 'Brandt', 'Fleet supervisor'],
] as const;

type PickedDeal = { id: string; accountId: string; ownerId: string };

/** The largest open deals closing 45+ days out (of one owner, or anyone's), in the organisation's currency. */
async function largestOpenDeals(
  tx: Executor,
  orgId: string,
  today: string,
  limit: number,
  ownerId: string | null,
) {
  return queryRows<PickedDeal>(
    tx,
    sql`select o.id, o.account_id as "accountId", o.owner_id as "ownerId"
        from opportunities o
        join stages s on s.org_id = o.org_id and s.id = o.stage_id
        ${convertedAmountJoin(today)}
        where o.org_id = ${orgId} and s.kind = 'open' and o.account_id is not null
          and o.expected_close_on >= ${addDays(today, 45)}
          ${ownerId === null ? sql`` : sql`and o.owner_id = ${ownerId}`}
        order by ${convertedMinor} desc nulls last, o.id
        limit ${limit}`,
  );
}

/**
 * rep1's largest open deal (the README's first rep: their dashboard, deal list and calendar
 * feed show a plan and its steps), then the organisation's largest others.
 */
async function pickDeals(tx: Executor, orgId: string, today: string) {
  const [rep1] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.email, 'rep1@demo.salesplan.test')));
  const own = rep1 ? await largestOpenDeals(tx, orgId, today, 1, rep1.id) : [];
  const largest = await largestOpenDeals(tx, orgId, today, SPECS.length, null);
  return [...own, ...largest.filter((deal) => !own.some((o) => o.id === deal.id))].slice(
    0,
    SPECS.length,
  );
}

async function contactsFor(tx: Executor, orgId: string, accountId: string, needed: number) {
  const found = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.accountId, accountId)))
    .orderBy(asc(contacts.lastName), asc(contacts.id));
  const ids = found.map((c) => c.id);
  for (const [firstName, lastName, title] of EXTRA_CONTACTS.slice(
    0,
    Math.max(0, needed - ids.length),
  ))
    ids.push((await insertContact(tx, { orgId, accountId, firstName, lastName, title })).id);
  return ids;
}

async function writePlan(
  tx: Executor,
  orgId: string,
  deal: { id: string; accountId: string; ownerId: string },
  spec: PlanSpec,
  today: string,
) {
  const base = { orgId, opportunityId: deal.id };
  await ensurePlan(tx, orgId, deal.id);
  const contactIds = await contactsFor(tx, orgId, deal.accountId, spec.influences.length);
  const influenceIds: string[] = [];
  for (const [i, influence] of spec.influences.entries()) {
    const row = await insertPlanItem(tx, 'influence', {
      ...base,
      contactId: contactIds[i] as string,
      role: influence.role,
      influence: i === 0 ? 'high' : 'medium',
      responseMode: influence.mode,
    });
    influenceIds.push(row.id);
    const modes = [influence.previous, influence.mode].filter((m): m is ResponseMode => Boolean(m));
    for (const [j, mode] of modes.entries())
      await insertModeChange(tx, {
        orgId,
        influenceId: row.id,
        responseMode: mode,
        recordedOn: addDays(today, -influence.recordedDaysAgo - (modes.length - 1 - j) * 30),
        recordedBy: deal.ownerId,
      });
  }
  const smart = spec.objective.smart;
  const objective = await insertPlanItem(tx, 'objective', {
    ...base,
    position: 1,
    title: spec.objective.title,
    who: influenceIds.slice(0, smart ? 2 : 0),
    whereWhen: smart ? 'At their head office, steering meeting' : '',
    informationToCollect: smart ? 'Budget line, approval path and timing' : '',
    how: smart ? 'Business case review with the numbers they gave us' : '',
    desiredOutcome: smart ? 'Written approval to go to contract' : 'Progress',
    dueOn: addDays(today, spec.objective.dueIn),
  });
  const stepIds: string[] = [];
  for (const [i, step] of spec.steps.entries()) {
    const row = await insertPlanItem(tx, 'step', {
      ...base,
      position: i + 1,
      what: step.what,
      ownerId: deal.ownerId,
      dueOn: addDays(today, step.dueIn),
      objectiveId: step.objective ? objective.id : null,
      influenceId: step.influence === undefined ? null : (influenceIds[step.influence] ?? null),
      dependsOnStepId: step.dependsOn === undefined ? null : (stepIds[step.dependsOn] ?? null),
      confidence: step.confidence,
    });
    stepIds.push(row.id);
  }
  for (const competitor of spec.competition) {
    await insertPlanItem(tx, 'competitor', { ...base, ...competitor });
  }
  await updateWinWin(tx, orgId, deal.id, spec.winWin);
  await recordPlanHistory(tx, orgId, deal);
}

// The timeline shows each part as added by the deal's owner, and the version counts the changes,
// as if the rep had built the plan in the app.
async function recordPlanHistory(
  tx: Executor,
  orgId: string,
  deal: { id: string; ownerId: string },
) {
  const parts = planParts(await getPlanRows(tx, orgId, deal.id));
  const scope = { scopeType: 'deal_plan', scopeId: deal.id };
  const created = (entityType: string, items: { id: string }[]) =>
    items.map((after) => ({
      entityType,
      entityId: after.id,
      action: 'create' as const,
      after,
      ...scope,
    }));
  const changes = [
    ...created('buying_influence', parts.influences),
    ...created('single_sales_objective', parts.objectives),
    ...created('action_step', parts.steps),
    ...created('competitor', parts.competition),
    {
      entityType: 'win_win',
      entityId: deal.id,
      action: 'update' as const,
      before: {},
      after: parts.winWin,
      ...scope,
    },
  ];
  for (let version = 0; version < changes.length; version += 1)
    await bumpPlanVersion(tx, orgId, deal.id, version);
  await recordChanges(tx, { orgId, userId: deal.ownerId }, changes);
}

/** Writes full deal plans on a few open demo deals; returns the opportunity ids planned. */
export async function loadDemoDealPlans(
  tx: Executor,
  orgId: string,
  today: string,
): Promise<string[]> {
  const deals = await pickDeals(tx, orgId, today);
  for (const [i, deal] of deals.entries()) {
    const spec = SPECS[i];
    if (spec && deal.accountId)
      await writePlan(tx, orgId, { ...deal, accountId: deal.accountId }, spec, today);
  }
  return deals.map((d) => d.id);
}
