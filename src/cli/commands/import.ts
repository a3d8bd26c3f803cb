import fs from 'node:fs';
import type { Command } from 'commander';
import type { z } from 'zod';
import { ValidationError } from '../../domain/errors';
import {
  DateOrder,
  ImportPreset,
  type ImportReport,
  MappingFile,
  StageMap,
  importPresets,
} from '../../schemas/import';
import { Currency } from '../../schemas/common';
import { withDatabase } from '../database';
import { parseOption } from '../options';

type ImportCommandOptions = {
  org?: string;
  dryRun?: boolean;
  skipBadRows?: boolean;
  stageMap?: string;
  mapping?: string;
  dateOrder?: string;
  decimalComma?: boolean;
  currency?: string;
  json?: boolean;
};

const PROBLEMS_SHOWN = 50;

function readJsonFile<T extends z.ZodType>(flag: string, schema: T, file: string): z.output<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ValidationError({
      field: flag,
      reason: `cannot read ${file}: ${(error as Error).message}`,
    });
  }
  return parseOption(flag, schema, parsed);
}

const number = (n: number) => n.toLocaleString('en-US');

/** The summary a person reads: counts per entity, stages, the quirks handled, the problems. */
export function formatImportReport(report: ImportReport): string {
  const lines: string[] = [];
  const verb = {
    imported: 'Imported',
    dry_run: 'Dry run (nothing saved)',
    rejected: 'Rejected (nothing saved)',
  }[report.status];
  lines.push(
    `${verb}: ${report.preset} into ${report.organisation.slug}${report.organisation.isNew ? ' (new organisation)' : ''}`,
  );
  lines.push(
    '',
    `  ${'entity'.padEnd(14)}${['read', 'inserted', 'updated', 'unchanged', 'rejected'].map((h) => h.padStart(10)).join('')}`,
  );
  for (const [entity, c] of Object.entries(report.counts)) {
    if (!c) continue;
    const cells = [c.read, c.inserted, c.updated, c.unchanged, c.rejected].map((n) =>
      number(n).padStart(10),
    );
    lines.push(`  ${entity.padEnd(14)}${cells.join('')}`);
  }
  lines.push(
    '',
    `  opportunities by stage: ${report.opportunitiesByStage.map((s) => `${s.stage} ${number(s.count)}`).join(', ')}`,
  );
  if (report.notes.length > 0) {
    lines.push('', '  Handled in the data:');
    for (const note of report.notes)
      lines.push(`    ${number(note.count).padStart(6)} × ${note.message}`);
  }
  if (report.problems.length > 0) {
    lines.push('', `  Rejected rows (${number(report.problems.length)} problems):`);
    for (const p of report.problems.slice(0, PROBLEMS_SHOWN)) {
      lines.push(`    ${p.file}:${p.line} ${p.column ? `[${p.column}] ` : ''}${p.reason}`);
    }
    if (report.problems.length > PROBLEMS_SHOWN) {
      lines.push(
        `    … ${number(report.problems.length - PROBLEMS_SHOWN)} more (--json lists them all)`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export function registerImportCommand(program: Command) {
  program
    .command('import')
    .description('Import CSV files from a CRM (one transaction: all of it or nothing)')
    .argument('<preset>', `one of ${importPresets.join(', ')}`)
    .argument('<path>', 'the folder of CSV files, or the exported CSV file')
    .option('--org <slug>', 'organisation to import into (created when missing)')
    .option('--dry-run', 'check and count everything, save nothing')
    .option('--skip-bad-rows', 'import the good rows even when some are rejected')
    .option(
      '--stage-map <file>',
      'JSON {"their stage": "our stage"} for stage names we do not have',
    )
    .option('--mapping <file>', 'JSON column mapping (the generic preset; docs/IMPORT.md)')
    .option('--date-order <order>', 'dmy or mdy: how 03/04/2026 is read')
    .option('--decimal-comma', 'numbers are written 1.234,56')
    .option('--currency <code>', 'currency of an organisation the import creates')
    .option('--json', 'print the report as JSON')
    .action(async (presetName: string, target: string, options: ImportCommandOptions) => {
      const preset = parseOption('<preset>', ImportPreset, presetName);
      if (!fs.existsSync(target))
        throw new ValidationError({ field: '<path>', reason: `no such file or folder: ${target}` });
      const mapping = options.mapping
        ? readJsonFile('--mapping', MappingFile, options.mapping)
        : undefined;
      const stageMap = options.stageMap
        ? readJsonFile('--stage-map', StageMap, options.stageMap)
        : {};
      const dateOrder = options.dateOrder
        ? parseOption('--date-order', DateOrder, options.dateOrder)
        : undefined;
      const currency = options.currency
        ? parseOption('--currency', Currency, options.currency)
        : undefined;
      const report = await withDatabase('salesplan import', async ({ db }) => {
        const { importFiles } = await import('../../services/import');
        return importFiles(db, {
          preset,
          path: target,
          mapping,
          stageMap,
          format: {
            ...(dateOrder ? { dateOrder } : {}),
            ...(options.decimalComma ? { decimalSeparator: ',' } : {}),
          },
          orgSlug: options.org,
          currency,
          dryRun: options.dryRun ?? false,
          skipBadRows: options.skipBadRows ?? false,
          // Progress goes to stderr, so stdout holds only the report.
          onProgress: (entity, written) =>
            process.stderr.write(`… ${entity}: ${number(written)} rows written\n`),
        });
      });
      process.stdout.write(
        options.json ? `${JSON.stringify(report, null, 2)}\n` : formatImportReport(report),
      );
      if (report.status === 'rejected') {
        throw new ValidationError({
          field: '<path>',
          reason: `${number(report.problems.length)} problems: nothing imported (fix them, or --skip-bad-rows to import the rest)`,
        });
      }
    });
}
