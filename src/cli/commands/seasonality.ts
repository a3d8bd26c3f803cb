import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { addMonthsToMonth, parseIsoDate, parseIsoMonth } from '../../domain/calendar';
import type { IsoMonth } from '../../domain/calendar';
import { ValidationError } from '../../domain/errors';
import { majorToMinor, minorToMajor } from '../../domain/money';
import { currencyFractionDigits } from '../../domain/money-format';
import {
  enteredWeights,
  flatWeights,
  weightsFromHistory,
  weightTargetBySeasonality,
} from '../../domain/seasonality';
import type { MonthlyRevenue, Seasonality } from '../../domain/seasonality';
import { Currency } from '../../schemas/common';
import { todayIso } from '../../services/clock';
import { readCsvTable } from '../../services/csv-table';
import { parseOption } from '../options';

type SeasonalityOptions = {
  target?: string;
  weights?: string;
  history?: string;
  start?: string;
  today?: string;
  currency: string;
  json?: boolean;
};

function readText(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new ValidationError({ field: flag, reason: `cannot read ${path}` });
  }
}

/**
 * Reads `month,revenue` rows (month YYYY-MM, revenue in major units with the currency's own
 * decimals) from a CSV, quotes allowed (csv-parse); every problem names its line.
 */
export function parseRevenueHistoryCsv(
  text: string,
  flag = '--history',
  fractionDigits = 2,
): MonthlyRevenue[] {
  const records = readCsvTable(text, flag);
  const [header, ...rows] = records;
  if (header?.record.join(',').toLowerCase() !== 'month,revenue') {
    throw new ValidationError({
      field: flag,
      reason: 'the first line must be the header month,revenue',
    });
  }
  return rows.map(({ record, info }) => {
    const field = `${flag} line ${info.lines}`;
    if (record.length !== 2)
      throw new ValidationError({ field, reason: 'needs exactly two columns: month,revenue' });
    return {
      month: parseIsoMonth(record[0] ?? '', field),
      revenueMinor: majorToMinor(record[1] ?? '', fractionDigits, field),
    };
  });
}

function chooseWeights(
  options: SeasonalityOptions,
  start: IsoMonth,
  today: string,
  fractionDigits: number,
): Seasonality {
  if (options.weights !== undefined && options.history !== undefined) {
    throw new ValidationError({
      field: '--weights',
      reason: 'give either --weights or --history, not both',
    });
  }
  if (options.weights !== undefined) {
    const values = options.weights
      .split(',')
      .map((cell) => (/^\s*\d+(\.\d+)?\s*$/.test(cell) ? Number(cell) : Number.NaN));
    if (values.some(Number.isNaN))
      throw new ValidationError({
        field: '--weights',
        reason: 'must be 12 numbers separated by commas',
      });
    if (values.length !== 12)
      throw new ValidationError({
        field: '--weights',
        reason: `need 12 monthly weights, got ${values.length}`,
      });
    return { weights: enteredWeights(values), source: 'entered', yearsUsed: 0, reason: null };
  }
  if (options.history !== undefined) {
    const rows = parseRevenueHistoryCsv(
      readText(options.history, '--history'),
      '--history',
      fractionDigits,
    );
    return weightsFromHistory(rows, { today, fiscalYearStartMonth: Number(start.slice(5, 7)) });
  }
  return {
    weights: flatWeights(),
    source: 'flat',
    yearsUsed: 0,
    reason: 'No --weights or --history: flat weights.',
  };
}

export function registerSeasonalityCommand(program: Command): void {
  program
    .command('seasonality')
    .description(
      'Weight a yearly target by month and quarter (flat, entered weights, or won-revenue history)',
    )
    .option('--target <amount>', 'yearly target, in major units')
    .option('--currency <code>', 'currency of the amounts (its own decimals: JPY none)', 'EUR')
    .option('--weights <w1,...,w12>', '12 monthly weights in fiscal order, any scale')
    .option(
      '--history <file.csv>',
      'CSV with header month,revenue (month YYYY-MM, revenue in major units); the weights come from the full fiscal years (by --start) the file covers, up to its last month, at most 3',
    )
    .option(
      '--start <YYYY-MM>',
      "the fiscal year's first month (default: January of --today's year)",
    )
    .option('--today <date>', 'YYYY-MM-DD (default: today); history counts only months before it')
    .option('--json', 'print JSON instead of a table')
    .action((options: SeasonalityOptions) => {
      if (options.target === undefined)
        throw new ValidationError({ field: '--target', reason: 'is required' });
      const currency = parseOption('--currency', Currency, options.currency);
      const digits = currencyFractionDigits(currency);
      const targetMinor = majorToMinor(options.target, digits, '--target');
      if (targetMinor < 0)
        throw new ValidationError({ field: '--target', reason: 'must be at least 0' });
      const today =
        options.today === undefined ? todayIso() : parseIsoDate(options.today, '--today');
      const start =
        options.start === undefined
          ? `${today.slice(0, 4)}-01`
          : parseIsoMonth(options.start, '--start');
      const seasonality = chooseWeights(options, start, today, digits);
      const { months, quarters } = weightTargetBySeasonality(targetMinor, seasonality.weights);
      const result = {
        targetMinor,
        source: seasonality.source,
        yearsUsed: seasonality.yearsUsed,
        reason: seasonality.reason,
        months: months.map((amountMinor, i) => ({
          month: addMonthsToMonth(start, i),
          weight: seasonality.weights[i] ?? 0,
          targetMinor: amountMinor,
        })),
        quarters: quarters.map((amountMinor, i) => ({
          quarter: `Q${i + 1}`,
          targetMinor: amountMinor,
        })),
      };
      if (options.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const lines = [`Weights: ${result.source}${result.reason ? ` (${result.reason})` : ''}`];
      for (const m of result.months)
        lines.push(
          `${m.month}  ${(m.weight * 100).toFixed(2).padStart(6)}%  ${minorToMajor(m.targetMinor, digits).padStart(16)}`,
        );
      for (const q of result.quarters)
        lines.push(
          `${q.quarter}                ${minorToMajor(q.targetMinor, digits).padStart(16)}`,
        );
      lines.push(`Total              ${minorToMajor(targetMinor, digits).padStart(16)}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
