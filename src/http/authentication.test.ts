import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, sessions, users } from '../db/schema';
import { testEngines } from '../test-setup/test-database';
import {
  startTestServer,
  statementsOf as statementsOfServer,
  type TestServer,
} from './test-server';

// Authentication is one statement per request once the token's organisation is known
// (services/auth.ts): the session or API token with its user, organisation and team. The
// checks it makes stay those of every request: expiry, revocation, a deactivated user.
describe.each(testEngines())('authentication in one statement on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const statementsOf = (action: () => Promise<unknown>) => statementsOfServer(server, action);

  it("reads a manager's session, user, organisation and team in one statement", async () => {
    const manager = await server.as('manager1@acme.test');
    expect((await manager.request('GET', '/api/me')).status).toBe(200);
    let me: { status: number } | undefined;
    const statements = await statementsOf(async () => {
      me = await manager.request('GET', '/api/me');
    });
    expect(me?.status).toBe(200);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/from "sessions".*join "users".*join "organisations"/s);
    // The team came with it: the manager reads their rep's record and not another team's.
    const mine = await manager.request('GET', `/api/users/${server.ids.rep1}`);
    const theirs = await manager.request('GET', `/api/users/${server.ids.rep3}`);
    expect([mine.status, theirs.status]).toEqual([200, 404]);
  });

  it('refuses a session it has seen once it expires, and a user once deactivated', async () => {
    const rep = await server.as('rep2@acme.test');
    expect((await rep.request('GET', '/api/me')).status).toBe(200);
    await server.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, server.ids.rep2 ?? ''));
    expect((await rep.request('GET', '/api/me')).status).toBe(401);

    const again = await server.as('rep2@acme.test');
    expect((await again.request('GET', '/api/me')).status).toBe(200);
    await server.database.db
      .update(users)
      .set({ isActive: false })
      .where(eq(users.id, server.ids.rep2 ?? ''));
    expect((await again.request('GET', '/api/me')).status).toBe(401);
    await server.database.db
      .update(users)
      .set({ isActive: true })
      .where(eq(users.id, server.ids.rep2 ?? ''));
  });

  it("records an API token's use at most once a minute, and refuses it once revoked", async () => {
    const rep = await server.as('rep1@acme.test');
    const created = await rep.request('POST', '/api/tokens', { name: 'script' });
    expect(created.status).toBe(201);
    const bearer = { authorization: `Bearer ${created.body.token}` };
    const first = await statementsOf(() =>
      server.anonymous.request('GET', '/api/me', undefined, bearer),
    );
    expect(first.some((s) => /update "api_tokens"/.test(s))).toBe(true);
    const [row] = await server.database.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.id, created.body.id));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
    const second = await statementsOf(() =>
      server.anonymous.request('GET', '/api/me', undefined, bearer),
    );
    expect(second).toHaveLength(1);
    expect((await rep.request('DELETE', `/api/tokens/${created.body.id}`)).status).toBe(204);
    expect((await server.anonymous.request('GET', '/api/me', undefined, bearer)).status).toBe(401);
  });
});
