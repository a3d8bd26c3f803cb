import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationIdOf } from './openapi';
import { startTestServer, type TestServer } from './test-server';

type Operation = {
  operationId?: string;
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  responses: Record<string, { headers?: Record<string, unknown> }>;
};

describe('the OpenAPI document', () => {
  let server: TestServer;
  let operations: { key: string; operation: Operation }[];
  let text: string;
  beforeAll(async () => {
    server = await startTestServer('pglite');
    text = await (await fetch(`${server.baseUrl}/api/openapi.json`)).text();
    const document = JSON.parse(text) as {
      paths: Record<string, Record<string, Operation>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );
  });
  afterAll(() => server.close());

  it('names every operation once', () => {
    expect(operations.length).toBeGreaterThan(50);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationIdOf('GET', '/api/opportunities/:id/plan')).toBe('getOpportunitiesByIdPlan');
    expect(operationIdOf('PUT', '/api/exchange-rates/:currency/:month')).toBe(
      'putExchangeRatesByCurrencyByMonth',
    );
  });

  it('lets a client sign in and check health without credentials, and documents 401 on the rest', () => {
    const publicOps = operations.filter(({ operation }) => operation.security?.length === 0);
    expect(publicOps.map(({ key }) => key).sort()).toEqual(
      expect.arrayContaining(['DELETE /api/session', 'GET /api/health', 'POST /api/session']),
    );
    const missing401 = operations
      .filter(({ operation }) => operation.security?.length !== 0)
      .filter(({ operation }) => !('401' in operation.responses))
      .map(({ key }) => key);
    expect(missing401).toEqual([]);
    const signIn = operations.find(({ key }) => key === 'POST /api/session')?.operation;
    expect(Object.keys(signIn?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '401', '413', '429']),
    );
    const createAccount = operations.find(({ key }) => key === 'POST /api/accounts')?.operation;
    expect(Object.keys(createAccount?.responses ?? {})).toContain('413');
  });

  it('declares the ETag of every versioned answer: each If-Match write and the read it comes from', () => {
    const sendsEtag = (operation: Operation) =>
      Object.entries(operation.responses).some(
        ([status, response]) => status.startsWith('2') && 'ETag' in (response.headers ?? {}),
      );
    const byKey = new Map(operations.map(({ key, operation }) => [key, operation]));
    const conditional = operations.filter(({ operation }) =>
      (operation.parameters ?? []).some((p) => p.in === 'header' && p.name === 'if-match'),
    );
    expect(conditional.length).toBeGreaterThan(10);
    expect(
      conditional.filter(({ operation }) => !sendsEtag(operation)).map(({ key }) => key),
    ).toEqual([]);
    // The read a client takes the version from: the GET of the path or of its nearest parent.
    const readsWithoutEtag = conditional.flatMap(({ key }) => {
      const segments = key.split(' ')[1]?.split('/') ?? [];
      for (let length = segments.length; length > 2; length -= 1) {
        const read = byKey.get(`GET ${segments.slice(0, length).join('/')}`);
        if (read) return sendsEtag(read) ? [] : [`GET ${segments.slice(0, length).join('/')}`];
      }
      return [`no read for ${key}`];
    });
    expect([...new Set(readsWithoutEtag)]).toEqual([]);
  });

  it("passes Redocly's recommended lint (the rules `redocly lint` applies), bar two known cases", async () => {
    const config = await createConfig({
      extends: ['recommended'],
      rules: {
        // Fastify matches a static segment before a parameter, so `/api/key-accounts/ratings/{id}`
        // and `/api/key-accounts/{accountId}/plan` never meet.
        'no-ambiguous-paths': 'off',
      },
    });
    const problems = await lintFromString({ source: text, absoluteRef: 'openapi.json', config });
    // Health and sign-out answer every caller: they have no 4xx to document.
    const accepted = [
      '#/paths/~1api~1health/get/responses',
      '#/paths/~1api~1session/delete/responses',
    ];
    const found = problems
      .filter(
        (problem) =>
          !(
            problem.ruleId === 'operation-4xx-response' &&
            accepted.includes(problem.location[0]?.pointer ?? '')
          ),
      )
      .map((problem) => `${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer})`);
    expect(found).toEqual([]);
  });
});
