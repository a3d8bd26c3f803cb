import { daysBetween } from './calendar';
import type { IsoDate } from './calendar';
import { ValidationError } from './errors';
import { groupRows, isInPeriod } from './opportunity';
import type { OpportunityRow, Period, StageKind } from './opportunity';

// Pipeline KPIs (DOMAIN.md, KPIs) over plain rows, so the SQL version can be tested against them.

export type Stage = {
  id: string;
  name: string;
  order: number;
  winProbability: number;
  kind: StageKind;
};

/** An opportunity row with what the pipeline needs beyond the basic row. */
export type PipelineRow = Pick<
  OpportunityRow,
  'id' | 'amountMinor' | 'stageId' | 'createdOn' | 'expectedClose'
> & {
  lastActivityOn: IsoDate | null;
  /** Every expected close the deal has had, oldest first (the current one last). */
  expectedCloseHistory: IsoDate[];
  hasDealPlan: boolean;
  hasNextStep: boolean;
  hasErrorFinding: boolean;
};

export type PipelineSummary = {
  openCount: number;
  openValueMinor: number;
  /** Σ amount × stage win probability, rounded once to a minor unit. */
  weightedValueMinor: number;
  /** Mean days since created, or null with no open deal. */
  averageAgeDays: number | null;
  byStage: { stageId: string; name: string; count: number; valueMinor: number }[];
  staleIds: string[];
  /** Open deals with a deal plan, a next step and no error finding. */
  goodQualityIds: string[];
  slippingIds: string[];
};

/** Days without activity after which an open deal is stale. */
export const STALE_AFTER_DAYS = 30;
/** Times the expected close moved later after which a deal is slipping. */
export const SLIPPING_AFTER_MOVES = 3;

/** A deal's weighted value: amount × its stage's win probability (0–1), not yet rounded. */
export function weightedAmount(amountMinor: number, winProbability: number): number {
  return amountMinor * winProbability;
}

/** One deal's weighted value, rounded to a minor unit (a sum rounds once, at the end). */
export function weightedValueMinor(amountMinor: number, winProbability: number): number {
  return Math.round(weightedAmount(amountMinor, winProbability));
}

/** Overdue: an open deal whose expected close is before today. */
export function isOverdue(row: Pick<PipelineRow, 'expectedClose'>, today: IsoDate): boolean {
  return row.expectedClose !== null && row.expectedClose < today;
}

/** Stale: no activity for more than 30 days (since creation when none), or past its expected close. */
export function isStale(
  row: Pick<PipelineRow, 'lastActivityOn' | 'createdOn' | 'expectedClose'>,
  today: IsoDate,
): boolean {
  const lastTouch = row.lastActivityOn ?? row.createdOn;
  return daysBetween(lastTouch, today) > STALE_AFTER_DAYS || isOverdue(row, today);
}

/** How many times the expected close moved to a later date. */
export function countSlips(expectedCloseHistory: readonly IsoDate[]): number {
  return expectedCloseHistory.filter(
    (date, i) => i > 0 && date > (expectedCloseHistory[i - 1] ?? date),
  ).length;
}

