import { describe, expect, it } from 'vitest';
import { lookBackPeriod, ratiosFromHistory } from './funnel-ratios';

const deal = (
  createdOn: string,
  closedOn: string | null,
  outcome: 'won' | 'lost' | null,
  amountMinor = 0,
) => ({
  createdOn,
  closedOn,
  outcome,
  amountMinor,
});

describe('ratiosFromHistory', () => {
  it('uses the 12 months up to today by default', () => {
    expect(lookBackPeriod('2026-11-25')).toEqual({ from: '2025-11-26', to: '2026-11-25' });
    expect(lookBackPeriod('2026-03-31', 1)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(() => lookBackPeriod('2026-03-31', 0)).toThrow('lookBackMonths');
  });

  it('derives each ratio with the counts behind it, ignoring rows outside the look-back', () => {
    const ratios = ratiosFromHistory({
      today: '2026-11-25',
      opportunities: [
        deal('2026-01-10', '2026-02-19', 'won', 1_000_000), // 40 days
        deal('2026-03-01', '2026-03-21', 'won', 3_000_000), // 20 days
        deal('2026-04-01', '2026-06-30', 'won', 2_000_001), // 90 days
        deal('2026-05-01', '2026-07-01', 'lost'),
        deal('2026-09-01', null, null),
        deal('2025-01-01', '2025-11-25', 'won', 9_999_999), // closed before the look-back
      ],
      firstMeetingsHeldOn: [
        '2025-11-25',
        '2025-12-01',
        '2026-01-05',
        '2026-02-02',
        '2026-08-08',
        '2026-10-10',
        '2026-11-25',
      ],
    });
    expect(ratios).toEqual({
      lookBack: { from: '2025-11-26', to: '2026-11-25' },
      closingRatio: { ratio: 0.75, won: 3, lost: 1 },
      // 5 opportunities created in the look-back, 6 first meetings held.
      meetingToOpportunityRatio: {
        ratio: 5 / 6,
        opportunities: 5,
        firstMeetings: 6,
        isCapped: false,
      },
      medianCycleDays: { days: 40, wonDeals: 3 },
      // (1,000,000 + 3,000,000 + 2,000,001) / 3 = 2,000,000.33 → 2,000,000.
      averageWonDeal: { amountMinor: 2_000_000, wonDeals: 3 },
    });
  });

  it('caps the meeting ratio at 1 and says so, and gives nulls without history', () => {
    const ratios = ratiosFromHistory({
      today: '2026-11-25',
      opportunities: [deal('2026-11-01', null, null), deal('2026-11-02', null, null)],
      firstMeetingsHeldOn: ['2026-10-01'],
      lookBackMonths: 6,
    });
    expect(ratios.meetingToOpportunityRatio).toEqual({
      ratio: 1,
      opportunities: 2,
      firstMeetings: 1,
      isCapped: true,
    });
    expect(ratios.closingRatio).toEqual({ ratio: null, won: 0, lost: 0 });
    expect(ratios.medianCycleDays).toEqual({ days: null, wonDeals: 0 });
    expect(ratios.averageWonDeal).toEqual({ amountMinor: null, wonDeals: 0 });
  });
});
