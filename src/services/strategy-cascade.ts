import type { Executor } from '../db/client';
import {
  getStrategy as getStrategyRow,
  listAssignments,
  listSegmentShares,
  type StrategyRow,
  wonRevenueByMonth,
} from '../db/queries/strategies';
import { addMonthsToMonth, fiscalYearStartOf, monthOf } from '../domain/calendar';
import type { IsoDate, IsoMonth } from '../domain/calendar';
import { enteredWeights, flatWeights, weightsFromHistory } from '../domain/seasonality';
import type { Seasonality } from '../domain/seasonality';
import type { UnconvertedMoney } from '../domain/exchange-rates';
import type { CascadeResult } from '../domain/strategy-cascade';
import { cascadeStrategy } from '../domain/strategy-assignments';

// A stored strategy turned into the domain's inputs, and the domain's answers: the seasonality
// in use and the cascade to rep targets. Strategies and rep plans both read it from here.

export type ComputedStrategy = {
  row: StrategyRow;
  fiscalYearStart: IsoMonth;
  shares: Awaited<ReturnType<typeof listSegmentShares>>;
  assignments: Awaited<ReturnType<typeof listAssignments>>;
  seasonality: StrategySeasonality;
  cascade: CascadeResult;
};

/** The seasonality in use; from history, with the won deals it left out for want of a rate. */
export type StrategySeasonality = Seasonality & { unconverted: UnconvertedMoney[] };

export async function seasonalityOf(
  db: Executor,
  row: Pick<StrategyRow, 'orgId' | 'seasonalityKind' | 'seasonalityWeights' | 'startMonth'>,
  today: IsoDate,
): Promise<StrategySeasonality> {
  if (row.seasonalityKind === 'entered') {
    return {
      weights: enteredWeights(row.seasonalityWeights ?? []),
      source: 'entered',
      yearsUsed: 0,
      reason: null,
      unconverted: [],
    };
  }
  if (row.seasonalityKind === 'history') {
    const history = await wonRevenueByMonth(db, row.orgId);
    const seasonality = weightsFromHistory(history.months, {
      today,
      fiscalYearStartMonth: row.startMonth,
      // The organisation's own deals run to today: a recent month without a won deal is a month
      // without revenue, not the end of the data.
      historyEnd: addMonthsToMonth(monthOf(today), -1),
    });
    return { ...seasonality, unconverted: history.unconverted };
  }
  return { weights: flatWeights(), source: 'flat', yearsUsed: 0, reason: null, unconverted: [] };
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
  return computedStrategyOf(db, { row, shares, assignments }, today);
}

/** The strategy computed from rows read already (a rep plan's read reads them in one statement). */
export async function computedStrategyOf(
  db: Executor,
  { row, shares, assignments }: Pick<ComputedStrategy, 'row' | 'shares' | 'assignments'>,
  today: IsoDate,
): Promise<ComputedStrategy> {
  return {
    row,
    fiscalYearStart: fiscalYearStartOf(row.fiscalYear, row.startMonth),
    shares,
    assignments,
    seasonality: await seasonalityOf(db, row, today),
    cascade: cascadeOf(row, shares, assignments),
  };
}

// The cascade of a stored strategy is a pure function of its row, shares and assignments, and
// for 1,000 reps it costs more than the statements that read them (the exact table rounding):
// the last few are kept, by their content, frozen so that no reader changes them. A changed
// strategy, share or assignment is another key.
const CASCADES_KEPT = 8;
const cascades = new Map<string, CascadeResult>();

function cascadeOf(...input: Parameters<typeof cascadeStrategy>): CascadeResult {
  const key = JSON.stringify(input);
  const known = cascades.get(key);
  if (known) {
    cascades.delete(key);
    cascades.set(key, known);
    return known;
  }
  const cascade = deepFreeze(cascadeStrategy(...input));
  cascades.set(key, cascade);
  for (const oldest of cascades.keys()) {
    if (cascades.size <= CASCADES_KEPT) break;
    cascades.delete(oldest);
  }
  return cascade;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
