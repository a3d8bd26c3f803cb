import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, type Executor, queryRows } from '../db/client';
import { schemaTables } from '../db/distribution';
import { type BackupTable, backupTables } from '../db/queries/organisation-backup';
import { ConflictError, ValidationError } from '../domain/errors';
import { createTestDatabase, testEngines } from '../test-setup/test-database';
import { createApiToken, signIn } from './auth';
import { replaceCalendarFeed } from './calendar-feed';
import { DEMO_PASSWORD, loadDemoData } from './demo/load';
import { createOrganisation } from './organisations';
import {
  BACKUP_EXCLUSIONS,
  backupPlan,
  exportOrganisation,
  importOrganisation,
} from './organisation-backup';

describe('the tables of a backup', () => {
  it('holds every table of the schema or names why it leaves it out, each after what it references', () => {
    const plan = backupPlan().map((table) => table.name);
    const excluded = Object.keys(BACKUP_EXCLUSIONS);
    expect([...plan, ...excluded].sort()).toEqual(schemaTables().map((table) => table.name));
    expect(plan.filter((name) => excluded.includes(name))).toEqual([]);
    for (const table of schemaTables()) {
      if (!plan.includes(table.name)) continue;
      for (const referenced of table.references.filter((name) => plan.includes(name)))
        expect(plan.indexOf(referenced), `${table.name} after ${referenced}`).toBeLessThan(
          plan.indexOf(table.name),
        );
    }
  });

  it('refuses to run when a shared table is neither in the backup nor excluded from it', () => {
    const shared: BackupTable = {
      name: 'organisation_settings_everywhere',
      columns: [{ name: 'id', sqlType: 'uuid' }],
      key: [{ name: 'id', sqlType: 'uuid' }],
      orgColumn: 'id',
      selfReferences: [],
      references: [],
    };
    expect(() => backupPlan([...backupTables(), shared])).toThrow(
      'tables neither in the backup nor excluded from it: organisation_settings_everywhere',
    );
  });
});

/** The organisation's rows of one table as PostgreSQL's JSON of each row, in key order. */
async function rowsOf(db: Executor, table: BackupTable, orgId: string): Promise<string[]> {
  const ident = (name: string) => sql.identifier(name);
  const order = sql.join(
    table.key.map((c) => sql`t.${ident(c.name)}`),
    sql`, `,
  );
  return db.transaction(async (tx) => {
    // Timestamps print in the session's zone: the same zone on both engines.
    await tx.execute(sql`set local time zone 'UTC'`);
    const rows = await queryRows<{ row: string }>(
      tx,
      sql`select to_jsonb(t)::text as "row" from ${ident(table.name)} t
          where t.${ident(table.orgColumn)} = ${orgId} order by ${order}`,
    );
    return rows.map((r) => r.row);
  });
}

async function everyTable(db: Executor, orgId: string) {
  const result: Record<string, string[]> = {};
  for (const table of backupTables()) result[table.name] = await rowsOf(db, table, orgId);
  return result;
}

const [, otherEngine = 'pglite'] = testEngines();

