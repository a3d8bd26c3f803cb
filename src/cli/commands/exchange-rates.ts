import fs from 'node:fs';
import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors';
import { withDatabase } from '../database';

/** Reads the rate table file; a missing or unreadable file names the argument. */
function readTable(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ValidationError({ field: '<file.csv>', reason: `cannot be read: ${reason}` });
  }
}

export function registerExchangeRatesCommand(program: Command) {
  const rates = program
    .command('exchange-rates')
    .description("The organisation's exchange rates per currency and month");
  rates
    .command('import')
    .description('Import a rate table (CSV: currency,month,rate); every row or none')
    .argument('<file.csv>', 'rate table, e.g. USD,2026-03,0.92 (organisation currency per unit)')
    .option('--org <slug>', 'organisation slug (default: the only organisation)')
    .action(async (file: string, options: { org?: string }) => {
      const csv = readTable(file);
      const result = await withDatabase('salesplan exchange-rates import', async ({ db }) => {
        const [{ findOrganisation }, { importRateTable }] = await Promise.all([
          import('../../db/queries/organisations'),
          import('../../services/exchange-rates'),
        ]);
        const organisation = await findOrganisation(db, options.org);
        const counts = await importRateTable(db, { orgId: organisation.id, userId: null }, csv);
        return { ...counts, organisation };
      });
      process.stdout.write(
        `Imported into ${result.organisation.slug}: ${result.created} rates added, ${result.updated} replaced\n`,
      );
    });
}
