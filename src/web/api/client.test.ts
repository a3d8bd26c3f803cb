import { describe, expect, it, vi } from 'vitest';
import { ApiError, api, toQueryString } from './client';

function reply(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status })),
  );
}

describe('api client', () => {
  it('throws an ApiError with status, code, message and issues, `body.` stripped from fields', async () => {
    reply(400, {
      error: {
        code: 'validation_failed',
        message: 'The request is not valid',
        issues: [{ field: 'body.amountMinor', reason: 'must be at least 0' }],
      },
    });
    const error = await api.post('/api/opportunities', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect({ ...(error as ApiError), message: (error as ApiError).message }).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'The request is not valid',
      issues: [{ field: 'amountMinor', reason: 'must be at least 0' }],
    });
    expect((error as ApiError).issueFor('amountMinor')).toBe('must be at least 0');
  });

  it('sends the version a write is based on as If-Match, and keeps the current record of a 409', async () => {
    reply(409, { error: { code: 'conflict', message: 'Changed', current: { version: 4 } } });
    const error = await api.put('/api/team-plans/1', { answers: {} }, 3).catch((e: unknown) => e);
    const init = vi.mocked(fetch).mock.calls[0]?.[1];
    expect(new Headers(init?.headers).get('If-Match')).toBe('"3"');
    expect(init?.method).toBe('PUT');
    expect(error).toMatchObject({ status: 409, code: 'conflict', current: { version: 4 } });
    reply(200, {});
    await api.put('/api/strategies/2027', {}, null);
    const first = vi.mocked(fetch).mock.calls[0]?.[1];
    expect(new Headers(first?.headers).has('If-Match')).toBe(false);
  });

  it('keeps a plain `{ error: string }` message, as POST /api/session answers 401', async () => {
    reply(401, { error: 'Wrong email or password' });
    await expect(api.post('/api/session', {})).rejects.toMatchObject({
      status: 401,
      code: 'unauthenticated',
      message: 'Wrong email or password',
    });
  });

  it('sends JSON with the session cookie and answers undefined for 204', async () => {
    reply(204, undefined);
    await expect(api.delete('/api/accounts/1')).resolves.toBeUndefined();
    expect(fetch).toHaveBeenCalledWith('/api/accounts/1', {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      body: undefined,
    });
  });

  it('leaves blank parameters out of the query string', () => {
    expect(toQueryString({ q: 'a b', page: 2, ownerId: undefined, status: '', x: null })).toBe(
      '?q=a+b&page=2',
    );
  });
});
