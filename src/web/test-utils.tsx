import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import type { Me } from '../schemas/session';
import type { Opportunity } from '../schemas/opportunities';
import type { ReferenceData } from '../schemas/reference';
import { AppProviders, createQueryClient } from './App';

// Test helpers for the web app: render inside the real providers, and answer fetch from a
// table of `METHOD /path` handlers instead of a server.

export type FetchCall = { method: string; path: string; search: URLSearchParams; body: unknown };
type Reply = { status?: number; body?: unknown };
export type ApiHandler = (call: FetchCall) => Reply | Promise<Reply>;

/** Stubs global fetch; unmatched calls answer 404 so a forgotten handler fails loudly. */
export function mockApi(handlers: Record<string, ApiHandler>) {
  const calls: FetchCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const call = { method, path: url.pathname, search: url.searchParams, body };
    calls.push(call);
    const handler = handlers[`${method} ${url.pathname}`];
    const reply: Reply = handler
      ? await handler(call)
      : {
          status: 404,
          body: { error: { code: 'not_found', message: `No mock for ${method} ${url.pathname}` } },
        };
    const status = reply.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(reply.body ?? null), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

export function renderWithProviders(
  ui: React.ReactNode,
  { route = '/', state }: { route?: string; state?: unknown } = {},
) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  return {
    queryClient,
    ...render(
      <AppProviders queryClient={queryClient} env="test">
        <MemoryRouter
          initialEntries={[
            {
              pathname: route.split('?')[0],
              search: route.includes('?') ? `?${route.split('?')[1]}` : '',
              state,
            },
          ]}
        >
          {ui}
        </MemoryRouter>
      </AppProviders>,
    ),
  };
}

export const ids = {
  user: '00000000-0000-4000-8000-000000000001',
  org: '00000000-0000-4000-8000-000000000002',
  stageOpen: '00000000-0000-4000-8000-000000000010',
  stageWon: '00000000-0000-4000-8000-000000000011',
  account: '00000000-0000-4000-8000-000000000020',
  segment: '00000000-0000-4000-8000-000000000030',
};

export const me: Me = {
  user: { id: ids.user, email: 'rita@example.com', name: 'Rita Rep', role: 'rep', managerId: null },
  organisation: {
    id: ids.org,
    slug: 'acme',
    name: 'Acme Sales',
    currency: 'EUR',
    fiscalYearStartMonth: 1,
    timeZone: 'UTC',
  },
  today: new Date().toISOString().slice(0, 10),
};

export const reference: ReferenceData = {
  stages: [
    { id: ids.stageOpen, name: 'Proposal', position: 3, probabilityPercent: 50, kind: 'open' },
    { id: ids.stageWon, name: 'Won', position: 9, probabilityPercent: 100, kind: 'won' },
  ],
  segments: [{ id: ids.segment, code: 'A', name: 'Segment A', description: '' }],
  activityTypes: [{ key: 'call', label: 'Call', hours: 0.5, isSystem: true }],
  territories: [],
};

export function makeOpportunity(overrides: Partial<Opportunity> = {}): Opportunity {
  return {
    id: '00000000-0000-4000-8000-000000000100',
    name: 'Fleet renewal 2027',
    externalId: null,
    accountId: ids.account,
    accountName: 'Northwind Logistics',
    ownerId: ids.user,
    ownerName: 'Rita Rep',
    productId: null,
    productName: null,
    amountMinor: 1_250_000,
    currency: 'EUR',
    stageId: ids.stageOpen,
    stageName: 'Proposal',
    stageKind: 'open',
    probabilityPercent: 50,
    createdOn: '2026-09-01',
    expectedCloseOn: '2026-12-15',
    closedOn: null,
    nextStep: null,
    createdAt: '2026-09-01T09:00:00Z',
    updatedAt: '2026-11-20T09:00:00Z',
    ...overrides,
  };
}

/** The endpoints every signed-in page reads: session, reference lists, users, products. */
export const commonHandlers: Record<string, ApiHandler> = {
  'GET /api/me': () => ({ body: me }),
  'GET /api/reference': () => ({ body: reference }),
  'GET /api/users': () => ({ body: { items: [], total: 0 } }),
  'GET /api/products': () => ({ body: { items: [], total: 0 } }),
};
