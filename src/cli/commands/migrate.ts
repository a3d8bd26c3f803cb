import type { Command } from 'commander';
import { describeDatabase, withDatabase } from '../database';

export function registerMigrateCommand(program: Command) {
  program
    .command('migrate')
    .description('Apply the database migrations that have not run yet (serve does this too)')
    .action(async () => {
      await withDatabase('salesplan migrate', async (_handle, config) => {
        process.stdout.write(`Migrations applied: ${describeDatabase(config)} is up to date.\n`);
      });
    });
}
