import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test-setup/test-database';
import { startTestServer, type Client, type TestServer } from '../test-server';

describe.each(testEngines())('an admin changing users on %s', (engine) => {
  let server: TestServer;
  let admin: Client;

  beforeAll(async () => {
    server = await startTestServer(engine);
    admin = await server.as('admin@acme.test');
  });
  afterAll(() => server.close());

  it('reads a user with their version, and refuses a change based on a stale one', async () => {
    const read = await admin.request('GET', `/api/users/${server.ids.rep1}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ name: 'rep1', managerName: 'manager1', version: 1 });
    expect(read.headers.get('etag')).toBe('"1"');
    const changed = await admin.request(
      'PATCH',
      `/api/users/${server.ids.rep1}`,
      { name: 'Rita Rep' },
      { 'if-match': '"1"' },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Rita Rep', version: 2 });
    const stale = await admin.request(
      'PATCH',
      `/api/users/${server.ids.rep1}`,
      { role: 'manager' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ name: 'Rita Rep', role: 'rep', version: 2 });
    expect((await admin.request('GET', `/api/users/${server.ids.rep1}`)).body.role).toBe('rep');
  });

  it('shows a rep only themself, and another organisation nobody', async () => {
    const rep2 = await server.as('rep2@acme.test');
    expect((await rep2.request('GET', `/api/users/${server.ids.rep2}`)).status).toBe(200);
    expect((await rep2.request('GET', `/api/users/${server.ids.rep1}`)).status).toBe(404);
    const rep9 = await server.as('rep9@other.test');
    expect((await rep9.request('GET', `/api/users/${server.ids.rep1}`)).status).toBe(404);
  });
});
