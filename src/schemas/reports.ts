// The KPI reports (`salesplan report <kind> --by <group>`): declared once, read by the service
// that computes them and the CLI that offers them.

export const REPORT_KINDS = [
  'pipeline',
  'win-rates',
  'outliers',
  'attainment',
  'activity',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_GROUPS = ['rep', 'product', 'manager', 'territory'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];
