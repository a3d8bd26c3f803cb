import type { Command } from 'commander';
import { z } from 'zod';
import { ValidationError } from '../../domain/errors';
import { describeUnconverted } from '../../domain/exchange-rates';
import { formatWholeMoney } from '../../domain/money-format';
import { IsoDate } from '../../schemas/common';
import { REPORT_GROUPS, REPORT_KINDS } from '../../schemas/reports';
import { withDatabase } from '../database';
import { parseOption } from '../options';

// `salesplan report …`: the KPI reports of the domain core over the database, as a table or JSON.
// Money is in the organisation's currency, in whole units (formatWholeMoney): every figure here is
// a total; --json keeps the exact minor units.

type ReportOptions = {
  by?: string;
  org?: string;
  from?: string;
  to?: string;
  today?: string;
  json?: boolean;
};

const moneyKeys = new Set([
  'wonRevenue',
  'averageWonDeal',
  'openValue',
  'weightedValue',
  'wonToDate',
  'targetToDate',
  'gap',
]);
const rateKeys = new Set(['winRate', 'restWinRate', 'attainment', 'ratio']);
// Ids group the rows (and are in --json); the table shows the names beside them.
const hiddenKeys = new Set(['id', 'repId', 'productId', 'unconverted']);

function formatCell(key: string, value: unknown, currency: string): string {
  if (value === null || value === undefined) return '–';
  if (typeof value !== 'number') return String(value);
  if (moneyKeys.has(key)) return formatWholeMoney(value, currency, 'en-US');
  if (rateKeys.has(key)) return `${(value * 100).toFixed(1)}%`;
  if (key === 'z') return value.toFixed(2);
  if (!Number.isInteger(value)) return value.toFixed(1);
  return value.toLocaleString('en-US');
}

/** "Ann: 3 deals in CHF have no rate", for each row whose money figures leave deals out. */
function unconvertedNotes(rows: readonly Record<string, unknown>[]): string[] {
  return rows.flatMap((row) => {
    const unconverted = Array.isArray(row.unconverted)
      ? (row.unconverted as { currency: string; count: number }[])
      : [];
    return describeUnconverted(unconverted).map((note) => `${String(row.name)}: ${note}`);
  });
}

/** A plain text table; pipeline's stages become one column each; deals without a rate below it. */
export function formatReportTable(
  rows: readonly Record<string, unknown>[],
  currency: string,
): string {
  if (rows.length === 0) return 'No rows.\n';
  const flat = rows.map(({ byStage, ...row }) => {
    const stages = Array.isArray(byStage)
      ? Object.fromEntries(
          (byStage as { stage: string; count: number }[]).map((s) => [s.stage, s.count]),
        )
      : {};
    return { ...row, ...stages };
  });
  const headers = Object.keys(flat[0] ?? {}).filter((h) => !hiddenKeys.has(h));
  const cells = flat.map((row) =>
    headers.map((h) => formatCell(h, (row as Record<string, unknown>)[h], currency)),
  );
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const notes = unconvertedNotes(rows);
  const table = [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
  return `${[...table, ...(notes.length > 0 ? ['', ...notes] : [])].join('\n')}\n`;
}

export function registerReportCommand(program: Command) {
  program
    .command('report')
    .description('KPI reports: pipeline, win rates, conversion outliers, attainment, activity')
    .argument('<report>', REPORT_KINDS.join(' | '))
    .option(
      '--by <group>',
      `${REPORT_GROUPS.join(' | ')} (default rep; attainment: the organisation)`,
    )
    .option('--org <slug>', 'organisation (default: the only one)')
    .option('--from <date>', 'first day of the period (closed deals, activities)')
    .option('--to <date>', 'last day of the period')
    .option('--today <date>', 'the day the report is as of (default: today)')
    .option('--json', 'print the rows as JSON')
    .action(async (kindText: string, options: ReportOptions) => {
      const kind = parseOption('<report>', z.enum(REPORT_KINDS), kindText);
      const by = options.by ? parseOption('--by', z.enum(REPORT_GROUPS), options.by) : undefined;
      const from = options.from ? parseOption('--from', IsoDate, options.from) : undefined;
      const to = options.to ? parseOption('--to', IsoDate, options.to) : undefined;
      const today = options.today ? parseOption('--today', IsoDate, options.today) : undefined;
      if (from && to && from > to)
        throw new ValidationError({ field: '--to', reason: 'is before --from' });
      await withDatabase('salesplan report', async ({ db }) => {
        const [{ buildReport, findReportOrganisation, reportPeriod }, { todayIn }] =
          await Promise.all([import('../../services/reports'), import('../../services/clock')]);
        const org = await findReportOrganisation(db, options.org);
        const period = reportPeriod(from, to);
        const rows = await buildReport(db, org, {
          kind,
          by,
          period,
          today: today ?? todayIn(org.timeZone),
        });
        process.stdout.write(
          options.json
            ? `${JSON.stringify(rows, null, 2)}\n`
            : formatReportTable(rows, org.currency),
        );
      });
    });
}
