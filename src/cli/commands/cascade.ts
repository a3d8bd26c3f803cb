import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors';
import { minorToMajor } from '../../domain/money';
import { currencyFractionDigits } from '../../domain/money-format';
import { splitTargetBySegmentMix } from '../../domain/strategy-cascade';
import type { CascadeResult } from '../../domain/strategy-cascade';
import { cascadeInputFromFile, parseCascadeFile } from '../../schemas/strategy-cascade';

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ValidationError({ field: '--input', reason: `cannot read ${path}` });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ValidationError({
      field: '--input',
      reason: `${path} is not valid JSON (${(error as Error).message})`,
    });
  }
}

function cascadeTable(result: CascadeResult, fractionDigits: number): string {
  const money = (amountMinor: number) => minorToMajor(amountMinor, fractionDigits);
  const columns = result.segments.map((segment) => segment.segmentId);
  const cell = (text: string) => text.padStart(16);
  const lines = [
    `${'rep'.padEnd(16)}${columns.map(cell).join('')}${cell('total')}`,
    ...result.reps.map(
      (rep) =>
        `${rep.repId.padEnd(16)}${rep.segments.map((s) => cell(money(s.targetMinor))).join('')}${cell(money(rep.targetMinor))}`,
    ),
    `${'segment'.padEnd(16)}${result.segments.map((s) => cell(money(s.targetMinor))).join('')}${cell(money(result.targetMinor))}`,
  ];
  if (result.uncoveredSegments.length > 0)
    lines.push(`Segments no rep holds: ${result.uncoveredSegments.join(', ')}`);
  if (result.unassignedMinor > 0)
    lines.push(`Target no rep carries: ${money(result.unassignedMinor)}`);
  return `${lines.join('\n')}\n`;
}

export function registerCascadeCommand(program: Command): void {
  program
    .command('cascade')
    .description(
      'Cascade an organisation target by segment mix and organisation model to rep targets',
    )
    .option(
      '--input <file.json>',
      'JSON with target, mix, model and reps (see docs/domain-rules.md)',
    )
    .option('--json', 'print JSON instead of a table')
    .action((options: { input?: string; json?: boolean }) => {
      if (options.input === undefined)
        throw new ValidationError({ field: '--input', reason: 'is required' });
      const file = parseCascadeFile(readJson(options.input));
      const result = splitTargetBySegmentMix(cascadeInputFromFile(file));
      const digits = currencyFractionDigits(file.currency ?? 'EUR');
      process.stdout.write(
        options.json ? `${JSON.stringify(result, null, 2)}\n` : cascadeTable(result, digits),
      );
    });
}
