import type { Command } from 'commander';
import { registerCascadeCommand } from './cascade';
import { registerCitusPlanCommand } from './citus-plan';
import { registerDemoCommand } from './demo';
import { registerExchangeRatesCommand } from './exchange-rates';
import { registerFunnelCommand } from './funnel';
import { registerImportCommand } from './import';
import { registerReportCommand } from './report';
import { registerMigrateCommand } from './migrate';
import { registerOrganisationBackupCommands } from './organisation-backup';
import { registerSeasonalityCommand } from './seasonality';
import { registerServeCommand } from './serve';
import { registerUserCommand } from './user';

// Each command file exports one register function; this list is the CLI's table of contents.
export function registerCommands(program: Command): void {
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerUserCommand(program);
  registerDemoCommand(program);
  registerFunnelCommand(program);
  registerSeasonalityCommand(program);
  registerCascadeCommand(program);
  registerImportCommand(program);
  registerReportCommand(program);
  registerExchangeRatesCommand(program);
  registerCitusPlanCommand(program);
  registerOrganisationBackupCommands(program);
}
