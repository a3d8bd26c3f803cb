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
