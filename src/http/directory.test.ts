import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client';
import { PASSWORD, startTestServer, type Client, type TestServer } from './test-server';
import { testEngines } from '../test-setup/test-database';
import { etag } from '../schemas/common';
import { addUser } from '../services/users';

// The directory never drifts from the rows it points to: after every kind of write of a user, a
// session or an API token, it holds exactly their emails and token hashes, each with its
// organisation. (A cross-organisation read, as only a test may do.)

async function drift(server: TestServer) {
  const db = server.database.db;
  const emails = await queryRows<{ row: string }>(
    db,
    sql`(select email || ' ' || org_id || ' ' || id as row from users
         except select email || ' ' || org_id || ' ' || user_id from email_directory)
        union all
        (select email || ' ' || org_id || ' ' || user_id from email_directory
         except select email || ' ' || org_id || ' ' || id from users)`,
  );
  const tokens = await queryRows<{ row: string }>(
    db,
    sql`with held as (select token_hash, org_id from sessions
                      union all select token_hash, org_id from api_tokens
                      union all select token_hash, org_id from calendar_feeds)
        (select token_hash || ' ' || org_id as row from held
         except select token_hash || ' ' || org_id from token_directory)
        union all
        (select token_hash || ' ' || org_id from token_directory
         except select token_hash || ' ' || org_id from held)`,
  );
  return [...emails, ...tokens].map((r) => r.row);
}

async function patchUser(admin: Client, id: string, patch: Record<string, unknown>) {
  const current = await admin.request('GET', `/api/users/${id}`);
  expect(current.status).toBe(200);
  const version: unknown = current.body.version;
  const headers = typeof version === 'number' ? { 'if-match': etag(version) } : undefined;
  const response = await admin.request('PATCH', `/api/users/${id}`, patch, headers);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

describe.each(testEngines())('the sign-in directory on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  it('follows users, sessions and API tokens through every write', async () => {
    const id = (key: string) => server.ids[key] ?? '';
    expect(await drift(server)).toEqual([]);

    const admin = await server.as('admin@acme.test');
    const rep = await server.as('rep1@acme.test');
    const token = await rep.request('POST', '/api/tokens', { name: 'laptop' });
    expect(token.status).toBe(201);
    expect(await drift(server)).toEqual([]);

    // A calendar feed's secret: created, replaced, revoked.
    for (const method of ['POST', 'POST', 'DELETE']) {
      expect((await rep.request(method, '/api/calendar-feed')).status).toBeLessThan(300);
      expect(await drift(server)).toEqual([]);
    }

    // A new email: the old one no longer signs in, the new one does.
    await patchUser(admin, id('rep1'), { email: 'rep1.new@acme.test' });
    expect(await drift(server)).toEqual([]);
    const old = await server.anonymous.request('POST', '/api/session', {
      email: 'rep1@acme.test',
      password: PASSWORD,
    });
    expect(old.status).toBe(401);
    await server.as('rep1.new@acme.test');

    // The bearer token works until a deactivation revokes it (and ends the sessions).
    const bearer = { authorization: `Bearer ${String(token.body.token)}` };
    expect((await server.anonymous.request('GET', '/api/me', undefined, bearer)).status).toBe(200);
    await patchUser(admin, id('rep1'), { isActive: false });
    expect(await drift(server)).toEqual([]);
    expect((await server.anonymous.request('GET', '/api/me', undefined, bearer)).status).toBe(401);
    expect((await rep.request('GET', '/api/me')).status).toBe(401);

    // A new user, then sign-out.
    const created = await admin.request('POST', '/api/users', {
      email: 'new.rep@acme.test',
      name: 'New Rep',
      role: 'rep',
      password: PASSWORD,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const newRep = await server.as('new.rep@acme.test');
    expect(await drift(server)).toEqual([]);
    expect((await newRep.request('DELETE', '/api/session')).status).toBeLessThan(300);
    expect((await newRep.request('GET', '/api/me')).status).toBe(401);
    expect(await drift(server)).toEqual([]);
  });

  it('signs in a user of any organisation, an email held in two of them by its password', async () => {
    const email = 'shared@example.test';
    await addUser(server.database.db, server.orgIds.acme, {
      email,
      name: 'Shared at Acme',
      role: 'rep',
      managerId: null,
      password: PASSWORD,
    });
    await addUser(server.database.db, server.orgIds.other, {
      email,
      name: 'Shared at Other',
      role: 'rep',
      managerId: null,
      password: 'another long password',
    });
    expect(await drift(server)).toEqual([]);
    const signIn = (password: string) =>
      server.anonymous.request('POST', '/api/session', { email, password });
    const atAcme = await signIn(PASSWORD);
    const atOther = await signIn('another long password');
    expect([atAcme.status, atOther.status]).toEqual([200, 200]);
    expect(atAcme.body.organisation.id).toBe(server.orgIds.acme);
    expect(atOther.body.organisation.id).toBe(server.orgIds.other);
    expect(await drift(server)).toEqual([]);
  });
});
