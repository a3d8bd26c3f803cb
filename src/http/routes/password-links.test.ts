import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { testEngines } from '../../test-setup/test-database';
import { PASSWORD, startTestServer, type TestServer } from '../test-server';

describe.each(testEngines())('set-password links on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  }, 60_000);
  afterAll(() => server.close());

  const secretOf = (url: string) => url.split('/set-password/')[1] ?? '';

  it('lets an admin hand a user a link that sets their password once and ends their sessions', async () => {
    const admin = await server.as('admin@acme.test');
    const rep = await server.as('rep1@acme.test');
    const made = await admin.request('POST', `/api/users/${server.ids.rep1}/password-link`);
    expect(made.status).toBe(201);
    expect(made.body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/set-password\/pwl_[\w-]{43}$/);
    const days = (Date.parse(made.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const path = `/api/password-links/${secretOf(made.body.url)}`;

    const read = await server.anonymous.request('GET', path);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ email: 'rep1@acme.test', name: 'rep1' });

    const short = await server.anonymous.request('POST', path, { password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.issues[0].field).toBe('password');

    const set = await server.anonymous.request('POST', path, { password: 'a brand new secret' });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ email: 'rep1@acme.test' });
    expect((await rep.request('GET', '/api/me')).status).toBe(401);
    const signIn = (password: string) =>
      server.anonymous.request('POST', '/api/session', { email: 'rep1@acme.test', password });
    expect((await signIn(PASSWORD)).status).toBe(401);
    expect((await signIn('a brand new secret')).status).toBe(200);

    // Once only: the used link is gone, and so is its directory entry.
    expect((await server.anonymous.request('GET', path)).status).toBe(404);
    expect(
      (await server.anonymous.request('POST', path, { password: 'another one here' })).status,
    ).toBe(404);
    const [left] = await queryRows<{ n: number }>(
      server.database.db,
      sql`select count(*)::int as n from password_links`,
    );
    expect(left?.n).toBe(0);
  });

  it('replaces the last link, refuses expired ones, and lets only the admin make them', async () => {
    const admin = await server.as('admin@acme.test');
    const first = await admin.request('POST', `/api/users/${server.ids.rep2}/password-link`);
    const second = await admin.request('POST', `/api/users/${server.ids.rep2}/password-link`);
    expect(
      (await server.anonymous.request('GET', `/api/password-links/${secretOf(first.body.url)}`))
        .status,
    ).toBe(404);
    const path = `/api/password-links/${secretOf(second.body.url)}`;
    expect((await server.anonymous.request('GET', path)).status).toBe(200);
    await queryRows(
      server.database.db,
      sql`update password_links set expires_at = now() - interval '1 second'`,
    );
    expect((await server.anonymous.request('GET', path)).status).toBe(404);
    expect(
      (await server.anonymous.request('POST', path, { password: 'too late for this' })).status,
    ).toBe(404);

    const manager = await server.as('manager1@acme.test');
    expect(
      (await manager.request('POST', `/api/users/${server.ids.rep2}/password-link`)).status,
    ).toBe(403);
    const otherAdmin = await admin.request('POST', `/api/users/${server.ids.rep9}/password-link`);
    expect(otherAdmin.status).toBe(404);
    expect((await server.anonymous.request('GET', '/api/password-links/pwl_nonsense')).status).toBe(
      400,
    );
  });

  it('refuses a link for a deactivated user, and a link stops working when its user is deactivated', async () => {
    const admin = await server.as('admin@acme.test');
    const made = await admin.request('POST', `/api/users/${server.ids.rep3}/password-link`);
    const user = await admin.request('GET', `/api/users/${server.ids.rep3}`);
    await admin.request(
      'PATCH',
      `/api/users/${server.ids.rep3}`,
      { isActive: false },
      {
        'if-match': user.headers.get('etag') ?? '',
      },
    );
    const path = `/api/password-links/${secretOf(made.body.url)}`;
    expect((await server.anonymous.request('GET', path)).status).toBe(404);
    const refused = await admin.request('POST', `/api/users/${server.ids.rep3}/password-link`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues[0]).toMatchObject({ field: 'id' });
  });
});
