import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { dashboardIds, makeRepDashboard } from './dashboard-fixtures';
import { RepDashboardPage } from './RepDashboardPage';

function renderPage(route = '/dashboards/rep') {
  return renderWithProviders(
    <Routes>
      <Route path="/dashboards/rep" element={<RepDashboardPage />} />
      <Route path="/dashboards/rep/:repId" element={<RepDashboardPage />} />
    </Routes>,
    { route },
  );
}

const hrefOf = (name: string | RegExp) => {
  const link = screen.getByRole('link', { name });
  const url = new URL(link.getAttribute('href') ?? '', 'http://localhost');
  return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
};

describe('RepDashboardPage', () => {
  it("shows the caller's attainment to date, each figure labelled, won to date opening the won deals", async () => {
    const api = mockApi({
      ...commonHandlers,
      'GET /api/dashboards/rep': () => ({ body: makeRepDashboard() }),
    });
    renderPage();

    expect(await screen.findByRole('heading', { name: 'My dashboard', level: 1 })).toBeTruthy();
    expect(api.calls.find((c) => c.path === '/api/dashboards/rep')?.search.toString()).toBe('');
    const attainment = screen.getByRole('region', { name: 'Attainment' });
    const figures = within(attainment);
    expect(figures.getByText('€1,000,000')).toBeTruthy();
    expect(figures.getByText('75.0%')).toBeTruthy();
    // 75% of the target to date: under 80%, behind.
    expect(figures.getByText('Behind target')).toBeTruthy();
    expect(figures.getByText('Gap to target')).toBeTruthy();
    expect(figures.getByText('€1,200,000')).toBeTruthy();
    expect(
      figures.getByText("The seasonally weighted share of the year's target up to today"),
    ).toBeTruthy();
    expect(figures.getByText('Left out of won to date: 4 deals in CHF have no rate')).toBeTruthy();
    expect(hrefOf(`Won to date: €750,000`)).toEqual({
      path: '/opportunities',
      query: {
        ownerId: dashboardIds.rep,
        status: 'won',
        closedFrom: '2026-01-01',
        closedTo: '2026-11-25',
      },
    });
  });

  it('gives every chart a name and a table with the same figures', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/dashboards/rep': () => ({ body: makeRepDashboard() }),
    });
    renderPage();

    // The activity types' labels come from the reference list.
    await screen.findByRole('heading', { name: 'My dashboard' });
    await screen.findByRole('link', { name: '6 Call done' });
    expect(screen.getByRole('img', { name: /^Won vs target per month/ })).toBeTruthy();
    const months = screen.getByRole('table', { name: 'Won vs target per month' });
    expect(within(months).getAllByRole('row')).toHaveLength(13);
    expect(within(months).getAllByRole('row')[1]?.textContent).toContain('€100,000');
    const week = screen.getByRole('table', { name: 'This week: activities planned vs done' });
    expect(
      within(week)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['Call106behind', 'first meeting33']);
    expect(
      screen.getByRole('table', { name: 'This month to date: activities planned vs done' }),
    ).toBeTruthy();
    const stages = screen.getByRole('table', { name: 'Open value by stage' });
    expect(within(stages).getAllByRole('row')).toHaveLength(3);
  });

  it('says the coverage against the closing ratio, and links the counts to the filtered lists', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/dashboards/rep': () => ({ body: makeRepDashboard() }),
    });
    renderPage();

    expect(
      await screen.findByText('Coverage 2.1× — you need 3.3× (1 ÷ your 30.0% closing ratio)'),
    ).toBeTruthy();
    expect(hrefOf('Stale deals: 3').query).toEqual({
      ownerId: dashboardIds.rep,
      status: 'open',
      flag: 'stale',
    });
    expect(hrefOf('All 14 deals in the deal list').query).toEqual({
      ownerId: dashboardIds.rep,
      status: 'open',
      flag: 'stale',
    });
    expect(hrefOf('Proposal').query).toEqual({
      ownerId: dashboardIds.rep,
      status: 'open',
      stageId: expect.any(String),
    });
    await screen.findByRole('link', { name: '6 Call done' });
    expect(hrefOf('6 Call done')).toEqual({
      path: '/activities',
      query: {
        ownerId: dashboardIds.rep,
        type: 'call',
        status: 'done',
        from: '2026-11-23',
        to: '2026-11-29',
      },
    });
    expect(hrefOf('First meetings this week: 3 of 4').query).toMatchObject({
      type: 'first_meeting',
      from: '2026-11-23',
    });
  });

  it('lists the deals needing attention with their reasons, linking to the deal or its plan', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/dashboards/rep': () => ({ body: makeRepDashboard() }),
    });
    renderPage();

    const stale = await screen.findByRole('list', { name: 'Stale deals' });
    expect(within(stale).getByText('no activity for 45 days')).toBeTruthy();
    expect(
      within(stale).getByRole('link', { name: 'Fleet renewal 2027' }).getAttribute('href'),
    ).toBe(`/opportunities/${dashboardIds.deal}`);
    const needsPlan = screen.getByRole('list', { name: 'Deals that need a plan' });
    expect(within(needsPlan).getByRole('link', { name: 'Big rollout' }).getAttribute('href')).toBe(
      `/opportunities/${dashboardIds.deal}/plan`,
    );
    expect(screen.getByText('No deal plan has an error.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Meet the CFO' }).getAttribute('href')).toBe(
      `/opportunities/${dashboardIds.deal}/plan`,
    );
    expect(screen.getByRole('link', { name: 'Open in My plan' }).getAttribute('href')).toBe(
      `/my-plan?plan=${dashboardIds.plan}`,
    );
  });

  it("asks for another rep's dashboard by id and names the rep", async () => {
    const other = makeRepDashboard({ rep: { id: dashboardIds.otherRep, name: 'Dana Reyes' } });
    const api = mockApi({
      ...commonHandlers,
      'GET /api/dashboards/rep': () => ({ body: other }),
    });
    renderPage(`/dashboards/rep/${dashboardIds.otherRep}`);

    expect(await screen.findByRole('heading', { name: "Dana Reyes's dashboard" })).toBeTruthy();
    expect(api.calls.find((c) => c.path === '/api/dashboards/rep')?.search.get('repId')).toBe(
      dashboardIds.otherRep,
    );
    expect(screen.getByRole('link', { name: "Open Dana Reyes's plan" })).toBeTruthy();
    expect(
      screen.getByText(/Dana Reyes needs 3\.3× \(1 ÷ Dana Reyes's 30\.0% closing ratio\)/),
    ).toBeTruthy();
  });
});
