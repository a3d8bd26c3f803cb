import { pluralOf } from '../../../domain/team-plan-metric-description';
import type { WeeklyPlanLine } from '../../../schemas/rep-plans';
import { formatWholeMoney } from '../../components/money';
import { BASIS_WORDS } from './plan-words';

// The API compares two agreed versions leaf by leaf (`targets.segments.A`, `funnelInputs.
// closingRatio.value`...). This turns those paths into lines a rep and a manager read: the
// section, what changed, and both values formatted (money, ratios, names, texts).

export type VersionChange = { path: string; before: unknown; after: unknown };

export type ChangeLine = {
  key: string;
  section: string;
  label: string;
  before: string;
  after: string;
  /** For lists: what was added and removed. */
  note?: string;
};

type Format = (value: unknown) => string;

const SECTIONS = [
  'Targets',
  'Target accounts',
  'Activity plan',
  'Weekly plan',
  'Funnel',
  'Funnel overrides',
  'Qualitative part',
  'Plan',
  'Other',
];

const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && value !== null && Object.keys(value).length === 0);

const plain: Format = (value) => {
  if (isEmpty(value)) return '—';
  if (Array.isArray(value)) return value.map(plain).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number | boolean);
};

const numberOr = (format: (n: number) => string, empty = '—'): Format => {
  return (value) =>
    typeof value === 'number' ? format(value) : isEmpty(value) ? empty : plain(value);
};

const ratio = numberOr((n) => `${Math.round(n * 1000) / 10}%`);
const count = numberOr(String);

function formatsFor(currency: string) {
  // Targets and goals in whole units, as everywhere else in the plan (issue 17, item 8).
  const money = numberOr((n) => formatWholeMoney(n, currency));
  return {
    money,
    funnel: {
      goalMinor: ['Goal', money],
      closingRatio: ['Closing ratio', ratio],
      meetingToOpportunityRatio: ['Meeting → opportunity', ratio],
      dealsToWin: ['Deals to win', count],
      opportunitiesNeeded: ['Opportunities needed', count],
      firstMeetingsNeeded: ['First meetings needed', count],
    } as Record<string, [string, Format]>,
    overrides: {
      closingRatio: ['Closing ratio', numberOr((n) => ratio(n), 'from history')],
      meetingToOpportunityRatio: [
        'Meeting → opportunity',
        numberOr((n) => ratio(n), 'from history'),
      ],
      averageDealMinor: ['Average won deal', numberOr((n) => money(n), 'from history')],
      salesCycleDays: ['Sales cycle', numberOr((n) => `${n} days`, 'from history')],
      callsPerMeeting: ['Calls per meeting', count],
      lookBackMonths: ['History look-back', numberOr((n) => `${n} months`, '12 months')],
    } as Record<string, [string, Format]>,
  };
}

type Stage = { stage: string; salesMethods?: string; expectedResults?: string };

const stagesOf = (value: unknown): Stage[] =>
  Array.isArray(value) ? value.filter((s): s is Stage => typeof s?.stage === 'string') : [];

/** One line per stage and text that differs between two versions' qualitative parts. */
function qualitativeLines(before: unknown, after: unknown): ChangeLine[] {
  const a = new Map(stagesOf(before).map((s) => [s.stage, s]));
  const b = new Map(stagesOf(after).map((s) => [s.stage, s]));
  const stages = [...new Set([...a.keys(), ...b.keys()])];
  return stages.flatMap((stage) =>
    (
      [
        ['salesMethods', 'sales methods'],
        ['expectedResults', 'expected results'],
      ] as const
    ).map(([field, words]) => ({
      key: `qualitative.${stage}.${field}`,
      section: 'Qualitative part',
      label: `${stage}: ${words}`,
      before: plain(a.get(stage)?.[field]),
      after: plain(b.get(stage)?.[field]),
    })),
  );
}

const countWords = (n: number, noun: string) => `${n} ${n === 1 ? noun : `${noun}s`}`;

const WEEKLY_FIELDS: Record<string, (types: string) => string> = {
  planned: (types) => `${types} a week, planned`,
  fromNorms: (types) => `${types} a week from the norms`,
  fromFunnel: (types) => `${types} a week from the funnel`,
  gap: (types) => `${types} a week, funnel less norms`,
  basis: (types) => `${types} a week: the plan follows`,
  reason: (types) => `${types} a week: reason`,
  perWeek: (types) => `${types} a week, the rep’s own figure`,
};

const basisWords: Format = (value) =>
  typeof value === 'string' && value in BASIS_WORDS
    ? BASIS_WORDS[value as WeeklyPlanLine['basis']]
    : plain(value);

