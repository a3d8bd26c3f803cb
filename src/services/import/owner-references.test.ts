import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../db/client';
import type { MappingFile } from '../../schemas/import';
import { createTestDatabase, testEngines } from '../../test-setup/test-database';
import { importFiles } from '.';

// CRM exports name owners and managers by email (or name), not by the CRM's user id.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-import-owners-'));
fs.writeFileSync(
  path.join(folder, 'people.csv'),
  [
    'Id,Name,Email,Role,Manager',
    'u1,Ann Boss,ann@acme.example,manager,',
    'u2,Bob Rep,bob@acme.example,rep,ANN@acme.example',
    'u3,Cy Rep,cy@acme.example,rep,Ann Boss',
  ].join('\n'),
);
fs.writeFileSync(
  path.join(folder, 'deals.csv'),
  [
    'Id,Owner,Stage,Created',
    'd1,Bob@Acme.example,Proposal,2026-01-05',
    'd2,cy rep,Proposal,2026-01-05',
    'd3,u2,Proposal,2026-01-05',
    'd4,nobody@acme.example,Proposal,2026-01-05',
  ].join('\n'),
);
const mapping: MappingFile = {
  entities: {
    users: {
      file: 'people.csv',
      columns: {
        externalId: 'Id',
        name: 'Name',
        email: 'Email',
        role: 'Role',
        managerExternalId: 'Manager',
      },
    },
    opportunities: {
      file: 'deals.csv',
      columns: {
        externalId: 'Id',
        name: 'Id',
        ownerExternalId: 'Owner',
        stage: 'Stage',
        createdOn: 'Created',
      },
    },
  },
};

describe.each(testEngines())('import naming owners by email or name (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database.close());

  it('matches owners and managers by id, email or name in any case, and reports one that matches none', async () => {
    const options = { preset: 'generic', path: folder, mapping, orgSlug: 'acme' } as const;
    const refused = await importFiles(database.db, options);
    expect(refused.problems).toEqual([
      {
        file: 'deals.csv',
        line: 5,
        column: 'Owner',
        reason: 'no user with the id, email or name "nobody@acme.example"',
      },
    ]);
    const report = await importFiles(database.db, { ...options, skipBadRows: true });
    expect(report.status).toBe('imported');
    const owners = await queryRows<{ deal: string; owner: string }>(
      database.db,
      sql`select o.external_id as deal, u.external_id as owner from opportunities o
          join users u on u.org_id = o.org_id and u.id = o.owner_id order by 1`,
    );
    expect(owners).toEqual([
      { deal: 'd1', owner: 'u2' },
      { deal: 'd2', owner: 'u3' },
      { deal: 'd3', owner: 'u2' },
    ]);
    const managers = await queryRows<{ person: string; manager: string | null }>(
      database.db,
      sql`select u.external_id as person, m.external_id as manager from users u
          left join users m on m.org_id = u.org_id and m.id = u.manager_id
          where u.external_id is not null order by 1`,
    );
    expect(managers).toEqual([
      { person: 'u1', manager: null },
      { person: 'u2', manager: 'u1' },
      { person: 'u3', manager: 'u1' },
    ]);
  });
});
