import { addDays, addMonths, parseIsoDate } from './calendar';
import type { IsoDate } from './calendar';
import { ValidationError } from './errors';
import { isInPeriod } from './opportunity';
import type { OpportunityRow, Period } from './opportunity';
import { averageWonDeal, medianCycleDays, winRate } from './win-rate';

// The funnel's ratios taken from a rep's own history, each with the counts behind it so the
// plan can show its sample size (DOMAIN.md, reverse-engineered funnel).

/** Where a funnel input comes from: the rep's history, an override with its reason, or nowhere. */
export const FUNNEL_INPUT_SOURCES = ['history', 'override', 'missing'] as const;
export type FunnelInputSource = (typeof FUNNEL_INPUT_SOURCES)[number];

export type FunnelHistoryInput = {
  opportunities: readonly Pick<
    OpportunityRow,
    'createdOn' | 'closedOn' | 'outcome' | 'amountMinor'
  >[];
  /** Dates of the first meetings (activity type first_meeting) the rep held. */
  firstMeetingsHeldOn: readonly IsoDate[];
  today: IsoDate;
  /** Default 12. */
  lookBackMonths?: number;
};

export type FunnelHistoryRatios = {
  lookBack: Period;
  closingRatio: { ratio: number | null; won: number; lost: number };
  meetingToOpportunityRatio: {
    ratio: number | null;
    opportunities: number;
    firstMeetings: number;
    /** More opportunities than first meetings: the ratio is capped at 1. */
    isCapped: boolean;
  };
  medianCycleDays: { days: number | null; wonDeals: number };
  averageWonDeal: { amountMinor: number | null; wonDeals: number };
};

/** The look-back window ending today: '2026-11-25' and 12 months → 2025-11-26 … 2026-11-25. */
export function lookBackPeriod(today: IsoDate, months = 12): Period {
  if (!Number.isInteger(months) || months < 1) {
    throw new ValidationError({
      field: 'lookBackMonths',
      reason: 'must be a whole number of at least 1',
    });
  }
  return { from: addDays(addMonths(parseIsoDate(today, 'today'), -months), 1), to: today };
}

/** Closing ratio, meeting-to-opportunity ratio, median cycle and average won deal over the look-back. */
export function ratiosFromHistory(input: FunnelHistoryInput): FunnelHistoryRatios {
  const lookBack = lookBackPeriod(input.today, input.lookBackMonths ?? 12);
  const closing = winRate(input.opportunities, lookBack);
  const cycle = medianCycleDays(input.opportunities, lookBack);
  const average = averageWonDeal(input.opportunities, lookBack);
  return ratiosFromCounts({
    lookBack,
    won: closing.won,
    lost: closing.lost,
    opportunitiesCreated: input.opportunities.filter((row) => isInPeriod(row.createdOn, lookBack))
      .length,
    firstMeetings: input.firstMeetingsHeldOn.filter((date) => isInPeriod(date, lookBack)).length,
    cycleWonDeals: cycle.wonDeals,
    medianCycleDays: cycle.medianDays,
    averageWonDeals: average.wonDeals,
    averageWonDealMinor: average.averageMinor,
  });
}

/** The counts behind the ratios over a look-back, as the database adds them up per rep. */
export type FunnelHistoryCounts = {
  lookBack: Period;
  /** Won and lost deals closed in the look-back. */
  won: number;
  lost: number;
  /** Opportunities created in the look-back, and first meetings held in it. */
  opportunitiesCreated: number;
  firstMeetings: number;
  /** Won deals with a close date in the look-back, and the median of their cycles. */
  cycleWonDeals: number;
  medianCycleDays: number | null;
  /** The won deals the average is over, and the average (half up); null when none. */
  averageWonDeals: number;
  averageWonDealMinor: number | null;
};

/** The ratios from their counts: the one place each ratio is defined (and capped). */
export function ratiosFromCounts(counts: FunnelHistoryCounts): FunnelHistoryRatios {
  const { won, lost, opportunitiesCreated: opportunities, firstMeetings } = counts;
  const rawRatio = firstMeetings === 0 ? null : opportunities / firstMeetings;
  return {
    lookBack: counts.lookBack,
    closingRatio: { ratio: won + lost === 0 ? null : won / (won + lost), won, lost },
    meetingToOpportunityRatio: {
      ratio: rawRatio === null ? null : Math.min(1, rawRatio),
      opportunities,
      firstMeetings,
      isCapped: rawRatio !== null && rawRatio > 1,
    },
    medianCycleDays: { days: counts.medianCycleDays, wonDeals: counts.cycleWonDeals },
    averageWonDeal: { amountMinor: counts.averageWonDealMinor, wonDeals: counts.averageWonDeals },
  };
}
