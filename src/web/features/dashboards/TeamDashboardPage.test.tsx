import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { dashboardIds, makeTeamDashboard } from './dashboard-fixtures';
import { TeamDashboardPage } from './TeamDashboardPage';

function renderPage(route = `/dashboards/team/${dashboardIds.manager}`) {
  return renderWithProviders(
    <Routes>
      <Route path="/dashboards/team" element={<TeamDashboardPage />} />
      <Route path="/dashboards/team/:managerId" element={<TeamDashboardPage />} />
      <Route path="/dashboards/rep" element={<p>The rep dashboard</p>} />
    </Routes>,
    { route },
  );
}

const firstCells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('rowheader')[0]?.textContent);

describe('TeamDashboardPage', () => {
  it('sends someone with no team of their own (here a rep) to their own dashboard', async () => {
    const api = mockApi({ ...commonHandlers });
    renderPage('/dashboards/team');
    expect(await screen.findByText('The rep dashboard')).toBeTruthy();
    expect(api.calls.some((c) => c.path === '/api/dashboards/team')).toBe(false);
  });

  it('shows a row per rep and a totals row, who is behind said in words, names opening their dashboards', async () => {
    const api = mockApi({
      ...commonHandlers,
      'GET /api/dashboards/team': () => ({ body: makeTeamDashboard() }),
    });
    renderPage(`/dashboards/team/${dashboardIds.manager}`);

    const table = await screen.findByRole('table', { name: 'Reps of the team' });
    expect(api.calls.find((c) => c.path === '/api/dashboards/team')?.search.get('managerId')).toBe(
      dashboardIds.manager,
    );
    // Rita: 75% of the target to date (behind), 380 of 400 activities (95%: slightly behind).
    // Dana: 95% of the target (slightly behind), 200 of 400 activities (50%: behind). The team:
    // 85% of the target, 580 of 800 activities (72.5%: behind).
    expect(firstCells(table)).toEqual([
      "Dana ReyesBehind on activitySlightly behind targetOpen Dana Reyes's plan (proposed)",
      "Rita RepBehind targetSlightly behind on activityOpen Rita Rep's plan (agreed)",
      'Team totalBehind on activitySlightly behind target',
    ]);
    expect(within(table).getByText('Behind target').style.color).toContain('red');
    expect(within(table).getAllByText('Slightly behind target')[0]?.style.color).not.toContain(
      'red',
    );
    expect(within(table).getByRole('link', { name: 'Rita Rep' }).getAttribute('href')).toBe(
      `/dashboards/rep/${dashboardIds.rep}`,
    );
    const rita = within(table).getByRole('link', { name: 'Rita Rep' }).closest('tr') as HTMLElement;
    expect(rita.textContent).toContain('75.0%');
    expect(rita.textContent).toContain(`€750,000 of €1,000,000`);
    expect(rita.textContent).toContain('2.1×3.3× needed');
    // The verdict's window in the head, this month's as context under it.
    expect(
      within(table).getByRole('columnheader', { name: 'Activities, year to date' }),
    ).toBeTruthy();
    expect(rita.textContent).toContain('380 of 400this month 35 of 40');
    expect(rita.textContent).toContain('40.0%12 won, 18 lost');
    expect(rita.textContent).toContain('48 days median cycle');
    expect(
      within(rita).getByRole('link', { name: "Open Rita Rep's plan" }).getAttribute('href'),
    ).toBe(`/my-plan?plan=${dashboardIds.plan}`);
    const totals = within(table).getByText('Team total').closest('tr') as HTMLElement;
    expect(totals.textContent).toContain('85.0%');
    const totalStale = within(totals).getAllByRole('link')[3]?.getAttribute('href');
    expect(totalStale).toBe(
      `/opportunities?managerId=${dashboardIds.manager}&status=open&flag=stale`,
    );
  });

  it('sorts by a column when its header is clicked', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/dashboards/team': () => ({ body: makeTeamDashboard() }),
    });
    const user = userEvent.setup();
    renderPage();

    const table = await screen.findByRole('table', { name: 'Reps of the team' });
    await user.click(within(table).getByRole('button', { name: 'Attainment' }));
    expect(firstCells(table)[0]).toMatch(/^Rita Rep/);
    await user.click(within(table).getByRole('button', { name: 'Attainment' }));
    expect(firstCells(table)[0]).toMatch(/^Dana Reyes/);
    expect(
      within(table).getByRole('columnheader', { name: 'Attainment' }).getAttribute('aria-sort'),
    ).toBe('descending');
  });

  it('lists plans to finish, overdue check-ins and outliers, each linking to the rows behind', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/dashboards/team': () => ({ body: makeTeamDashboard() }),
    });
    renderPage();

    const awaiting = await screen.findByRole('list', { name: 'Awaiting your countersignature' });
    expect(
      within(awaiting).getByRole('link', { name: "Open Dana Reyes's plan" }).getAttribute('href'),
    ).toBe(`/my-plan?plan=${dashboardIds.otherPlan}`);
    expect(
      within(screen.getByRole('list', { name: 'No plan' })).getByText(/Nico New/),
    ).toBeTruthy();
    const checkIns = screen.getByRole('list', { name: 'Check-ins overdue' });
    expect(
      within(checkIns)
        .getByRole('link', { name: "Open the check-in in Dana Reyes's plan" })
        .getAttribute('href'),
    ).toBe(`/my-plan?plan=${dashboardIds.otherPlan}`);
    const outlier = screen.getByRole('link', {
      name: 'Dana Reyes wins 17.6% of MG Advanced deals, the rest 52.0% — 3 of 17 closed; z = −2.70',
    });
    const url = new URL(outlier.getAttribute('href') ?? '', 'http://localhost');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      ownerId: dashboardIds.otherRep,
      productId: dashboardIds.product,
      status: 'any',
      closedFrom: '2026-01-01',
      closedTo: '2026-11-25',
    });
    expect(
      screen
        .getByRole('link', { name: 'Open the organisation dashboard for this team' })
        .getAttribute('href'),
    ).toBe(`/dashboards/organisation?managerId=${dashboardIds.manager}`);
  });
});
