import { type CriterionSource, MONEY_CRITERION_SOURCES } from '../../../domain/key-accounts-model';
import type { BenchmarkSource, BenchmarkStatus } from '../../../domain/key-accounts-plan';

// The words the key-account pages show for the API's closed sets.

export const SOURCE_LABELS: Record<CriterionSource, string> = {
  annual_revenue: 'Annual revenue (account)',
  employees: 'Employees (account)',
  won_revenue_12_months: 'Won revenue, last 12 months',
  open_pipeline: 'Open pipeline',
  contacts_engaged: 'Contacts engaged, last 12 months',
  growth_year_over_year: 'Growth year over year (won)',
  rating: 'Rating 1–5 entered per account',
};

export const BENCHMARK_SOURCE_LABELS: Record<BenchmarkSource, string> = {
  won_revenue: 'Won revenue this fiscal year',
  open_pipeline: 'Open pipeline now',
  meetings_held: 'Meetings held this fiscal year',
  contacts_engaged: 'Contacts engaged this fiscal year',
};

export const BENCHMARK_STATUS_LABELS: Record<BenchmarkStatus, { label: string; color: string }> = {
  met: { label: 'Met', color: 'green' },
  on_track: { label: 'On track', color: 'blue' },
  off_track: { label: 'Off track', color: 'red' },
  no_actual: { label: 'No actual yet', color: 'gray' },
  no_date: { label: 'No date: not judged', color: 'gray' },
};

/** Money sources (criteria's and the benchmarks' won revenue) are in minor units of the
 * organisation's currency. */
export const isMoneySource = (source: string | null) =>
  source === 'won_revenue' ||
  (MONEY_CRITERION_SOURCES as readonly (string | null)[]).includes(source);
