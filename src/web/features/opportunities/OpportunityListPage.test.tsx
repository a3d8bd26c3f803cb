import { screen, waitFor, within } from '@testing-library/react';
import { CSV_FORMATS } from '../../../domain/csv-export';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../components/dates';
import { formatMoney } from '../../components/money';
import {
  commonHandlers,
  ids,
  makeOpportunity,
  mockApi,
  renderWithProviders,
} from '../../test-utils';
import { OpportunityListPage } from './OpportunityListPage';

const first = makeOpportunity();
const second = makeOpportunity({
  id: '00000000-0000-4000-8000-000000000101',
  name: 'Warehouse scanners',
  accountName: 'Contoso',
  amountMinor: 99_999,
  stageName: 'Won',
  stageKind: 'won',
  expectedCloseOn: null,
});

function renderList(route = '/opportunities') {
  return renderWithProviders(
    <Routes>
      <Route path="/opportunities" element={<OpportunityListPage />} />
    </Routes>,
    { route },
  );
}

describe('OpportunityListPage', () => {
  it('shows one row per opportunity with account, owner, stage and formatted amount', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/opportunities': () => ({ body: { items: [first, second], total: 2 } }),
    });
    renderList();

    expect(screen.getByRole('heading', { name: 'Deals', level: 1 })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Deals' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      [
        'Fleet renewal 2027',
        'Northwind Logistics',
        'Rita Rep',
        'Proposal · 50%',
        formatMoney(1_250_000, 'EUR'),
        expect.stringContaining('2026'),
        '—',
      ],
      ['Warehouse scanners', 'Contoso', 'Rita Rep', 'Won', formatMoney(99_999, 'EUR'), '—', '—'],
    ]);
    expect(screen.getByText('1–2 of 2 deals')).toBeTruthy();
  });

  it('pages with `total`: 60 results make 3 pages and page 2 asks the server for page=2', async () => {
    const api = mockApi({
      ...commonHandlers,
      'GET /api/opportunities': (call) => ({
        body: {
          items: call.search.get('page') === '2' ? [second] : [first],
          total: 60,
        },
      }),
    });
    const user = userEvent.setup();
    renderList();

    expect(await screen.findByText('1–25 of 60 deals')).toBeTruthy();
    expect(screen.getByRole('button', { name: '3' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '4' })).toBeNull();

    await user.click(screen.getByRole('button', { name: '2' }));

    expect(await screen.findByRole('link', { name: 'Warehouse scanners' })).toBeTruthy();
    expect(screen.getByText('26–50 of 60 deals')).toBeTruthy();
    const listCalls = api.calls.filter((call) => call.path === '/api/opportunities');
    expect(listCalls.map((call) => [call.search.get('page'), call.search.get('pageSize')])).toEqual(
      [
        ['1', '25'],
        ['2', '25'],
      ],
    );
  });

  it('sends the filters from the URL to the server', async () => {
    const api = mockApi({
      ...commonHandlers,
      'GET /api/opportunities': () => ({ body: { items: [], total: 0 } }),
    });
    renderList('/opportunities?status=won&sort=amountMinor&order=asc');

    expect(await screen.findByText('No deals match')).toBeTruthy();
    const call = api.calls.find((c) => c.path === '/api/opportunities');
    expect(Object.fromEntries(call?.search ?? [])).toEqual({
      status: 'won',
      sort: 'amountMinor',
      order: 'asc',
      page: '1',
      pageSize: '25',
    });

    // Clearing the filters keeps the sort and shows the first-run state when nothing is left.
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('No deals yet')).toBeTruthy();
    const last = api.calls.filter((c) => c.path === '/api/opportunities').at(-1);
    expect(Object.fromEntries(last?.search ?? [])).toEqual({
      status: 'open',
      sort: 'amountMinor',
      order: 'asc',
      page: '1',
      pageSize: '25',
    });
  });

  it('opens on the open pipeline by expected close, with the count and value of every deal the filters keep', async () => {
    const api = mockApi({
      ...commonHandlers,
      'GET /api/opportunities': () => ({ body: { items: [first], total: 1 } }),
      'GET /api/opportunities/summary': () => ({
        body: {
          count: 14,
          currency: 'EUR',
          valueMinor: 1_250_000,
          weightedValueMinor: 625_000,
          unconverted: [{ currency: 'CHF', count: 1, amountMinor: 7_000 }],
        },
      }),
    });
    const user = userEvent.setup();
    renderList();
    const summary = await screen.findByRole('group', { name: 'The deals the filters keep' });
    await within(summary).findByText('14 deals');
    // Totals in whole units: cents mean nothing in a pipeline's sum.
    expect(summary.textContent).toContain('Value €12,500');
    expect(summary.textContent).not.toContain('€12,500.00');
    expect(summary.textContent).toContain('Weighted €6,250');
    expect(summary.textContent).toContain('1 deal in CHF has no rate');
    const firstCall = (path: string) => api.calls.find((c) => c.path === path);
    const expected = { status: 'open', sort: 'expectedCloseOn', order: 'asc' };
    expect(Object.fromEntries(firstCall('/api/opportunities')?.search ?? [])).toMatchObject(
      expected,
    );
    expect(Object.fromEntries(firstCall('/api/opportunities/summary')?.search ?? [])).toEqual(
      expected,
    );

    // "Any status" leaves the status out; the plan filter goes to the list and its summary.
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Any status' }));
    await user.click(screen.getByRole('combobox', { name: 'Deal plan' }));
    await user.click(await screen.findByRole('option', { name: 'Plan has errors' }));
    await waitFor(() => {
      const last = api.calls.filter((c) => c.path === '/api/opportunities/summary').at(-1);
      expect(last?.search.get('plan')).toBe('plan-errors');
    });
    for (const path of ['/api/opportunities', '/api/opportunities/summary']) {
      const last = api.calls.filter((c) => c.path === path).at(-1);
      expect(last?.search.get('status')).toBeNull();
    }
  });

  it("shows a dashboard's drill-down filters as badges, sends them to the server and removes one", async () => {
    const managerId = '00000000-0000-4000-8000-000000000009';
    const api = mockApi({
      ...commonHandlers,
      'GET /api/users': () => ({
        body: {
          items: [{ id: managerId, name: 'Ana Lopez', role: 'manager', isActive: true }],
          total: 1,
        },
      }),
      'GET /api/opportunities': () => ({ body: { items: [first], total: 1 } }),
    });
    const user = userEvent.setup();
    renderList(
      `/opportunities?status=open&flag=stale&managerId=${managerId}&segmentId=${ids.segment}&closedFrom=2026-01-01&closedTo=2026-11-30`,
    );

    const badges = await screen.findByRole('group', { name: 'Narrowed by' });
    await within(badges).findByText('Team: Ana Lopez');
    expect(screen.getByRole('combobox', { name: 'Needs attention' })).toHaveProperty(
      'value',
      'Stale: no activity in 30 days',
    );
    expect(within(badges).getByText('Segment: Segment A')).toBeTruthy();
    expect(
      within(badges).getByText(`Closed ${formatDay('2026-01-01')} – ${formatDay('2026-11-30')}`),
    ).toBeTruthy();
    const call = api.calls.find((c) => c.path === '/api/opportunities');
    expect(Object.fromEntries(call?.search ?? [])).toMatchObject({
      status: 'open',
      flag: 'stale',
      managerId,
      segmentId: ids.segment,
      closedFrom: '2026-01-01',
      closedTo: '2026-11-30',
    });

    await user.click(screen.getByRole('button', { name: /^Remove filter: Closed/ }));
    await waitFor(() => {
      const last = api.calls.filter((c) => c.path === '/api/opportunities').at(-1);
      expect(last?.search.get('closedFrom')).toBeNull();
    });
    const last = api.calls.filter((c) => c.path === '/api/opportunities').at(-1);
    expect(Object.fromEntries(last?.search ?? [])).toMatchObject({ flag: 'stale', managerId });
    expect(last?.search.get('closedTo')).toBeNull();
    expect(screen.queryByText(/^Closed /)).toBeNull();
  });

  it('shows no drill-down badges for a plain list', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/opportunities': () => ({ body: { items: [first], total: 1 } }),
    });
    renderList('/opportunities?status=open');
    await screen.findByRole('link', { name: 'Fleet renewal 2027' });
    expect(screen.queryByRole('group', { name: 'Narrowed by' })).toBeNull();
  });

  it('exports every row the filters show, not the page, as a download link per CSV format', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/opportunities': () => ({ body: { items: [first], total: 60 } }),
    });
    const user = userEvent.setup();
    renderList(`/opportunities?status=won&managerId=${ids.user}&page=2`);
    await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
    const links = screen.getAllByRole('menuitem').map((item) => {
      const url = new URL(item.getAttribute('href') ?? '', 'http://localhost');
      return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
    });
    const filters = { status: 'won', managerId: ids.user, sort: 'expectedCloseOn', order: 'asc' };
    expect(links).toEqual(
      CSV_FORMATS.map((csv) => ({
        path: '/api/opportunities',
        query: { ...filters, csv },
      })),
    );
  });
});
