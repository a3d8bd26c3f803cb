import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  insertRepPlan,
  insertRepPlanComment,
  replaceTargetAccounts,
  updateRepPlan,
} from '../../db/queries/rep-plans';
import {
  insertStrategy,
  replaceAssignments,
  replaceSegmentShares,
  wonRevenueByMonth,
} from '../../db/queries/strategies';
import { insertTeamPlan } from '../../db/queries/team-plans';
import { accounts, segments, territories, users } from '../../db/schema';
import { addMonthsToMonth, monthOf } from '../../domain/calendar';
import type { Actor } from '../authorization';
import { scheduleCheckIns } from '../check-in-schedule';
import { computeRepPlanFigures } from '../rep-plan-figures';
import { freezeVersion } from '../rep-plan-versions';
import { saveTeamPlan } from '../team-plans';
import { holdCheckIns } from './rep-plan-check-ins';
import { demoTeamPlanContent } from './team-plan-content';

// The strategy chain for the demo organisation, for the anchor date's fiscal year: a strategy
// (history seasonality), a team plan per manager, and a rep plan per rep: most agreed with
// check-ins held (discrepancies written from plan vs actual), one revised at a check-in, some
// still proposed or draft, and one check-in left overdue.

export type DemoRepPlanSummary = { repPlans: number; checkInsHeld: number; revisedPlans: number };

const SHARES = [4000, 3000, 2000];
const at = (date: string, hour: number) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

async function loadStrategy(
  db: Executor,
  orgId: string,
  year: number,
  anchorDate: string,
  reps: { id: string; potential: number }[],
) {
  const lastMonth = addMonthsToMonth(monthOf(anchorDate), -1);
  const firstMonth = addMonthsToMonth(lastMonth, -11);
  const lastYear = (await wonRevenueByMonth(db, orgId))
    .filter((m) => m.month >= firstMonth && m.month <= lastMonth)
    .reduce((sum, m) => sum + m.revenueMinor, 0);
  // Next year's ambition: last twelve months plus 15%, in whole thousands.
  const targetMinor = Math.max(1, Math.round((lastYear * 1.15) / 100_000)) * 100_000;
  await insertStrategy(db, {
    orgId,
    fiscalYear: year,
    startMonth: 1,
    targetMinor,
    currency: 'EUR',
    model: 'territory',
    seasonalityKind: 'history',
  });
  const segmentRows = await db
    .select()
    .from(segments)
    .where(eq(segments.orgId, orgId))
    .orderBy(asc(segments.code));
  await replaceSegmentShares(
    db,
    orgId,
    year,
    segmentRows
      .slice(0, SHARES.length)
      .map((s, i) => ({ segmentId: s.id, shareBasisPoints: SHARES[i] ?? 0 })),
  );
  await replaceAssignments(
    db,
    orgId,
    year,
    reps.map((rep) => ({ repId: rep.id, segmentId: null, weight: rep.potential })),
  );
}

/** Loads the demo's strategy, team plans, rep plans and check-ins, inside the caller's transaction. */
export async function loadDemoRepPlans(
  db: Executor,
  orgId: string,
  anchorDate: string,
): Promise<DemoRepPlanSummary> {
  const year = Number(anchorDate.slice(0, 4));
  const people = await db
    .select({ user: users, potential: territories.potential })
    .from(users)
    .leftJoin(
      territories,
      and(eq(territories.orgId, users.orgId), eq(territories.id, users.territoryId)),
    )
    .where(eq(users.orgId, orgId))
    .orderBy(asc(users.email));
  const reps = people.filter((p) => p.user.role === 'rep' && p.user.managerId !== null);
  await loadStrategy(
    db,
    orgId,
    year,
    anchorDate,
    reps.map((p) => ({ id: p.user.id, potential: Number(p.potential ?? 1) || 1 })),
  );

  for (const { user: manager } of people.filter((p) => p.user.role === 'manager')) {
    const team = reps.filter((p) => p.user.managerId === manager.id).map((p) => p.user.id);
    const plan = await insertTeamPlan(db, { orgId, managerId: manager.id, fiscalYear: year });
    if (!plan) continue;
    const actor: Actor = {
      orgId,
      userId: manager.id,
      role: 'manager',
      name: manager.name,
      visibleOwnerIds: [manager.id, ...team],
      editableOwnerIds: [manager.id, ...team],
    };
    await saveTeamPlan(db, actor, plan.id, demoTeamPlanContent(year, team), 1);
  }

  let checkInsHeld = 0;
  let revisedPlans = 0;
  for (const [i, { user: rep }] of reps.entries()) {
    const managerId = rep.managerId ?? '';
    const plan = await insertRepPlan(db, {
      orgId,
      repId: rep.id,
      managerId,
      fiscalYear: year,
      cadence: i % 5 === 4 ? 'quarterly' : 'monthly',
      funnelInputs: i === 1 ? { callsPerMeeting: 4 } : {},
    });
    const targets = (
      await db
        .select({ id: accounts.id })
        .from(accounts)
        .where(
          and(
            eq(accounts.orgId, orgId),
            eq(accounts.ownerId, rep.id),
            isNotNull(accounts.segmentId),
          ),
        )
        .orderBy(asc(accounts.name))
    ).slice(0, 12);
    await replaceTargetAccounts(
      db,
      orgId,
      plan.id,
      targets.map((a) => a.id),
    );
    const repSignedAt = at(`${year}-01-0${(i % 5) + 2}`, 9);
    const managerSignedAt = at(`${year}-01-0${(i % 5) + 2}`, 16);
    if (i % 5 === 3) continue; // still a draft
    if (i % 5 === 2) {
      await updateRepPlan(db, orgId, plan.id, plan.version, { state: 'proposed', repSignedAt });
      continue;
    }
    const agreed = await updateRepPlan(db, orgId, plan.id, plan.version, {
      state: 'agreed',
      repSignedAt,
      managerSignedAt,
    });
    if (!agreed) throw new Error('demo rep plan changed while loading');
    const figures = await computeRepPlanFigures(db, agreed, anchorDate);
    await freezeVersion(
      db,
      agreed,
      figures,
      { repSignedAt, managerSignedAt },
      'Agreed by the rep and the manager',
    );
    await scheduleCheckIns(db, agreed, figures.fiscalYearStart);
    const result = await holdCheckIns(db, agreed, anchorDate, managerId, {
      leaveLastOverdue: i === 1,
      revise: i === 0,
    });
    checkInsHeld += result.held;
    revisedPlans += result.revisedPlans;
    if (i === 0) {
      await insertRepPlanComment(db, {
        orgId,
        repPlanId: plan.id,
        authorId: rep.id,
        body: 'Can we drop the accounts that froze their budgets?',
      });
      await insertRepPlanComment(db, {
        orgId,
        repPlanId: plan.id,
        authorId: managerId,
        body: 'Yes: keep eight, and we look again at the next check-in.',
      });
    }
  }
  return { repPlans: reps.length, checkInsHeld, revisedPlans };
}
