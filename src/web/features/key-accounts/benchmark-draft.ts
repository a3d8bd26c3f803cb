import type { BenchmarkSource } from '../../../domain/key-accounts-plan';
import type { KeyAccountPlanInput, KeyAccountPlanView } from '../../../schemas/key-accounts-plans';
import { minorToInputText, parseMoneyInput } from '../../components/money';
import { isMoneySource } from './key-account-labels';

// A benchmark's figures as the owner types them: money (won revenue, open pipeline) in whole
// units of the organisation's currency, other figures as plain numbers. The API keeps money in
// minor units, so the text becomes minor units here, and only here.

export type BenchmarkDraft = {
  id: string;
  metric: string;
  source: BenchmarkSource | null;
  baseline: string;
  target: string;
  dueOn: string | null;
  actual: string;
};

type BenchmarkInput = KeyAccountPlanInput['benchmarks'][number];
const FIGURES = ['baseline', 'target', 'actual'] as const;

const textOf = (value: number | null, source: BenchmarkSource | null, currency: string) =>
  value === null ? '' : isMoneySource(source) ? minorToInputText(value, currency) : String(value);

export function benchmarkDraftOf(
  benchmark: KeyAccountPlanView['benchmarks'][number],
  currency: string,
): BenchmarkDraft {
  const { source } = benchmark;
  return {
    id: benchmark.id,
    metric: benchmark.metric,
    source,
    baseline: textOf(benchmark.baseline, source, currency),
    target: textOf(benchmark.target, source, currency),
    dueOn: benchmark.dueOn,
    // A computed benchmark's actual comes from the data; the form has none to edit.
    actual: source === null ? textOf(benchmark.actual, source, currency) : '',
  };
}

type Parsed = { ok: true; value: number | null } | { ok: false; reason: string };

function parseFigure(text: string, source: BenchmarkSource | null, currency: string): Parsed {
  if (isMoneySource(source)) {
    const money = parseMoneyInput(text, currency);
    return money.ok ? { ok: true, value: money.amountMinor } : money;
  }
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'enter a number' };
}

/**
 * The draft as the API's benchmark. Text that is not a figure goes through as NaN, which the
 * shared schema refuses; `benchmarkDraftErrors` says why in the form's words.
 */
export function benchmarkInputOf(draft: BenchmarkDraft, currency: string): BenchmarkInput {
  const figure = (text: string) => {
    const parsed = parseFigure(text, draft.source, currency);
    return parsed.ok ? parsed.value : Number.NaN;
  };
  return {
    id: draft.id,
    metric: draft.metric,
    source: draft.source,
    baseline: figure(draft.baseline),
    // A target left blank is 0, as a new benchmark starts.
    target: figure(draft.target) ?? 0,
    dueOn: draft.dueOn,
    actual: draft.source === null ? figure(draft.actual) : null,
  };
}

/** Every figure that is not one, keyed by the form's path (`benchmarks.0.target`). */
export function benchmarkDraftErrors(
  drafts: readonly BenchmarkDraft[],
  currency: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  drafts.forEach((draft, index) => {
    for (const figure of FIGURES) {
      if (figure === 'actual' && draft.source !== null) continue;
      const parsed = parseFigure(draft[figure], draft.source, currency);
      if (!parsed.ok) errors[`benchmarks.${index}.${figure}`] = `Not a figure: ${parsed.reason}`;
    }
  });
  return errors;
}
