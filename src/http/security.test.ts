import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from './routes/session';
import { PASSWORD, startTestServer, type TestServer } from './test-server';

// Sign-in that resists guessing, the security headers, and authentication before the body is
// read (issue #12). Each test server has its own rate-limit store, so the counts start at 0.

describe('sign-in limits, headers and unread bodies', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(() => server.close());

  const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
    server.anonymous.request('POST', '/api/session', { email, password }, headers);

  it('answers 429 with Retry-After after 10 wrong passwords for an account, even to the right one, and only for that account', async () => {
    const { max } = SIGN_IN_LIMITS.failuresPerAccountAndAddress;
    for (let i = 0; i < max; i++) {
      expect((await signIn('rep2@acme.test', `wrong ${i}`)).status).toBe(401);
    }
    const locked = await signIn('rep2@acme.test', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toMatchObject({ code: 'too_many_requests' });
    expect(locked.body.error.message).toMatch(/try again in \d+ minutes?/);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another account from the same address is not locked.
    expect((await signIn('rep1@acme.test', PASSWORD)).status).toBe(200);
  });

  it('limits the attempts one client address makes across accounts', async () => {
    const { max } = SIGN_IN_LIMITS.perAddress;
    // The test above spent 12 of this address's attempts in the same minute; spend the rest.
    const answers: number[] = [];
    for (let i = 0; i < max; i++) {
      answers.push((await signIn(`nobody${i}@acme.test`, 'guess')).status);
    }
    expect(answers).toContain(401);
    expect(answers.at(-1)).toBe(429);
    const refused = await signIn('leader@acme.test', PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_requests');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('sends the security headers on the API and the web app', async () => {
    for (const path of ['/api/health', '/', '/api/docs/']) {
      const response = await fetch(server.baseUrl + path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'self'");
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      // Served over plain http here: no HSTS (it would lock a local start out of http).
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('refuses a request from someone not signed in before reading its body', async () => {
    // Read first, a malformed body would be 400 and one over the limit 413: unread, both are 401.
    const post = (body: string) =>
      fetch(`${server.baseUrl}/api/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    expect((await post('{"name": ')).status).toBe(401);
    expect((await post(`{"name": "${'x'.repeat(6 * 1024 * 1024)}"}`)).status).toBe(401);
  });
});
