import type { Command } from 'commander';
import { parseIsoDate } from '../../domain/calendar';
import { ValidationError } from '../../domain/errors';
import { reverseFunnel } from '../../domain/funnel';
import type { FunnelPlan } from '../../domain/funnel';
import { majorToMinor } from '../../domain/money';
import { currencyFractionDigits, formatWholeMoney } from '../../domain/money-format';
import { parseRatio } from '../../domain/proportions';
import { Currency } from '../../schemas/common';
import { todayIso } from '../../services/clock';
import { parseOption } from '../options';

type FunnelOptions = {
  goal?: string;
  won: string;
  dealSize?: string;
  winRate?: string;
  meetingRate?: string;
  cycleDays: string;
  from?: string;
  to?: string;
  today?: string;
  callsPerMeeting?: string;
  wonDeals?: string;
  lostDeals?: string;
  opportunities?: string;
  firstMeetings?: string;
  teamClosingRatio?: string;
  teamMeetingRatio?: string;
  currency: string;
  json?: boolean;
};

function required(flag: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '')
    throw new ValidationError({ field: flag, reason: 'is required' });
  return value;
}

function nonNegativeNumber(flag: string, text: string): number {
  const value = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (Number.isNaN(value))
    throw new ValidationError({ field: flag, reason: `"${text}" is not a number of at least 0` });
  return value;
}

function count(flag: string, text: string): number {
  if (!/^\d+$/.test(text.trim()))
    throw new ValidationError({ field: flag, reason: `"${text}" is not a whole number` });
  return Number(text);
}

/** A ratio's sample: both counts or neither, so a half-given sample is never guessed. */
function sample<Key extends string>(
  flags: readonly [Key, string, string | undefined][],
): Record<Key, number> | undefined {
  if (flags.every(([, , value]) => value === undefined)) return undefined;
  return Object.fromEntries(
    flags.map(([key, flag, value]) => [key, count(flag, required(flag, value))]),
  ) as Record<Key, number>;
}

const optionalRatio = (flag: string, text: string | undefined) =>
  text === undefined ? null : parseRatio(text, flag);

/** The funnel's JSON: rounded counts, their exact values, weeks, per-week pace and findings. */
export function funnelJson(plan: FunnelPlan) {
  return {
    remainingGoalMinor: plan.remainingGoalMinor,
    dealsToWin: plan.dealsToWin,
    opportunitiesNeeded: plan.opportunitiesNeeded,
    firstMeetingsNeeded: plan.firstMeetingsNeeded,
    exact: plan.exact,
    meetingWindow: plan.meetingWindow,
    weeks: plan.weeks,
    meetingsPerWeek: plan.meetingsPerWeek,
    callsPerWeek: plan.callsPerWeek,
    months: plan.months,
    ranges: plan.ranges,
    findings: plan.findings.map(({ code, severity, message }) => ({ code, severity, message })),
  };
}

const show = (value: number | null, digits = 2) =>
  value === null ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(digits);

function funnelTable(plan: FunnelPlan, currency: string): string {
  const pace = (perWeek: FunnelPlan['meetingsPerWeek']) =>
    perWeek === null ? '—' : `${perWeek.rounded} (exact ${show(perWeek.exact)})`;
  const lines = [
    `Goal still to win        ${formatWholeMoney(plan.remainingGoalMinor, currency, 'en-US')}`,
    `Deals to win             ${show(plan.dealsToWin)} (exact ${show(plan.exact.dealsToWin)})`,
    `Opportunities needed     ${show(plan.opportunitiesNeeded)} (exact ${show(plan.exact.opportunitiesNeeded)})`,
    `First meetings needed    ${show(plan.firstMeetingsNeeded)} (exact ${show(plan.exact.firstMeetingsNeeded)})`,
    `Meeting window           ${plan.meetingWindow.from} to ${plan.meetingWindow.to}: ${plan.weeks} working weeks`,
    `First meetings per week  ${pace(plan.meetingsPerWeek)}`,
  ];
  if (plan.callsPerWeek !== null) lines.push(`Calls per week           ${pace(plan.callsPerWeek)}`);
  for (const month of plan.months)
    lines.push(`  ${month.month}  ${String(month.firstMeetings).padStart(5)} first meetings`);
  for (const range of plan.ranges) {
    lines.push(
      `  ${range.ratio}: ${show(range.low, 3)}–${show(range.high, 3)} from ${range.sampleSize}; meetings ${show(range.firstMeetingsNeededAtLow)} to ${show(range.firstMeetingsNeededAtHigh)}; team ${show(range.teamRatio, 3)}`,
    );
  }
  for (const finding of plan.findings) lines.push(`${finding.severity}: ${finding.message}`);
  return `${lines.join('\n')}\n`;
}

