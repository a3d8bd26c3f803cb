import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres, pgliteExtensions, wrapPglite } from '../db/client';

// Runs once per `vitest run`: migrates one PGlite database and dumps it to a file, and (when
// TEST_DATABASE_URL is set) migrates one template database on the PostgreSQL server. Each test
// then starts from a copy instead of paying initdb + migrations itself.

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresTemplate: { url: string; name: string } | null;
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-test-'));
  const pgliteTemplatePath = path.join(dir, 'template.tar.gz');
  const client = await PGlite.create({ extensions: pgliteExtensions });
  const handle = wrapPglite(client);
  await handle.migrate();
  const dump = await client.dumpDataDir('gzip');
  fs.writeFileSync(pgliteTemplatePath, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteTemplatePath', pgliteTemplatePath);

  const url = process.env.TEST_DATABASE_URL;
  let templateName: string | null = null;
  if (url) {
    templateName = `salesplan_template_${process.pid}`;
    await adminQuery(url, `create database ${templateName}`);
    const template = openPostgres(withDatabase(url, templateName));
    await template.migrate();
    await template.close();
    project.provide('postgresTemplate', { url, name: templateName });
  } else {
    project.provide('postgresTemplate', null);
  }

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (url && templateName) await adminQuery(url, `drop database if exists ${templateName}`);
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
