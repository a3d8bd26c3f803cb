import type { Executor } from '../db/client';
import type { OwnerScope } from '../db/queries/scope';
import {
  fiscalYearOf,
  fiscalYearPeriod,
  fiscalYearStartOf,
  parseIsoDate,
} from '../domain/calendar';
import type { IsoDate, IsoMonth } from '../domain/calendar';
import { flatWeights } from '../domain/seasonality';
import { type ComputedStrategy, loadComputedStrategy } from './strategy-cascade';

// What attainment is measured against (DOMAIN.md, "Strategy cascade", "KPIs"): the fiscal year of
// a day, its strategy's seasonality and the cascade's targets for the part of the organisation
// counted. Read by the attainment report and the dashboards, so every attainment has one target.

export type AttainmentYear = {
  fiscalYear: number;
  fiscalYearStart: IsoMonth;
  /** The year's first and last day. */
  period: { from: IsoDate; to: IsoDate };
  /** The twelve monthly weights in use (flat without a strategy). */
  weights: number[];
  strategy: ComputedStrategy | undefined;
};

/** The organisation's fiscal year of `today` with its strategy, if any. */
export async function loadAttainmentYear(
  db: Executor,
  org: { id: string; fiscalYearStartMonth: number },
  today: IsoDate,
): Promise<AttainmentYear> {
  parseIsoDate(today, 'today');
  const fiscalYear = fiscalYearOf(today, org.fiscalYearStartMonth);
  const strategy = await loadComputedStrategy(db, org.id, fiscalYear, today);
  const fiscalYearStart =
    strategy?.fiscalYearStart ?? fiscalYearStartOf(fiscalYear, org.fiscalYearStartMonth);
  return {
    fiscalYear,
    fiscalYearStart,
    period: fiscalYearPeriod(fiscalYearStart),
    weights: strategy?.seasonality.weights ?? flatWeights(),
    strategy,
  };
}

/** The part of the organisation whose target counts. */
export type TargetScope = {
  /** The reps counted; null is the whole organisation. */
  ownerIds: OwnerScope;
  /** One segment's part of the target (the cascade's per-rep, per-segment cells). */
  segmentId?: string | undefined;
  /** Products have no target in the cascade. */
  isProduct?: boolean | undefined;
};

export type AttainmentTargets = {
  /** The target of everything counted together. */
  whole: number;
  /** One rep's target; 0 for a rep not counted. */
  ofRep(repId: string): number;
  /** The counted reps that have a target in the cascade. */
  repIds: string[];
};

/**
 * The cascade's targets for a scope: the organisation's (or its segment's share) for the whole
 * organisation, otherwise the sum of the counted reps' (of the segment, when one is given).
 */
export function attainmentTargets(
  strategy: ComputedStrategy | undefined,
  { ownerIds, segmentId, isProduct }: TargetScope,
): AttainmentTargets {
  if (!strategy || isProduct) return { whole: 0, ofRep: () => 0, repIds: [] };
  const isCounted = (repId: string) => ownerIds === null || ownerIds.includes(repId);
  const reps = new Map(
    strategy.cascade.reps
      .filter((rep) => isCounted(rep.repId))
      .map((rep) => [
        rep.repId,
        segmentId === undefined
          ? rep.targetMinor
          : (rep.segments.find((cell) => cell.segmentId === segmentId)?.targetMinor ?? 0),
      ]),
  );
  const organisation =
    segmentId === undefined
      ? strategy.row.targetMinor
      : (strategy.cascade.segments.find((segment) => segment.segmentId === segmentId)
          ?.targetMinor ?? 0);
  return {
    whole: ownerIds === null ? organisation : [...reps.values()].reduce((sum, t) => sum + t, 0),
    ofRep: (repId) => reps.get(repId) ?? 0,
    repIds: [...reps.keys()],
  };
}
