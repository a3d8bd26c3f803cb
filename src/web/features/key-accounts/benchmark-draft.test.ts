import { describe, expect, it } from 'vitest';
import { benchmarkDraftErrors, benchmarkDraftOf, benchmarkInputOf } from './benchmark-draft';

const id = '00000000-0000-4000-8000-000000000001';
const saved = {
  id,
  metric: 'Won revenue',
  source: 'won_revenue' as const,
  baseline: 1_000_000,
  target: 5_000_050,
  dueOn: '2026-12-31',
  actual: 2_500_000,
  isComputed: true,
  status: 'on_track' as const,
};

describe('benchmark figures as typed', () => {
  it('shows money from the data in whole units of the currency and takes it back in minor units', () => {
    const draft = benchmarkDraftOf(saved, 'EUR');
    expect(draft).toEqual({
      id,
      metric: 'Won revenue',
      source: 'won_revenue',
      baseline: '10000.00',
      target: '50000.50',
      dueOn: '2026-12-31',
      actual: '',
    });
    expect(benchmarkInputOf({ ...draft, target: '60 000' }, 'EUR')).toEqual({
      id,
      metric: 'Won revenue',
      source: 'won_revenue',
      baseline: 1_000_000,
      target: 6_000_000,
      dueOn: '2026-12-31',
      actual: null,
    });
    // A currency without decimals: what is typed is the amount.
    expect(benchmarkInputOf({ ...draft, target: '60000' }, 'JPY').target).toBe(60_000);
  });

  it('keeps counts and entered actuals as plain numbers', () => {
    const draft = benchmarkDraftOf(
      { ...saved, metric: 'Meetings', source: null, baseline: 2, target: 12, actual: 5 },
      'EUR',
    );
    expect([draft.baseline, draft.target, draft.actual]).toEqual(['2', '12', '5']);
    expect(benchmarkInputOf({ ...draft, actual: '6,5', baseline: '' }, 'EUR')).toMatchObject({
      baseline: null,
      target: 12,
      actual: 6.5,
    });
  });

  it('names every figure that is not one, in the form’s words', () => {
    const draft = benchmarkDraftOf(saved, 'EUR');
    const wrong = { ...draft, target: 'lots', baseline: '-5' };
    expect(benchmarkDraftErrors([wrong], 'EUR')).toEqual({
      'benchmarks.0.baseline': 'Not a figure: must not be negative',
      'benchmarks.0.target': 'Not a figure: enter an amount like 1234.55 (at most 2 decimals)',
    });
    expect(Number.isNaN(benchmarkInputOf(wrong, 'EUR').target)).toBe(true);
  });
});
