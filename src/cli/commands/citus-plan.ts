import type { Command } from 'commander';

export function registerCitusPlanCommand(program: Command) {
  program
    .command('citus-plan')
    .description(
      'Print the statements that distribute the schema by organisation on a Citus cluster (docs/SCALING.md)',
    )
    .action(async () => {
      const { citusPlan } = await import('../../db/distribution');
      process.stdout.write(
        [
          '-- Run on the Citus coordinator after `salesplan migrate`, in one session, in this order.',
          '-- Reference tables are copied to every node; distributed tables are sharded by org_id',
          '-- and co-located, so one organisation lives on one node (src/db/distribution.ts).',
          ...citusPlan(),
          '',
        ].join('\n'),
      );
    });
}
