import fs from 'node:fs';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/client';

// Commands load the database layer only when they run, so `salesplan --help` stays quick.

/** Opens the configured database (migrated), runs `work`, and always closes it. */
export async function withDatabase<T>(
  purpose: string,
  work: (handle: DatabaseHandle, config: Config) => Promise<T>,
): Promise<T> {
  const [{ loadConfig }, { openDatabase }] = await Promise.all([
    import('../config'),
    import('../db/client'),
  ]);
  const config = loadConfig();
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    purpose,
  });
  try {
    await handle.migrate();
    logStatementsTo(handle, process.env.SALESPLAN_STATEMENT_LOG);
    return await work(handle, config);
  } finally {
    await handle.close();
  }
}

/**
 * With SALESPLAN_STATEMENT_LOG=<file>, every statement the command sends after the migrations is
 * appended to the file as a JSON line `{ sql, params }`: the tests check each for Citus
 * (src/test-setup/cli.ts). Parameters may hold password hashes: a diagnostic for test databases.
 */
function logStatementsTo(handle: DatabaseHandle, file: string | undefined) {
  if (!file) return;
  const asJson = (_key: string, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value;
  handle.onQuery((sql, params) => {
    fs.appendFileSync(file, `${JSON.stringify({ sql, params }, asJson)}\n`);
  });
}

export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PGlite in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
