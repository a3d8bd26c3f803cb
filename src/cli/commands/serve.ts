import type { Command } from 'commander';
import { describeDatabase } from '../database';
import { printSignIns } from './demo';

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description(
      'Run the web app and the API (PORT, HOST, DATABASE_URL, SALESPLAN_DATA_DIR, SALESPLAN_DEMO, SALESPLAN_WEB_DIR)',
    )
    .action(async () => {
      const [{ buildServer }, { prepareFirstRun }, { loadConfig }, { openDatabase }] =
        await Promise.all([
          import('../../http/server'),
          import('../../services/first-run'),
          import('../../config'),
          import('../../db/client'),
        ]);
      const config = loadConfig();
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        purpose: 'salesplan serve',
      });
      await database.migrate();
      const firstRun = await prepareFirstRun(database.db, {
        loadDemo: config.loadDemo,
      });
      const app = await buildServer({
        database,
        sessionDays: config.sessionDays,
        secureCookies: config.secureCookies,
        trustProxy: config.trustProxy,
        logLevel: config.logLevel,
        webDir: config.webDir,
        importMaxFileBytes: config.importMaxFileBytes,
        prettyLogs: process.stdout.isTTY,
      });
      const shutdown = async () => {
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/`;
      const out: string[] = [
        `\nSalesplan is running at ${url}  (database: ${describeDatabase(config)})`,
      ];
      if (firstRun.kind === 'demo') {
        out.push(
          `Demo data loaded in ${firstRun.seconds.toFixed(1)} s.`,
          printSignIns(firstRun.signIns, firstRun.password),
        );
      } else if (firstRun.kind === 'admin') {
        out.push(
          `First run: sign in as ${firstRun.email} with the one-time password ${firstRun.password}`,
        );
        out.push(
          '(shown only now: change it after signing in, or create users with `salesplan user add`).',
        );
      }
      out.push(`API reference: ${url}api/docs\n`);
      process.stdout.write(out.join('\n') + '\n');
    });
}
