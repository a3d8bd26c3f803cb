import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Strategy } from '../../../schemas/strategies';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { StrategyPanel } from './StrategyPanel';

const year = new Date().getFullYear();
const strategy: Strategy = {
  year,
  startMonth: 1,
  targetMinor: 1_000_00,
  currency: 'EUR',
  model: 'specialised',
  version: 1,
  updatedAt: `${year}-01-01T00:00:00Z`,
  segmentMix: [],
  assignments: [],
  norms: [],
  seasonality: {
    kind: 'flat',
    enteredWeights: null,
    weights: Array.from({ length: 12 }, () => 1 / 12),
    source: 'flat',
    yearsUsed: 0,
    reason: null,
    unconverted: [],
    months: [],
    quarters: [],
  },
  cascade: {
    targetMinor: 1_000_00,
    segments: [
      {
        segmentId: 'a',
        code: 'A',
        name: 'Segment A',
        share: 0.6,
        targetMinor: 600_00,
        coveredBy: 'specialised',
      },
      {
        segmentId: 'b',
        code: 'B',
        name: 'Segment B',
        share: 0.3,
        targetMinor: 300_00,
        coveredBy: 'none',
      },
      {
        segmentId: 'other',
        code: 'other',
        name: 'Other',
        share: 0.1,
        targetMinor: 100_00,
        coveredBy: 'none',
      },
    ],
    reps: [
      {
        repId: 'r1',
        repName: 'Rita',
        model: 'specialised',
        targetMinor: 400_00,
        segments: [
          { segmentId: 'a', targetMinor: 400_00 },
          { segmentId: 'b', targetMinor: 0 },
          { segmentId: 'other', targetMinor: 0 },
        ],
      },
      {
        repId: 'r2',
        repName: 'Sam',
        model: 'specialised',
        targetMinor: 200_00,
        segments: [
          { segmentId: 'a', targetMinor: 200_00 },
          { segmentId: 'b', targetMinor: 0 },
          { segmentId: 'other', targetMinor: 0 },
        ],
      },
    ],
    otherMinor: 100_00,
    uncoveredSegments: ['b'],
    unassignedMinor: 400_00,
  },
};

describe('StrategyPanel', () => {
  it('shows the cascade table with its totals and flags the segment no rep holds', async () => {
    mockApi({ ...commonHandlers, [`GET /api/strategies/${year}`]: () => ({ body: strategy }) });
    renderWithProviders(<StrategyPanel />);
    const table = await screen.findByRole('table', { name: 'Targets by rep and segment' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Rep', 'Segment A (60%)', 'Segment B (30%)no rep', 'Other (10%)no rep', 'Total'],
      ['Rita', '€400', '€0', '€0', '€400'],
      ['Sam', '€200', '€0', '€0', '€200'],
      ['No rep', '€0', '€300', '€100', '€400'],
      ['Organisation', '€600', '€300', '€100', '€1,000'],
    ]);
    expect(screen.getByText(/Segment B has no rep/)).toBeTruthy();
  });

  it('names the won deals seasonality from history left out for want of a rate', async () => {
    const fromHistory: Strategy = {
      ...strategy,
      seasonality: {
        ...strategy.seasonality,
        kind: 'history',
        source: 'history',
        yearsUsed: 1,
        unconverted: [{ currency: 'CHF', count: 3, amountMinor: 900_00 }],
      },
    };
    mockApi({ ...commonHandlers, [`GET /api/strategies/${year}`]: () => ({ body: fromHistory }) });
    renderWithProviders(<StrategyPanel />);
    expect(
      await screen.findByText('Left out of the history: 3 deals in CHF have no rate'),
    ).toBeTruthy();
  });

  it('says so when no strategy is set for the year', async () => {
    mockApi({
      ...commonHandlers,
      [`GET /api/strategies/${year}`]: () => ({
        status: 404,
        body: { error: { code: 'not_found', message: 'Strategy not found' } },
      }),
    });
    renderWithProviders(<StrategyPanel />);
    expect(await screen.findByText(`No strategy is set for ${year}.`)).toBeTruthy();
  });
});
