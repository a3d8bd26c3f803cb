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
  const opportunities = input.opportunities.filter((row) =>
    isInPeriod(row.createdOn, lookBack),
  ).length;
  const firstMeetings = input.firstMeetingsHeldOn.filter((date) =>
    isInPeriod(date, lookBack),
  ).length;
  const rawRatio = firstMeetings === 0 ? null : opportunities / firstMeetings;
  const cycle = medianCycleDays(input.opportunities, lookBack);
  const average = averageWonDeal(input.opportunities, lookBack);
  return {
    lookBack,
    closingRatio: { ratio: closing.winRate, won: closing.won, lost: closing.lost },
    meetingToOpportunityRatio: {
      ratio: rawRatio === null ? null : Math.min(1, rawRatio),
      opportunities,
      firstMeetings,
      isCapped: rawRatio !== null && rawRatio > 1,
    },
    medianCycleDays: { days: cycle.medianDays, wonDeals: cycle.wonDeals },
    averageWonDeal: { amountMinor: average.averageMinor, wonDeals: average.wonDeals },
  };
}
