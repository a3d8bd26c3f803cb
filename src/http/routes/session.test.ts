import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, sessions } from '../../db/schema';
import { testEngines } from '../../test-setup/test-database';
import { PASSWORD, startTestServer, type TestServer } from '../test-server';

describe.each(testEngines())('sign-in, sessions and API tokens on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  it('signs in with email and password and sets an HttpOnly, SameSite session cookie', async () => {
    const response = await server.anonymous.request('POST', '/api/session', {
      email: 'REP1@acme.test',
      password: PASSWORD,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      user: { email: 'rep1@acme.test', role: 'rep', managerId: server.ids.manager1 },
      organisation: { slug: 'acme' },
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^salesplan_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('stores only a hash of the session token', async () => {
    const rep = await server.as('rep2@acme.test');
    const token = rep.cookie?.split('=')[1] ?? '';
    const rows = await server.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, server.ids.rep2 ?? ''));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.tokenHash)).not.toContain(token);
  });

  it('answers 401 for a wrong password or an unknown email, with the same message', async () => {
    const wrong = await server.anonymous.request('POST', '/api/session', {
      email: 'rep1@acme.test',
      password: 'nope',
    });
    const unknown = await server.anonymous.request('POST', '/api/session', {
      email: 'nobody@acme.test',
      password: 'x',
    });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({
      error: { code: 'unauthenticated', message: 'Wrong email or password' },
    });
  });

  it('answers 400 naming the field when the sign-in body is malformed', async () => {
    const response = await server.anonymous.request('POST', '/api/session', {
      email: 'not-an-email',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      'email',
      'password',
    ]);
  });

  it('says who is signed in, and nobody after sign-out', async () => {
    const rep = await server.as('rep1@acme.test');
    expect((await rep.request('GET', '/api/me')).body.user.email).toBe('rep1@acme.test');
    const out = await rep.request('DELETE', '/api/session');
    expect(out.status).toBe(204);
    const after = await rep.request('GET', '/api/me');
    expect(after.status).toBe(401);
    expect((await server.anonymous.request('GET', '/api/me')).status).toBe(401);
  });

  it('rejects a forged session cookie', async () => {
    const response = await server.anonymous.request('GET', '/api/me', undefined, {
      cookie: 'salesplan_session=forged',
    });
    expect(response.status).toBe(401);
  });

  it('creates a personal API token that works as a Bearer token until revoked, stored hashed', async () => {
    const rep = await server.as('rep1@acme.test');
    const created = await rep.request('POST', '/api/tokens', { name: 'scripts' });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^sp_/);

    const bearer = { authorization: `Bearer ${token}` };
    const me = await server.anonymous.request('GET', '/api/me', undefined, bearer);
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('rep1@acme.test');

    const stored = await server.database.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.id, created.body.id));
    expect(stored[0]?.tokenHash).toHaveLength(64);
    expect(stored[0]?.tokenHash).not.toBe(token);

    const list = await rep.request('GET', '/api/tokens');
    expect(list.body.items.map((t: { name: string }) => t.name)).toEqual(['scripts']);
    expect(list.body.items[0]).not.toHaveProperty('token');

    expect((await rep.request('DELETE', `/api/tokens/${created.body.id}`)).status).toBe(204);
    expect((await server.anonymous.request('GET', '/api/me', undefined, bearer)).status).toBe(401);
  });

  it('rejects a malformed Authorization header', async () => {
    const response = await server.anonymous.request('GET', '/api/me', undefined, {
      authorization: 'Basic abc',
    });
    expect(response.status).toBe(401);
  });

  it('serves health, the OpenAPI document and its reference page without signing in', async () => {
    expect((await server.anonymous.request('GET', '/api/health')).body).toEqual({
      status: 'ok',
      database: engine,
    });
    const openapi = await server.anonymous.request('GET', '/api/openapi.json');
    expect(openapi.body.openapi).toBe('3.0.3');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/session',
        '/api/me',
        '/api/accounts',
        '/api/opportunities/{id}',
        '/api/activities',
      ]),
    );
    const docs = await fetch(`${server.baseUrl}/api/docs/`);
    expect(docs.status).toBe(200);
  });
});
