import type { Executor } from '../db/client';
import { getOrganisation } from '../db/queries/organisations';
import { listSegments } from '../db/queries/reference';
import type { RepPlanRow } from '../db/queries/rep-plans';
import { attainmentBySegment, type SegmentWon } from '../domain/attainment';
import {
  fiscalYearPeriod,
  fiscalYearStartOf,
  maxDate,
  minDate,
  type IsoDate,
} from '../domain/calendar';
import type { PlanAttainment } from '../schemas/rep-plans';
import { computeRepFigures, dashboardYear } from './dashboard-rep-figures';
import type { RepPlanReads } from './rep-plan-figures';

// Attainment on a rep plan and its check-ins (issue 17, item 2): won to date against the
// seasonally weighted target to date and the year, total and per segment. The figures are the
// dashboards' (computeRepFigures over the same grouped statements, GET /api/dashboards/rep), so
// the plan, the check-in and the dashboard never disagree; only the split per segment is added.

const OTHER = 'other';

/**
 * The plan's attainment as of `day` (clamped into the plan's year); null without a strategy.
 * `reads`: the plan's (loadRepPlanReads as of `day`), when the caller has them.
 */
export async function repPlanAttainment(
  db: Executor,
  plan: Pick<RepPlanRow, 'orgId' | 'repId' | 'fiscalYear'>,
  day: IsoDate,
  reads?: RepPlanReads,
): Promise<PlanAttainment | null> {
  const org = reads?.rep?.organisation ?? (await getOrganisation(db, plan.orgId));
  if (!org) throw new Error(`organisation ${plan.orgId} is missing`);
  const period = fiscalYearPeriod(fiscalYearStartOf(plan.fiscalYear, org.fiscalYearStartMonth));
  const year = await dashboardYear(
    db,
    org,
    minDate(maxDate(day, period.from), period.to),
    reads && { fiscalYear: plan.fiscalYear, today: day, strategy: reads.strategy },
  );
  const figures = (await computeRepFigures(db, year, [plan.repId])).get(plan.repId);
  const cascadeRep = year.strategy?.cascade.reps.find((rep) => rep.repId === plan.repId);
  if (!figures || !year.strategy) return null;

  const names = new Map(
    (reads?.segments ?? (await listSegments(db, org.id))).map((s) => [s.id, s.name]),
  );
  const cells = cascadeRep?.segments ?? [];
  const listed = new Set(cells.map((c) => c.segmentId).filter((id) => id !== OTHER));
  // "Other": deals of accounts in no listed segment (or without an account), so the rows add up.
  let otherWon = 0;
  for (const [segmentId, won] of figures.wonToDateBySegment)
    if (segmentId === null || !listed.has(segmentId)) otherWon += won;
  const segments: SegmentWon[] = cells
    .filter((c) => c.segmentId !== OTHER)
    .map((c) => ({
      key: c.segmentId,
      label: names.get(c.segmentId) ?? c.segmentId,
      targetYearMinor: c.targetMinor,
      wonToDateMinor: figures.wonToDateBySegment.get(c.segmentId) ?? 0,
    }));
  const otherTarget = cells.find((c) => c.segmentId === OTHER)?.targetMinor ?? 0;
  if (otherTarget > 0 || otherWon > 0 || segments.length === 0)
    segments.push({
      key: OTHER,
      label: 'Other',
      targetYearMinor: otherTarget,
      wonToDateMinor: otherWon,
    });
  return {
    asOf: year.today,
    fiscalYear: year.fiscalYear,
    currency: org.currency,
    rows: attainmentBySegment(
      { ...figures.attainment, targetYearMinor: figures.targetYearMinor },
      segments,
    ),
    unconverted: figures.attainmentUnconverted,
  };
}
