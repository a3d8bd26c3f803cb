// A key-account plan's parts (DOMAIN.md, "Key accounts"): benchmarks whose actual the app can
// compute from the data name their source; any other benchmark's actual is entered.

export const BENCHMARK_SOURCES = [
  'won_revenue',
  'open_pipeline',
  'meetings_held',
  'contacts_engaged',
] as const;
export type BenchmarkSource = (typeof BENCHMARK_SOURCES)[number];