export function registerFunnelCommand(program: Command): void {
  program
    .command('funnel')
    .description(
      'Reverse-engineer a revenue goal into deals, opportunities and first meetings per week',
    )
    .option('--goal <amount>', 'revenue goal for the period, in major units (e.g. 600000)')
    .option('--currency <code>', 'currency of the amounts (its own decimals: JPY none)', 'EUR')
    .option('--won <amount>', 'revenue already won in the period, in major units', '0')
    .option('--deal-size <amount>', 'average won deal, in major units')
    .option('--win-rate <rate>', 'closing ratio won / (won + lost): 0.25 or 25%')
    .option('--meeting-rate <rate>', 'opportunities per first meeting: 0.4 or 40%')
    .option('--cycle-days <days>', 'median sales cycle in days (created → won)', '0')
    .option('--from <date>', 'period start, YYYY-MM-DD')
    .option('--to <date>', 'period end, YYYY-MM-DD')
    .option('--today <date>', 'YYYY-MM-DD (default: today)')
    .option('--calls-per-meeting <ratio>', 'outreach calls needed per first meeting')
    .option('--won-deals <count>', 'won deals behind --win-rate (with --lost-deals)')
    .option('--lost-deals <count>', 'lost deals behind --win-rate (with --won-deals)')
    .option(
      '--opportunities <count>',
      'opportunities behind --meeting-rate (with --first-meetings)',
    )
    .option(
      '--first-meetings <count>',
      'first meetings behind --meeting-rate (with --opportunities)',
    )
    .option('--team-closing-ratio <rate>', "the team's closing ratio, shown for a small sample")
    .option('--team-meeting-ratio <rate>', "the team's meeting-to-opportunity ratio, likewise")
    .option('--json', 'print JSON instead of a table')
    .action((options: FunnelOptions) => {
      const currency = parseOption('--currency', Currency, options.currency);
      // Amounts are read with the currency's own decimals: 1234.5 JPY is refused.
      const digits = currencyFractionDigits(currency);
      const closingSample = sample([
        ['won', '--won-deals', options.wonDeals],
        ['lost', '--lost-deals', options.lostDeals],
      ]);
      const meetingSample = sample([
        ['opportunities', '--opportunities', options.opportunities],
        ['firstMeetings', '--first-meetings', options.firstMeetings],
      ]);
      const plan = reverseFunnel({
        goalMinor: majorToMinor(required('--goal', options.goal), digits, '--goal'),
        wonMinor: majorToMinor(options.won, digits, '--won'),
        averageDealMinor: majorToMinor(
          required('--deal-size', options.dealSize),
          digits,
          '--deal-size',
        ),
        closingRatio: parseRatio(required('--win-rate', options.winRate), '--win-rate'),
        meetingToOpportunityRatio: parseRatio(
          required('--meeting-rate', options.meetingRate),
          '--meeting-rate',
        ),
        salesCycleDays: nonNegativeNumber('--cycle-days', options.cycleDays),
        periodStart: parseIsoDate(required('--from', options.from), '--from'),
        periodEnd: parseIsoDate(required('--to', options.to), '--to'),
        today: options.today === undefined ? todayIso() : parseIsoDate(options.today, '--today'),
        callsPerMeeting:
          options.callsPerMeeting === undefined
            ? null
            : nonNegativeNumber('--calls-per-meeting', options.callsPerMeeting),
        ...(closingSample ? { closingSample } : {}),
        ...(meetingSample ? { meetingSample } : {}),
        teamClosingRatio: optionalRatio('--team-closing-ratio', options.teamClosingRatio),
        teamMeetingToOpportunityRatio: optionalRatio(
          '--team-meeting-ratio',
          options.teamMeetingRatio,
        ),
      });
      process.stdout.write(
        options.json
          ? `${JSON.stringify(funnelJson(plan), null, 2)}\n`
          : funnelTable(plan, currency),
      );
    });
}
