import type { Command } from 'commander';
import { IsoDate } from '../../schemas/common';
import { withDatabase } from '../database';
import { parseOption } from '../options';

export function registerDemoCommand(program: Command) {
  program
    .command('demo')
    .description('Load the demo organisation (deterministic: the same data for the same --today)')
    .option('--today <date>', 'the demo\'s "today", YYYY-MM-DD (default: today)')
    .action(async (options: { today?: string }) => {
      const [{ todayIn }, { DEMO_TIME_ZONE }] = await Promise.all([
        import('../../services/clock'),
        import('../../services/demo/generate'),
      ]);
      const anchorDate = options.today
        ? parseOption('--today', IsoDate, options.today)
        : todayIn(DEMO_TIME_ZONE);
      await withDatabase('salesplan demo', async ({ db }) => {
        const { DEMO_PASSWORD, demoSignIns, loadDemoData } =
          await import('../../services/demo/load');
        const summary = await loadDemoData(db, { anchorDate });
        const counts = Object.entries(summary.counts)
          .map(([table, n]) => `${table} ${n}`)
          .join(', ');
        process.stdout.write(`Demo organisation loaded (${counts}).\n`);
        process.stdout.write(printSignIns(demoSignIns, DEMO_PASSWORD));
      });
    });
}

export function printSignIns(
  signIns: readonly { email: string; role: string }[],
  password: string,
): string {
  const lines = signIns.map((s) => `  ${s.email.padEnd(32)} ${s.role}`);
  return `Sign in with any of these (password: ${password}):\n${lines.join('\n')}\n`;
}
