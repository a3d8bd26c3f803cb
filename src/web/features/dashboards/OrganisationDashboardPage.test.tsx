import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { commonHandlers, ids, mockApi, renderWithProviders } from '../../test-utils';
import { dashboardIds, makeOrganisationDashboard } from './dashboard-fixtures';
import { OrganisationDashboardPage } from './OrganisationDashboardPage';

function ShowLocation() {
  const location = useLocation();
  return <output aria-label="Location">{location.pathname + location.search}</output>;
}

function renderPage(route = '/dashboards/organisation') {
  return renderWithProviders(
    <>
      <Routes>
        <Route path="/dashboards/organisation" element={<OrganisationDashboardPage />} />
      </Routes>
      <ShowLocation />
    </>,
    { route },
  );
}

const queryOf = (href: string | null) =>
  Object.fromEntries(new URL(href ?? '', 'http://localhost').searchParams);

describe('OrganisationDashboardPage', () => {
  it('sends the URL filters to the API and carries them into every drill-down link', async () => {
    const api = mockApi({
      ...commonHandlers,
      'GET /api/dashboards/organisation': () => ({ body: makeOrganisationDashboard() }),
    });
    renderPage(
      `/dashboards/organisation?from=2026-01-01&to=2026-11-30&managerId=${dashboardIds.manager}&segmentId=${ids.segment}`,
    );

    await screen.findByRole('region', { name: 'Attainment' });
    const call = api.calls.find((c) => c.path === '/api/dashboards/organisation');
    expect(Object.fromEntries(call?.search ?? [])).toEqual({
      from: '2026-01-01',
      to: '2026-11-30',
      managerId: dashboardIds.manager,
      segmentId: ids.segment,
    });
    expect(
      queryOf(screen.getByRole('link', { name: 'Stale deals: 3' }).getAttribute('href')),
    ).toEqual({
      managerId: dashboardIds.manager,
      segmentId: ids.segment,
      status: 'open',
      flag: 'stale',
    });
    const product = within(screen.getByRole('table', { name: 'Won revenue by product' })).getByRole(
      'link',
      { name: 'MG Advanced' },
    );
    expect(queryOf(product.getAttribute('href'))).toEqual({
      managerId: dashboardIds.manager,
      segmentId: ids.segment,
      productId: dashboardIds.product,
      status: 'won',
      closedFrom: '2026-01-01',
      closedTo: '2026-11-25',
    });
    const created = screen.getByRole('link', { name: /^17 created in/ });
    expect(queryOf(created.getAttribute('href'))).toMatchObject({
      createdFrom: '2026-11-01',
      createdTo: '2026-11-30',
      managerId: dashboardIds.manager,
    });
    expect(
      screen.getByRole('link', { name: "Open this team's dashboard" }).getAttribute('href'),
    ).toBe(`/dashboards/team/${dashboardIds.manager}`);
    expect(screen.getByText(/the team needs 3\.3×/)).toBeTruthy();
  });

  it('shows the outliers, segment mix, won revenue and created deals, charts with their tables', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/dashboards/organisation': () => ({ body: makeOrganisationDashboard() }),
    });
    renderPage();

    expect(
      await screen.findByRole('link', {
        name: 'Dana Reyes wins 17.6% of MG Advanced deals, the rest 52.0% — 3 of 17 closed; z = −2.70',
      }),
    ).toBeTruthy();
    expect(screen.getByText('Left out: 4 deals in CHF have no rate')).toBeTruthy();
    const mix = screen.getByRole('table', { name: 'Segment mix, planned vs actual share' });
    expect(
      within(mix)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual([`Segment A60.0%50.0%€500,000`, `Other40.0%50.0%€500,000`]);
    expect(screen.getByRole('img', { name: /^Segment mix, planned vs actual share/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /^Opportunities created per month/ })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Opportunities created per month' })).toBeTruthy();
    expect(
      screen.getByRole('table', { name: 'Won revenue by customer type' }).textContent,
    ).toContain('New customer');
  });

  it('drills from a team row to the dashboard filtered by that team, and from a rep to their dashboard', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/dashboards/organisation': () => ({ body: makeOrganisationDashboard() }),
    });
    renderPage('/dashboards/organisation?from=2026-02-01&to=2026-11-30');

    const teams = await screen.findByRole('table', { name: 'Attainment per team' });
    expect(within(teams).getByRole('link', { name: 'Max Manager' }).getAttribute('href')).toBe(
      `/dashboards/organisation?from=2026-02-01&to=2026-11-30&managerId=${dashboardIds.manager}`,
    );
    const reps = screen.getByRole('table', { name: 'Attainment per rep' });
    expect(within(reps).getByRole('link', { name: 'Rita Rep' }).getAttribute('href')).toBe(
      `/dashboards/rep/${dashboardIds.rep}`,
    );
    // Rita at 75% of her target to date is behind; the team at 85% slightly behind.
    expect(within(reps).getByText('Behind target')).toBeTruthy();
    expect(within(teams).getByText('Slightly behind target')).toBeTruthy();
  });

  it('puts a picked filter in the URL and asks the API again with it', async () => {
    const api = mockApi({
      ...commonHandlers,
      'GET /api/dashboards/organisation': () => ({ body: makeOrganisationDashboard() }),
    });
    const user = userEvent.setup();
    renderPage();

    await screen.findByRole('region', { name: 'Attainment' });
    await user.click(screen.getByRole('combobox', { name: 'Segment' }));
    await user.click(await screen.findByRole('option', { name: 'Segment A' }));

    expect(screen.getByRole('status', { name: 'Location' }).textContent).toBe(
      `/dashboards/organisation?segmentId=${ids.segment}`,
    );
    await waitFor(() =>
      expect(
        api.calls
          .filter((c) => c.path === '/api/dashboards/organisation')
          .map((c) => c.search.get('segmentId')),
      ).toEqual([null, ids.segment]),
    );
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByRole('status', { name: 'Location' }).textContent).toBe(
      '/dashboards/organisation',
    );
  });
});