/** Summarises the open pipeline: count, value, weighted value, age, stages, stale, quality, slipping. */
export function summarisePipeline(
  rows: readonly PipelineRow[],
  stages: readonly Stage[],
  today: IsoDate,
): PipelineSummary {
  const stageById = new Map(stages.map((stage) => [stage.id, stage]));
  const open = rows.filter((row) => {
    const stage = stageById.get(row.stageId);
    if (!stage)
      throw new ValidationError({
        field: `rows.${row.id}.stageId`,
        reason: `stage ${row.stageId} is unknown`,
      });
    return stage.kind === 'open';
  });
  const weighted = open.reduce(
    (sum, row) =>
      sum + weightedAmount(row.amountMinor, stageById.get(row.stageId)?.winProbability ?? 0),
    0,
  );
  const ages = open.map((row) => daysBetween(row.createdOn, today));
  const openStages = [...stages]
    .filter((stage) => stage.kind === 'open')
    .sort((a, b) => a.order - b.order);
  return {
    openCount: open.length,
    openValueMinor: open.reduce((sum, row) => sum + row.amountMinor, 0),
    weightedValueMinor: Math.round(weighted),
    averageAgeDays:
      ages.length === 0 ? null : ages.reduce((sum, age) => sum + age, 0) / ages.length,
    byStage: openStages.map((stage) => {
      const inStage = open.filter((row) => row.stageId === stage.id);
      return {
        stageId: stage.id,
        name: stage.name,
        count: inStage.length,
        valueMinor: inStage.reduce((sum, row) => sum + row.amountMinor, 0),
      };
    }),
    staleIds: open.filter((row) => isStale(row, today)).map((row) => row.id),
    goodQualityIds: open
      .filter((row) => row.hasDealPlan && row.hasNextStep && !row.hasErrorFinding)
      .map((row) => row.id),
    slippingIds: open
      .filter((row) => countSlips(row.expectedCloseHistory) >= SLIPPING_AFTER_MOVES)
      .map((row) => row.id),
  };
}

/** The pipeline summary per group (owner, team, product…), groups in key order. */
export function summarisePipelineByGroup<Row extends PipelineRow>(
  rows: readonly Row[],
  stages: readonly Stage[],
  today: IsoDate,
  keyOf: (row: Row) => string,
): ({ key: string } & PipelineSummary)[] {
  return groupRows(rows, keyOf).map(({ key, rows: group }) => ({
    key,
    ...summarisePipeline(group, stages, today),
  }));
}

export type PipelineCoverage = {
  /** Open pipeline value whose expected close falls in the period. */
  pipelineDueMinor: number;
  remainingTargetMinor: number;
  /** pipelineDue / remainingTarget; null when nothing remains to win. */
  coverage: number | null;
  /** 1 / closing ratio: the rep's own need, not a fixed 3×; null without a ratio above 0. */
  neededCoverage: number | null;
  isCovered: boolean | null;
};

/** Coverage of the remaining target by the open pipeline due in the period, against 1 / c. */
export function pipelineCoverage(input: {
  openRows: readonly Pick<OpportunityRow, 'amountMinor' | 'expectedClose'>[];
  period: Period;
  remainingTargetMinor: number;
  closingRatio: number | null;
}): PipelineCoverage {
  const pipelineDueMinor = input.openRows
    .filter((row) => isInPeriod(row.expectedClose, input.period))
    .reduce((sum, row) => sum + row.amountMinor, 0);
  return coverageOfDue(pipelineDueMinor, input.remainingTargetMinor, input.closingRatio);
}

/** Coverage of pipeline value already summed (due in the period), as `pipelineCoverage` defines it. */
export function coverageOfDue(
  pipelineDueMinor: number,
  remainingTargetMinor: number,
  closingRatio: number | null,
): PipelineCoverage {
  const remaining = Math.max(0, remainingTargetMinor);
  const coverage = remaining === 0 ? null : pipelineDueMinor / remaining;
  const c = closingRatio;
  const neededCoverage = c === null || c <= 0 ? null : 1 / c;
  const isCovered =
    remaining === 0
      ? true
      : coverage === null || neededCoverage === null
        ? null
        : coverage >= neededCoverage;
  return { pipelineDueMinor, remainingTargetMinor: remaining, coverage, neededCoverage, isCovered };
}

/**
 * Worth a deal plan: an open deal without one whose amount (in the organisation's currency) is at
 * least its owner's average won deal over all time. An owner who never won a deal has no measure
 * yet, so every open deal of theirs without a plan is; a deal without a rate (amount null) is
 * only then.
 */
export function isWorthADealPlan(
  deal: { isOpen: boolean; hasDealPlan: boolean; amountMinor: number | null },
  ownerAverageWonDealMinor: number | null,
): boolean {
  if (!deal.isOpen || deal.hasDealPlan) return false;
  if (ownerAverageWonDealMinor === null) return true;
  return deal.amountMinor !== null && deal.amountMinor >= ownerAverageWonDealMinor;
}
