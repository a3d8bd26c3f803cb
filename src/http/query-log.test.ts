import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server';
import { loggedStatements } from '../test-setup/query-log';

// The query log sees what a request sends, and only that (src/test-setup/query-log.ts).
describe('the query log of the test server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(() => server.close());

  it('logs the statements of a request, not those a test sends itself', async () => {
    const rep = await server.as('rep1@acme.test');
    await server.database.db.execute('select 42 as sent_by_the_test');
    expect((await rep.request('GET', '/api/accounts')).status).toBe(200);
    const statements = loggedStatements();
    expect(statements.some((s) => /from "?accounts"?/.test(s))).toBe(true);
    expect(statements.some((s) => s.includes('sent_by_the_test'))).toBe(false);
  });
});
