import type { Command } from 'commander';
import { describeDatabase, withDatabase } from '../database';

// `salesplan export-org` and `import-org`: one organisation to a file and back, also from the
// embedded database to PostgreSQL and back (README, src/services/organisation-backup.ts).

export function registerOrganisationBackupCommands(program: Command) {
  program
    .command('export-org')
    .description(
      'Write one organisation (users with password hashes, records, plans, history, audit log; no sessions or tokens) to FILE',
    )
    .argument('<file>', 'the file to write (NDJSON)')
    .option('--org <slug>', 'organisation (default: the only one)')
    .action(async (file: string, options: { org?: string }) => {
      await withDatabase('salesplan export-org', async ({ db }) => {
        const { exportOrganisation } = await import('../../services/organisation-backup');
        const summary = await exportOrganisation(db, options.org, file, new Date());
        process.stdout.write(
          `Exported ${summary.organisation}: ${summary.rows} rows of ${summary.tables} tables to ${file}\n`,
        );
      });
    });
  program
    .command('import-org')
    .description(
      'Load an organisation written by export-org into this database (all or nothing; refused when it is already here)',
    )
    .argument('<file>', 'a file written by `salesplan export-org`')
    .action(async (file: string) => {
      await withDatabase('salesplan import-org', async ({ db }, config) => {
        const { importOrganisation } = await import('../../services/organisation-backup');
        const summary = await importOrganisation(db, file);
        process.stdout.write(
          `Imported ${summary.organisation}: ${summary.rows} rows of ${summary.tables} tables into ${describeDatabase(config)}\n`,
        );
      });
    });
}
