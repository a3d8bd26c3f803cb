import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/roles';
import { commonHandlers, me, mockApi, renderWithProviders } from '../../test-utils';
import { dashboardIds, makeTeamDashboard, makeTeamRepRow } from '../dashboards/dashboard-fixtures';
import { TeamPage } from './TeamPage';

const as = (role: Role, id = dashboardIds.manager) => ({
  'GET /api/me': () => ({ body: { ...me, user: { ...me.user, id, name: 'Max Manager', role } } }),
});

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    // The first cell's first line: the rep (or the team) above what needs attention.
    .map((row) => within(row).getAllByRole('cell')[0]?.firstElementChild?.textContent);

describe('TeamPage', () => {
  it('shows the manager their reps by what needs attention, the plan waiting for them in words', async () => {
    mockApi({
      ...commonHandlers,
      ...as('manager'),
      'GET /api/dashboards/team': () => ({ body: makeTeamDashboard() }),
      'GET /api/check-ins/due': () => ({ body: { items: [], total: 0 } }),
    });
    renderWithProviders(<TeamPage />, { route: '/team' });
    const table = await screen.findByRole('table', { name: 'Rep plans' }, { timeout: 5000 });
    // Dana's plan waits for the countersignature: she comes first, though Rita is further behind.
    expect(rowsOf(table)).toEqual(['Dana Reyes', 'Rita Rep']);
    const dana = within(table)
      .getByRole('link', { name: 'Dana Reyes' })
      .closest('tr') as HTMLElement;
    expect(
      within(dana).getByText(/^Waiting for your countersignature since Nov 20, 2026$/),
    ).toBeTruthy();
    expect(within(dana).getByText('Countersign the plan')).toBeTruthy();
    expect(within(dana).getByText('Check-in overdue')).toBeTruthy();
    expect(
      within(dana)
        .getByRole('link', { name: /overdue since Oct 31, 2026/ })
        .getAttribute('href'),
    ).toBe(`/my-plan?plan=${dashboardIds.otherPlan}&checkIn=${dashboardIds.checkIn}`);
    expect(dana.textContent).toContain('10 of 40');
    const rita = within(table).getByRole('link', { name: 'Rita Rep' }).closest('tr') as HTMLElement;
    expect(rita.textContent).toContain('Agreed on Jan 20, 2026');
    expect(rita.textContent).toContain('75.0%');
    expect(rita.textContent).toContain('Oct 30, 2026');
  });

  it('says a rep who has won the year’s target has none left to cover, and counts with separators', async () => {
    const ahead = makeTeamRepRow({
      wonToDate: 1_300_000_00,
      targetYear: 1_200_000_00,
      attainment: 1.3,
      gap: -300_000_00,
      coverage: null,
      neededCoverage: 3.3,
      activityDone: 2_200,
      activityPlanned: 1_883,
    });
    mockApi({
      ...commonHandlers,
      ...as('manager'),
      'GET /api/dashboards/team': () => ({ body: makeTeamDashboard({ reps: [ahead] }) }),
      'GET /api/check-ins/due': () => ({ body: { items: [], total: 0 } }),
    });
    renderWithProviders(<TeamPage />, { route: '/team' });
    const table = await screen.findByRole('table', { name: 'Rep plans' }, { timeout: 5000 });
    const row = within(table).getByRole('link', { name: 'Rita Rep' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('target won')).toBeTruthy();
    expect(row.textContent).not.toContain('3.3× needed');
    expect(row.textContent).toContain('Year to date: 2,200 of 1,883');
  });

  it('shows the leader every team, each with its summary row', async () => {
    const api = mockApi({
      ...commonHandlers,
      ...as('leader', '00000000-0000-4000-8000-000000000099'),
      'GET /api/users': () => ({
        body: {
          items: [{ ...me.user, id: dashboardIds.manager, name: 'Max Manager', role: 'manager' }],
          total: 1,
        },
      }),
      'GET /api/dashboards/team': () => ({ body: makeTeamDashboard() }),
      'GET /api/check-ins/due': () => ({ body: { items: [], total: 0 } }),
    });
    renderWithProviders(<TeamPage />, { route: '/team' });
    const table = await screen.findByRole(
      'table',
      { name: 'Rep plans of Max Manager’s team' },
      { timeout: 5000 },
    );
    expect(rowsOf(table)).toEqual(['Team of Max Manager', 'Dana Reyes', 'Rita Rep']);
    expect(api.calls.find((c) => c.path === '/api/users')?.search.get('role')).toBe('manager');
    expect(api.calls.find((c) => c.path === '/api/dashboards/team')?.search.get('managerId')).toBe(
      dashboardIds.manager,
    );
    expect(within(table).getByText(/^Waiting for Max Manager’s countersignature/)).toBeTruthy();
  });

  it('tells a rep where their own plan and figures are, and asks for no team', async () => {
    const api = mockApi({ ...commonHandlers });
    renderWithProviders(<TeamPage />, { route: '/team' });
    expect(await screen.findByRole('link', { name: 'My plan' })).toBeTruthy();
    expect(api.calls.some((c) => c.path === '/api/dashboards/team')).toBe(false);
  });
});
