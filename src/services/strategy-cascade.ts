import type { Executor } from '../db/client';
import {
  getStrategy as getStrategyRow,
  listAssignments,
  listSegmentShares,
  type StrategyRow,
  wonRevenueByMonth,
} from '../db/queries/strategies';
import { fiscalYearMonths } from '../domain/calendar';
import type { IsoDate, IsoMonth } from '../domain/calendar';
import { enteredWeights, flatWeights, weightsFromHistory } from '../domain/seasonality';
import type { Seasonality } from '../domain/seasonality';
import { splitTargetBySegmentMix } from '../domain/segment-mix';
import type { CascadeInput, CascadeResult, RepModel } from '../domain/segment-mix';

// A stored strategy turned into the domain's inputs, and the domain's answers: the seasonality
// in use and the cascade to rep targets. Strategies and rep plans both read it from here.

export type ComputedStrategy = {
  row: StrategyRow;
  fiscalYearStart: IsoMonth;
  shares: Awaited<ReturnType<typeof listSegmentShares>>;
  assignments: Awaited<ReturnType<typeof listAssignments>>;
  seasonality: Seasonality;
  cascade: CascadeResult;
};

export function fiscalYearStartOf(year: number, startMonth: number): IsoMonth {
  return `${year}-${String(startMonth).padStart(2, '0')}`;
}

/** The fiscal year's first and last day. */
export function fiscalYearPeriod(fiscalYearStart: IsoMonth): { from: IsoDate; to: IsoDate } {
  const months = fiscalYearMonths(fiscalYearStart);
  return { from: months[0]?.start ?? '', to: months[11]?.end ?? '' };
}

// One assignment row per (rep, segment): rows with a segment make the rep a specialist in it,
// a row without one gives them a territory share (its weight is their potential).
export function cascadeInputOf(
  row: Pick<StrategyRow, 'targetMinor' | 'model'>,
  shares: readonly { segmentId: string; shareBasisPoints: number }[],
  assignments: readonly { repId: string; segmentId: string | null; weight: number }[],
): CascadeInput {
  const repIds = [...new Set(assignments.map((a) => a.repId))];
  return {
    targetMinor: row.targetMinor,
    mix: shares.map((s) => ({ segmentId: s.segmentId, share: s.shareBasisPoints / 10_000 })),
    model: row.model,
    territorySplit: 'potential',
    specialisedSplit: 'capacity',
    reps: repIds.map((repId) => {
      const own = assignments.filter((a) => a.repId === repId);
      const held = own.filter((a) => a.segmentId !== null);
      const model: RepModel = held.length > 0 ? 'specialised' : 'territory';
      return {
        repId,
        model,
        potential: own.find((a) => a.segmentId === null)?.weight ?? 1,
        segments: held.map((a) => ({ segmentId: a.segmentId ?? '', capacityShare: a.weight })),
      };
    }),
  };
}

export async function seasonalityOf(
  db: Executor,
  row: Pick<StrategyRow, 'orgId' | 'seasonalityKind' | 'seasonalityWeights' | 'startMonth'>,
  today: IsoDate,
): Promise<Seasonality> {
  if (row.seasonalityKind === 'entered') {
    return {
      weights: enteredWeights(row.seasonalityWeights ?? []),
      source: 'entered',
      yearsUsed: 0,
      reason: null,
    };
  }
  if (row.seasonalityKind === 'history') {
    return weightsFromHistory(await wonRevenueByMonth(db, row.orgId), {
      today,
      fiscalYearStartMonth: row.startMonth,
    });
  }
  return { weights: flatWeights(), source: 'flat', yearsUsed: 0, reason: null };
}

/** The strategy for the year with its seasonality and cascade, or undefined when none is set. */
export async function loadComputedStrategy(
  db: Executor,
  orgId: string,
  year: number,
  today: IsoDate,
): Promise<ComputedStrategy | undefined> {
  const row = await getStrategyRow(db, orgId, year);
  if (!row) return undefined;
  const shares = await listSegmentShares(db, orgId, year);
  const assignments = await listAssignments(db, orgId, year);
  return {
    row,
    fiscalYearStart: fiscalYearStartOf(year, row.startMonth),
    shares,
    assignments,
    seasonality: await seasonalityOf(db, row, today),
    cascade: splitTargetBySegmentMix(cascadeInputOf(row, shares, assignments)),
  };
}
