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
    return await work(handle, config);
  } finally {
    await handle.close();
  }
}

export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PGlite in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
