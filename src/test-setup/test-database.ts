import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { type DatabaseHandle, openPostgres, pgliteExtensions, wrapPglite } from '../db/client';
import { adminQuery, withDatabase } from './database-templates';
import { logStatement } from './query-log';

export type Engine = 'pglite' | 'postgres';

/** The engines DB tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): Engine[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh, migrated database of its own for one test file or test. */
export async function createTestDatabase(engine: Engine): Promise<DatabaseHandle> {
  if (engine === 'pglite') {
    const dump = fs.readFileSync(inject('pgliteTemplatePath'));
    const client = await PGlite.create({
      loadDataDir: new Blob([dump]),
      extensions: pgliteExtensions,
    });
    return logged(wrapPglite(client));
  }
  const template = inject('postgresTemplate');
  if (!template) throw new Error('TEST_DATABASE_URL is not set');
  const name = `salesplan_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(template.url, `create database ${name} template ${template.name}`);
  const handle = logged(openPostgres(withDatabase(template.url, name)));
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(template.url, `drop database if exists ${name}`);
    },
  };
}

/** Every statement of a test database goes to the query log (src/test-setup/query-log.ts). */
function logged(handle: DatabaseHandle): DatabaseHandle {
  handle.onQuery(logStatement);
  return handle;
}
