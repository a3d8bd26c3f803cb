import { Command, CommanderError } from 'commander';
import { exitCodeFor } from './errors';
import { registerCommands } from './commands';

const program = new Command('salesplan')
  .description('Salesplan: sales action plans for reps, managers and leaders')
  .exitOverride()
  .showHelpAfterError('(run with --help for usage)');

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError && error.exitCode === 0) process.exit(0);
  const { code, message } = exitCodeFor(error);
  if (message) process.stderr.write(`salesplan: ${message}\n`);
  process.exit(code);
}
