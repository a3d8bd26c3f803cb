import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchResponse } from '../../schemas/search';
import { testEngines } from '../../test-setup/test-database';
import { PASSWORD, startTestServer, type Client, type TestServer } from '../test-server';
import { addUser } from '../../services/users';

// The search box over a real server: a misspelled account name finds the account, its contact
// and its deal; each role finds only what it may see; another organisation's records never show.

type Found = { kind: string; name: string; subtitle: string | null; link: string };
const found = (body: unknown): Found[] =>
  SearchResponse.parse(body).items.map(({ kind, name, subtitle, link }) => ({
    kind,
    name,
    subtitle,
    link,
  }));

describe.each(testEngines())('search API on %s', (engine) => {
  let server: TestServer;
  let admin: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await server.as('admin@acme.test');
    const stageId = (await admin.request('GET', '/api/reference')).body.stages[0].id;
    const create = async (path: string, body: object) => {
      const response = await admin.request('POST', path, body);
      if (response.status !== 201) throw new Error(`${path}: ${response.status}`);
      return response.body.id as string;
    };
    ids.acme = await create('/api/accounts', {
      name: 'Acme Corp',
      ownerId: server.ids.rep1,
      industry: 'Manufacturing',
    });
    ids.jane = await create('/api/contacts', {
      accountId: ids.acme,
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane.doe@globex.example',
    });
    ids.expansion = await create('/api/opportunities', {
      name: 'Q3 expansion',
      accountId: ids.acme,
      ownerId: server.ids.rep1,
      stageId,
    });
    // rep3 is manager2's: manager1 and the reps of manager1 never see this deal.
    ids.initech = await create('/api/accounts', { name: 'Initech', ownerId: server.ids.rep3 });
    ids.rollout = await create('/api/opportunities', {
      name: 'Acme rollout at Initech',
      accountId: ids.initech,
      ownerId: server.ids.rep3,
      stageId,
    });
    // Another organisation's account of the same name.
    await addUser(server.database.db, server.orgIds.other, {
      email: 'admin9@other.test',
      name: 'admin9',
      role: 'admin',
      managerId: null,
      password: PASSWORD,
    });
    const otherAdmin = await server.as('admin9@other.test');
    const other = await otherAdmin.request('POST', '/api/accounts', { name: 'Acme Corp' });
    expect(other.status).toBe(201);
  }, 120_000);
  afterAll(() => server.close());

  const searchAs = async (email: string, q: string) => {
    const client = await server.as(email);
    const response = await client.request('GET', `/api/search?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return found(response.body);
  };

  it("finds a deal by its account's misspelled name, with the account (equal scores by name)", async () => {
    expect(await searchAs('leader@acme.test', 'Acmee')).toEqual([
      {
        kind: 'account',
        name: 'Acme Corp',
        subtitle: 'Manufacturing · rep1',
        link: `/accounts/${ids.acme}`,
      },
      {
        kind: 'opportunity',
        name: 'Acme rollout at Initech',
        subtitle: 'Initech · rep3',
        link: `/opportunities/${ids.rollout}`,
      },
      {
        kind: 'opportunity',
        name: 'Q3 expansion',
        subtitle: 'Acme Corp · rep1',
        link: `/opportunities/${ids.expansion}`,
      },
    ]);
  });

  it('finds a contact by name or email and links to their account', async () => {
    const contact = {
      kind: 'contact',
      name: 'Jane Doe',
      subtitle: 'Acme Corp · jane.doe@globex.example',
      link: `/accounts/${ids.acme}`,
    };
    expect(await searchAs('rep1@acme.test', 'jane do')).toEqual([contact]);
    expect(await searchAs('rep1@acme.test', 'globex.example')).toEqual([contact]);
  });

  it('gives each role what it may see: a rep their own, a manager their team, the leader all', async () => {
    const names = async (email: string) => (await searchAs(email, 'acme')).map((r) => r.name);
    expect(await names('rep1@acme.test')).toEqual(['Acme Corp', 'Q3 expansion']);
    expect(await names('rep2@acme.test')).toEqual([]);
    expect(await names('rep3@acme.test')).toEqual(['Acme rollout at Initech']);
    expect(await names('manager1@acme.test')).toEqual(['Acme Corp', 'Q3 expansion']);
    expect(await names('manager2@acme.test')).toEqual(['Acme rollout at Initech']);
    expect(await names('admin@acme.test')).toEqual([
      'Acme Corp',
      'Acme rollout at Initech',
      'Q3 expansion',
    ]);
  });

  it("never shows another organisation's records", async () => {
    expect(await searchAs('admin9@other.test', 'Acme Corp')).toEqual([
      expect.objectContaining({ kind: 'account', name: 'Acme Corp', subtitle: 'admin9' }),
    ]);
    expect(await searchAs('rep9@other.test', 'Q3 expansion')).toEqual([]);
  });

  it('refuses text it cannot search (too short, too long, a NUL character) as bad input, not 500', async () => {
    const leader = await server.as('leader@acme.test');
    for (const q of ['a', 'x'.repeat(201), 'Acme\u0000']) {
      const response = await leader.request('GET', `/api/search?q=${encodeURIComponent(q)}`);
      expect(response.status, JSON.stringify(q.slice(0, 10))).toBe(400);
      expect(response.body.error.issues).toEqual([
        { field: 'query.q', reason: expect.any(String) },
      ]);
    }
    expect((await server.anonymous.request('GET', '/api/search?q=acme')).status).toBe(401);
  });
});