/** A whole weekly line or override, added or removed: "7 (the norms)", "3 (Events in spring)". */
const weeklyWhole: Format = (value) => {
  if (typeof value !== 'object' || value === null) return plain(value);
  const line = value as { planned?: unknown; perWeek?: unknown; basis?: unknown; reason?: unknown };
  const figure = line.planned ?? line.perWeek;
  const why = line.reason ?? (line.basis === undefined ? undefined : basisWords(line.basis));
  return isEmpty(why) ? plain(figure) : `${plain(figure)} (${plain(why)})`;
};

/** A figure of a weekly plan line (`weeklyPlan`), or the rep's own figure for a type (`weeklyPlanOverrides`). */
function weeklyLine(
  change: VersionChange,
  isOverride: boolean,
  types: string,
  field: string | undefined,
): ChangeLine | null {
  const label =
    field === undefined
      ? isOverride
        ? `${types} a week, the rep’s own figure`
        : `${types} a week`
      : WEEKLY_FIELDS[field]?.(types);
  if (label === undefined) return null;
  const format: Format =
    field === undefined
      ? weeklyWhole
      : field === 'basis'
        ? basisWords
        : field === 'reason'
          ? plain
          : numberOr(String, '—');
  return {
    key: change.path,
    section: 'Weekly plan',
    label,
    before: format(change.before),
    after: format(change.after),
  };
}

function accountLine(before: unknown, after: unknown): ChangeLine {
  const names = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  const [a, b] = [names(before), names(after)];
  const added = b.filter((name) => !a.includes(name));
  const removed = a.filter((name) => !b.includes(name));
  const note = [
    added.length > 0 && `added ${added.join(', ')}`,
    removed.length > 0 && `removed ${removed.join(', ')}`,
  ]
    .filter(Boolean)
    .join('; ');
  return {
    key: 'targetAccounts',
    section: 'Target accounts',
    label: 'Target accounts',
    // The names that changed are in the note; the versions' whole lists would fill the page.
    before: countWords(a.length, 'account'),
    after: countWords(b.length, 'account'),
    ...(note ? { note } : {}),
  };
}

/** Readable lines for a comparison, grouped by section; leaves that read the same are left out. */
export function describeVersionChanges(
  changes: readonly VersionChange[],
  {
    currency,
    segmentNames,
    activityTypeLabel = (type) => type.replaceAll('_', ' '),
  }: {
    currency: string;
    segmentNames: ReadonlyMap<string, string>;
    /** The organisation's name of an activity type ('First meeting'). */
    activityTypeLabel?: (type: string) => string;
  },
): ChangeLine[] {
  const formats = formatsFor(currency);
  const line = (change: VersionChange, section: string, label: string, format: Format) => ({
    key: change.path,
    section,
    label,
    before: format(change.before),
    after: format(change.after),
  });
  const lines = changes.flatMap((change): ChangeLine[] => {
    const [head, ...rest] = change.path.split('.');
    const [first, second] = rest;
    if (head === 'targetAccounts') return [accountLine(change.before, change.after)];
    if (head === 'qualitative' && first === 'stages')
      return qualitativeLines(change.before, change.after);
    if (head === 'cadence') return [line(change, 'Plan', 'Check-ins', plain)];
    if (head === 'targets' && first === 'totalMinor')
      return [line(change, 'Targets', 'Total', formats.money)];
    if (head === 'targets' && first === 'segments' && second !== undefined)
      return [
        line(change, 'Targets', segmentNames.get(second) ?? `Segment ${second}`, formats.money),
      ];
    if (head === 'activityPlan' && first !== undefined)
      return [
        line(
          change,
          'Activity plan',
          `${pluralOf(activityTypeLabel(first))} per year`,
          numberOr(String, '0'),
        ),
      ];
    if ((head === 'weeklyPlan' || head === 'weeklyPlanOverrides') && first !== undefined) {
      const weekly = weeklyLine(
        change,
        head === 'weeklyPlanOverrides',
        pluralOf(activityTypeLabel(first)),
        second,
      );
      if (weekly) return [weekly];
    }
    const funnel = first === undefined ? undefined : formats.funnel[first];
    if (head === 'funnel' && funnel) return [line(change, 'Funnel', ...funnel)];
    const override = first === undefined ? undefined : formats.overrides[first];
    if (head === 'funnelInputs' && override) {
      const [name, format] = override;
      if (second === 'reason') return [line(change, 'Funnel overrides', `${name}: reason`, plain)];
      return [line(change, 'Funnel overrides', name, format)];
    }
    return [line(change, 'Other', change.path, plain)];
  });
  return lines
    .filter((l) => l.before !== l.after)
    .sort((a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section));
}
