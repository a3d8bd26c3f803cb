import { z } from 'zod';
import { IsoDate } from './common';

// The KPI reports (`salesplan report <kind> --by <group>`, GET /api/reports/{kind}): declared
// once, read by the service that computes them, the CLI and the API that offer them.

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

// The rows each report answers, the same for `salesplan report <kind> --json` and
// GET /api/reports/{kind}. Strict objects: a row of one report never passes as another's.

const Money = z.number().int();
const Unconverted = z.array(
  z.strictObject({ currency: z.string(), count: z.number().int(), amountMinor: Money }),
);
const Rate = z.number().nullable();

export const PipelineReportRow = z.strictObject({
  id: z.string(),
  name: z.string(),
  openCount: z.number().int(),
  openValue: Money,
  weightedValue: Money,
  averageAgeDays: z.number(),
  byStage: z.array(z.strictObject({ stage: z.string(), count: z.number().int(), value: Money })),
  unconverted: Unconverted,
});

export const WinRateReportRow = z.strictObject({
  id: z.string(),
  name: z.string(),
  won: z.number().int(),
  lost: z.number().int(),
  winRate: Rate,
  wonRevenue: Money,
  averageWonDeal: Money.nullable(),
  medianCycleDays: z.number().nullable(),
  unconverted: Unconverted,
});

export const OutlierReportRow = z.strictObject({
  repId: z.string(),
  rep: z.string(),
  productId: z.string(),
  product: z.string(),
  direction: z.enum(['above', 'below']),
  won: z.number().int(),
  closed: z.number().int(),
  restWon: z.number().int(),
  restClosed: z.number().int(),
  winRate: z.number(),
  restWinRate: Rate,
  z: z.number(),
});

export const AttainmentReportRow = z.strictObject({
  id: z.string(),
  name: z.string(),
  wonToDate: Money,
  targetToDate: Money,
  attainment: Rate,
  gap: Money,
  unconverted: Unconverted,
});

export const ActivityReportRow = z.strictObject({
  id: z.string(),
  name: z.string(),
  activityType: z.string(),
  planned: z.number().int(),
  done: z.number().int(),
  ratio: Rate,
});

export const ReportRows = z.union([
  z.array(PipelineReportRow),
  z.array(WinRateReportRow),
  z.array(OutlierReportRow),
  z.array(AttainmentReportRow),
  z.array(ActivityReportRow),
]);
export type ReportRows = z.infer<typeof ReportRows>;

/** The rows of each kind of report. */
export type ReportRowsByKind = {
  pipeline: z.infer<typeof PipelineReportRow>[];
  'win-rates': z.infer<typeof WinRateReportRow>[];
  outliers: z.infer<typeof OutlierReportRow>[];
  attainment: z.infer<typeof AttainmentReportRow>[];
  activity: z.infer<typeof ActivityReportRow>[];
};

export const ReportParams = z.object({ kind: z.enum(REPORT_KINDS) });

export const ReportFilters = z
  .object({
    by: z.enum(REPORT_GROUPS).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'is before from' });
