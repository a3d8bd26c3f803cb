import type { IsoDate } from './calendar';

/** What the reverse funnel (funnel.ts) starts from: the goal, the rep's ratios and the period. */
export type FunnelInput = {
  goalMinor: number;
  /** Revenue already won in the period. */
  wonMinor: number;
  averageDealMinor: number | null;
  /** c = won / (won + lost). */
  closingRatio: number | null;
  closingSample?: { won: number; lost: number };
  /** m = opportunities created / first meetings held. */
  meetingToOpportunityRatio: number | null;
  meetingSample?: { opportunities: number; firstMeetings: number };
  /**
   * Median days from created to won (L); a fraction is rounded up. Null when unknown (no won
   * deal to measure it): a `missing_sales_cycle` finding, and the meetings run to the period end.
   */
  salesCycleDays: number | null;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  today: IsoDate;
  callsPerMeeting?: number | null;
  teamClosingRatio?: number | null;
  teamMeetingToOpportunityRatio?: number | null;
};
