import { randomUUID } from 'node:crypto';
import type { Client, TestServer } from './test-server';

// The records that tests walking the whole OpenAPI document need behind its paths: one of each
// kind in acme, rep1's where records have owners (so every role of acme may see them), and the
// user of /api/users/{id} being rep2.

export type SampleRecords = Record<string, string>;

export async function createSampleRecords(
  server: TestServer,
  clients: { admin: Client; rep: Client },
): Promise<SampleRecords> {
  const { admin, rep } = clients;
  const records: SampleRecords = {};
  const created = async (client: Client, path: string, body: unknown) => {
    const response = await client.request('POST', path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status}`);
    return response.body as { id: string };
  };
  records.stages = (
    await created(admin, '/api/stages', {
      name: 'Spare',
      position: 20,
      probabilityPercent: 5,
      kind: 'open',
    })
  ).id;
  records.segments = (await created(admin, '/api/segments', { code: 'S', name: 'Spare' })).id;
  records.territories = (await created(admin, '/api/territories', { name: 'Spare' })).id;
  records.products = (await created(admin, '/api/products', { name: 'Spare' })).id;
  await created(admin, '/api/activity-types', { key: 'spare', label: 'Spare', hours: 1 });
  records.accounts = (await created(rep, '/api/accounts', { name: 'Northwind' })).id;
  records.contacts = (
    await created(rep, '/api/contacts', { accountId: records.accounts, lastName: 'Nina' })
  ).id;
  const stages = (await rep.request('GET', '/api/reference')).body.stages;
  records.openStage = stages[0].id;
  records.opportunities = (
    await created(rep, '/api/opportunities', {
      name: 'Fleet',
      accountId: records.accounts,
      stageId: records.openStage,
    })
  ).id;
  records.activities = (
    await created(rep, '/api/activities', {
      type: 'call',
      status: 'done',
      occursOn: '2026-03-02',
      accountId: records.accounts,
    })
  ).id;
  // rep2's: in manager1's team, not rep1's to see.
  records.users = server.ids.rep2 ?? '';
  return records;
}

/** A concrete URL for an OpenAPI path, its parameters filled from the sample records. */
export function urlOf(records: SampleRecords, path: string): string {
  const kind = path.split('/')[2] ?? '';
  return path
    .replace('{id}', records[kind] ?? randomUUID())
    .replace('{accountId}', records.accounts ?? '')
    .replace(/\{(itemId|tokenId|checkInId)\}/, () => randomUUID())
    .replace('{key}', 'spare')
    .replace('{year}', '2026')
    .replace('{currency}', 'USD')
    .replace('{month}', '2026-01')
    .replace('{kind}', 'pipeline')
    .replace('{token}', 'not-a-token');
}
