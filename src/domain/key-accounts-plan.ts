import { addDays, addMonths } from './calendar';
import type { Finding } from './findings';
import { KEY_ACCOUNT_OBJECTIVE_TERMS, type KEY_ACCOUNT_STEP_STATUSES } from './key-accounts';
import type { CheckInCadence } from './rep-plan-states';
import { formatDay } from './day-format';

// A key-account plan (DOMAIN.md, "Key accounts"): relationships, short- and long-term objectives,
// the action sequence, benchmarks and the commitment. Benchmarks whose actual the app can compute
// from the data name their source; any other benchmark's actual is entered.

export const BENCHMARK_SOURCES = [
  'won_revenue',
  'open_pipeline',
  'meetings_held',
  'contacts_engaged',
] as const;
export type BenchmarkSource = (typeof BENCHMARK_SOURCES)[number];

/** The activity types that count as meetings held with the account. */
export const MEETING_ACTIVITY_TYPES = ['first_meeting', 'meeting'] as const;

/** A short-term objective is due within one quarter of today. */
export const SHORT_TERM_DAYS = 92;

export type KeyAccountObjective = {
  id: string;
  term: (typeof KEY_ACCOUNT_OBJECTIVE_TERMS)[number];
  description: string;
  dueOn: string | null;
};
export type KeyAccountRelationship = {
  id: string;
  contactName: string;
  currentStrength: number;
  targetStrength: number;
};
export type KeyAccountStep = {
  id: string;
  position: number;
  what: string;
  ownerId: string | null;
  dueOn: string | null;
  status: (typeof KEY_ACCOUNT_STEP_STATUSES)[number];
  objectiveId: string | null;
  relationshipId: string | null;
};
export type KeyAccountBenchmark = {
  id: string;
  metric: string;
  baseline: number | null;
  target: number;
  dueOn: string | null;
  actual: number | null;
};

export const BENCHMARK_STATUSES = ['met', 'on_track', 'off_track', 'no_actual', 'no_date'] as const;
export type BenchmarkStatus = (typeof BENCHMARK_STATUSES)[number];

/**
 * Where a benchmark stands on `today`: met once the actual reaches the target; otherwise off
 * track when it is behind a straight line from the baseline on `from` to the target on its date
 * (past the date, behind the target itself). Without a date there is no line to be on or off:
 * until met it is not judged (`no_date`), whatever the actual.
 */
export function benchmarkStatus(
  benchmark: Pick<KeyAccountBenchmark, 'baseline' | 'target' | 'dueOn' | 'actual'>,
  from: string,
  today: string,
): BenchmarkStatus {
  const { actual, target, dueOn } = benchmark;
  if (actual === null) return 'no_actual';
  const baseline = benchmark.baseline ?? 0;
  // A target below the baseline (fewer days to close, lower cost) is met from above.
  const direction = target >= baseline ? 1 : -1;
  if (direction * (actual - target) >= 0) return 'met';
  if (dueOn === null) return 'no_date';
  const span = daysBetween(from, dueOn);
  const elapsed = Math.min(Math.max(daysBetween(from, today), 0), Math.max(span, 0));
  const expected = span <= 0 ? target : baseline + ((target - baseline) * elapsed) / span;
  return direction * (actual - expected) < 0 ? 'off_track' : 'on_track';
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The next review of a plan with this cadence: a month or a quarter after the last one (or its start). */
export function nextReviewDue(
  cadence: CheckInCadence,
  lastReviewOn: string | null,
  startedOn: string,
): string {
  return addMonths(lastReviewOn ?? startedOn, cadence === 'monthly' ? 1 : 3);
}

export type KeyAccountPlanParts = {
  objectives: readonly KeyAccountObjective[];
  relationships: readonly KeyAccountRelationship[];
  steps: readonly KeyAccountStep[];
  benchmarks: readonly KeyAccountBenchmark[];
  commitment: string;
};

const finding = (
  code: string,
  severity: Finding['severity'],
  message: string,
  field?: string,
): Finding => ({ code, severity, message, ...(field === undefined ? {} : { field }) });

/**
 * Checks in the deal plan's spirit: an objective without steps, a step without owner or date, a
 * key person with no step aimed at them, a benchmark off track, a short-term objective due beyond
 * a quarter, an open step past its date, and a plan without objectives or commitment.
 */
export function checkKeyAccountPlan(
  plan: KeyAccountPlanParts,
  { today, from }: { today: string; from: string },
): Finding[] {
  const findings: Finding[] = [];
  const live = plan.steps.filter((s) => s.status !== 'cancelled');
  if (plan.objectives.length === 0)
    findings.push(
      finding(
        'no_objectives',
        'warning',
        'Set at least one short-term and one long-term objective',
      ),
    );
  for (const term of KEY_ACCOUNT_OBJECTIVE_TERMS)
    if (plan.objectives.length > 0 && !plan.objectives.some((o) => o.term === term))
      findings.push(
        finding(`no_${term}_term_objective`, 'info', `The plan has no ${term}-term objective`),
      );
  for (const objective of plan.objectives) {
    const field = `objectives.${objective.id}`;
    if (!live.some((s) => s.objectiveId === objective.id))
      findings.push(
        finding(
          'objective_without_steps',
          'warning',
          `No step serves the objective "${objective.description}"`,
          field,
        ),
      );
    if (
      objective.term === 'short' &&
      objective.dueOn !== null &&
      objective.dueOn > addDays(today, SHORT_TERM_DAYS)
    )
      findings.push(
        finding(
          'short_term_beyond_quarter',
          'warning',
          `"${objective.description}" is short-term but due after one quarter (${formatDay(objective.dueOn, 'en')})`,
          field,
        ),
      );
  }
  for (const step of plan.steps.filter((s) => s.status === 'open')) {
    const field = `steps.${step.id}`;
    const missing = [
      step.ownerId === null ? 'an owner' : null,
      step.dueOn === null ? 'a due date' : null,
    ]
      .filter((part) => part !== null)
      .join(' and ');
    if (missing !== '')
      findings.push(
        finding(
          'step_without_owner_or_date',
          'warning',
          `Step ${step.position} "${step.what}" needs ${missing}`,
          field,
        ),
      );
    if (step.dueOn !== null && step.dueOn < today)
      findings.push(
        finding(
          'step_overdue',
          'warning',
          `Step ${step.position} "${step.what}" was due on ${formatDay(step.dueOn, 'en')}`,
          field,
        ),
      );
  }
  for (const person of plan.relationships) {
    if (!live.some((s) => s.relationshipId === person.id))
      findings.push(
        finding(
          'key_person_without_step',
          'warning',
          `No step is aimed at ${person.contactName} (strength ${person.currentStrength} → ${person.targetStrength})`,
          `relationships.${person.id}`,
        ),
      );
  }
  for (const benchmark of plan.benchmarks)
    if (benchmarkStatus(benchmark, from, today) === 'off_track')
      findings.push(
        finding(
          'benchmark_off_track',
          'error',
          `${benchmark.metric} is off track: ${benchmark.actual} against ${benchmark.target} by ${formatDay(benchmark.dueOn, 'en')}`,
          `benchmarks.${benchmark.id}`,
        ),
      );
  if (plan.commitment.trim() === '')
    findings.push(finding('no_commitment', 'info', 'Write the commitment the rep signs'));
  return findings;
}