describe(`an organisation moved from PGlite to ${otherEngine} and back`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-backup-'));
  const file = path.join(dir, 'demo.ndjson');
  const now = new Date('2026-11-25T10:00:00Z');
  let source: DatabaseHandle;
  let target: DatabaseHandle;
  let orgId: string;
  let otherOrgId: string;
  let before: Record<string, string[]>;

  beforeAll(async () => {
    [source, target] = await Promise.all([
      createTestDatabase('pglite'),
      createTestDatabase(otherEngine),
    ]);
    const demo = await loadDemoData(source.db, { anchorDate: '2026-11-25' });
    orgId = demo.organisationId;
    // Secrets the backup must leave behind, and a second organisation it must not take along.
    const { actor } = await signIn(
      source.db,
      { email: 'admin@demo.salesplan.test', password: DEMO_PASSWORD },
      { sessionDays: 30, now },
    );
    await createApiToken(source.db, actor, { name: 'CRM sync' }, now);
    await replaceCalendarFeed(source.db, actor);
    otherOrgId = (await createOrganisation(source.db, { slug: 'other', name: 'Other Ltd' })).id;
    before = await everyTable(source.db, orgId);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([source.close(), target.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // A demo organisation (60,000 rows) each way: minutes on a busy two-core machine.
  const slow = { timeout: 300_000 };

  it(
    'arrives with every table equal row by row, and without sessions, tokens or feeds',
    slow,
    async () => {
      const exported = await exportOrganisation(source.db, 'demo', file, now);
      const imported = await importOrganisation(target.db, file);
      expect(imported).toEqual(exported);
      const after = await everyTable(target.db, orgId);
      for (const name of ['sessions', 'api_tokens', 'calendar_feeds', 'token_directory']) {
        expect(before[name]?.length, `${name} in the source`).toBeGreaterThan(0);
        expect(after[name], name).toEqual([]);
      }
      for (const table of backupPlan())
        expect(after[table.name], table.name).toEqual(before[table.name]);
      // Rebuilt from the users on import.
      expect(after.email_directory).toEqual(before.email_directory);
      expect(before.opportunities?.length).toBeGreaterThan(1000);
      const others = await queryRows<{ slug: string }>(
        target.db,
        sql`select slug from organisations`,
      );
      expect(others).toEqual([{ slug: 'demo' }]);
    },
  );

  it('refuses a second import of the same file and changes nothing', slow, async () => {
    const counts = async () => (await everyTable(target.db, orgId)).opportunities?.length;
    const opportunities = await counts();
    await expect(importOrganisation(target.db, file)).rejects.toThrow(
      new ConflictError(
        `Organisation demo (${orgId}) is already in this database: nothing was imported`,
      ),
    );
    expect(await counts()).toBe(opportunities);
  });

  it(
    `goes back from ${otherEngine} to a fresh PGlite equal to where it started`,
    slow,
    async () => {
      const back = path.join(dir, 'back.ndjson');
      await exportOrganisation(target.db, 'demo', back, now);
      const fresh = await createTestDatabase('pglite');
      try {
        await importOrganisation(fresh.db, back);
        const after = await everyTable(fresh.db, orgId);
        for (const table of backupPlan())
          expect(after[table.name], table.name).toEqual(before[table.name]);
      } finally {
        await fresh.close();
      }
    },
  );

  // A small organisation's file: what is refused does not depend on the file's size.
  describe('a damaged file', () => {
    const small = path.join(dir, 'other.ndjson');
    let fresh: DatabaseHandle;
    beforeAll(async () => {
      fresh = await createTestDatabase(otherEngine);
      await exportOrganisation(source.db, 'other', small, now);
    });
    afterAll(() => fresh.close());

    const damaged = (name: string, change: (lines: string[]) => string[]) => {
      const lines = fs.readFileSync(small, 'utf8').split('\n');
      const written = path.join(dir, name);
      fs.writeFileSync(written, change(lines).join('\n'));
      return written;
    };
    const nothingWritten = async () => {
      // The directory too: it is rebuilt last, inside the same transaction.
      for (const table of backupTables())
        expect(await rowsOf(fresh.db, table, otherOrgId), table.name).toEqual([]);
    };

    it(
      'cut in the middle of a line is refused, naming the line, and leaves nothing',
      slow,
      async () => {
        const lines = fs.readFileSync(small, 'utf8').split('\n');
        // A line past the middle long enough that its first 40 characters are not JSON.
        const middle = lines.findIndex(
          (line, index) => index >= lines.length / 2 && line.length > 80,
        );
        const cut = damaged('cut.ndjson', (all) => [
          ...all.slice(0, middle),
          (all[middle] ?? '').slice(0, 40),
        ]);
        const error = await importOrganisation(fresh.db, cut).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues).toEqual([
          {
            field: `${cut} line ${middle + 1}`,
            reason: 'is not JSON (is the file cut short or damaged?)',
          },
        ]);
        await nothingWritten();
      },
    );

    it(
      'cut at the end of a line (no end line) is refused as cut short, and leaves nothing',
      slow,
      async () => {
        const cut = damaged('no-end.ndjson', (all) => all.slice(0, -2));
        await expect(importOrganisation(fresh.db, cut)).rejects.toThrow(
          /is the last, and it is not the end line: the file is cut short/,
        );
        await nothingWritten();
      },
    );

    it(
      'with a row that does not fit its table is refused, naming the table, and leaves nothing',
      slow,
      async () => {
        const broken = damaged('broken-row.ndjson', (all) => {
          const last = all.findLastIndex((line) => /"org_id": "[^"]+"/.test(line));
          return all.map((line, index) =>
            index === last ? line.replace(/"org_id": "[^"]+"/, '"org_id": "not-a-uuid"') : line,
          );
        });
        await expect(importOrganisation(fresh.db, broken)).rejects.toThrow(ValidationError);
        await nothingWritten();
      },
    );
  });
});
