import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CSV_FORMATS } from '../../../domain/csv-export';
import { pretendPhone } from '../../components/pretend-phone';
import { mockApi, renderWithProviders } from '../../test-utils';
import {
  asManager,
  asRole,
  makeTeamPlan,
  managerId,
  teamHandlers,
  teamPlanId,
} from './team-plan-fixtures';
import { TeamPlanView } from './TeamPlanView';

describe('TeamPlanView', () => {
  it('stacks the answers and shows each activity as a card on a phone', async () => {
    const restore = pretendPhone();
    try {
      mockApi(teamHandlers(asRole('rep')));
      renderWithProviders(<TeamPlanView year={2026} />);
      const card = await screen.findByLabelText('Team plan of Max Manager');
      expect(within(card).queryByRole('table')).toBeNull();
      // Each answer under its question, not squeezed beside it.
      expect(
        within(card).getByText('What is our mission?').closest('dl')?.dataset.orientation,
      ).toBe('vertical');
      const goal = within(card).getByRole('list', { name: 'More first meetings' });
      const activities = within(goal).getAllByRole('listitem');
      expect(activities).toHaveLength(3);
      const [first = document.body] = activities;
      const valueOf = (label: string) =>
        within(first).getByText(label).nextElementSibling?.textContent;
      expect(await within(first).findByText('Rita Rep')).toBeTruthy();
      expect(valueOf('Progress')).toContain(
        'Calls done, Rita Rep, 1 Jan–31 Dec: 3 of 10 calls done',
      );
      expect(within(first).getByRole('progressbar')).toBeTruthy();
    } finally {
      restore();
    }
  });

  it('shows a rep the five answers and each metric’s progress, read-only', async () => {
    mockApi(teamHandlers(asRole('rep')));
    renderWithProviders(<TeamPlanView year={2026} />);
    const card = await screen.findByLabelText('Team plan of Max Manager');
    expect(within(card).getByText('What is our mission?').nextSibling?.textContent).toBe('—');
    const goal = within(card).getByRole('table', { name: 'More first meetings' });
    expect(await within(goal).findByText('Rita Rep')).toBeTruthy();
    const rows = within(goal).getAllByRole('row').slice(1);
    // Each figure with its definition in words beside it.
    expect(rows[0]?.textContent).toContain(
      'Calls done, Rita Rep, 1 Jan–31 Dec: 3 of 10 calls done',
    );
    expect(within(rows[0] as HTMLElement).getByRole('progressbar')).toBeTruthy();
    expect(rows[1]?.textContent).toContain(
      'Entered by hand (not counted from the data), 1 Jan–31 Dec: 120 of 500 booth visitors',
    );
    expect(within(rows[1] as HTMLElement).getByRole('progressbar')).toBeTruthy();
    expect(rows[2]?.textContent).toContain(
      'Won revenue, team, accounts in segment A (Strategic), 1 Jan–31 Dec: €12,500 of €50,000 won',
    );
    expect(rows[2]?.textContent).toContain('Left out: 3 deals in CHF have no rate');
    expect(screen.queryByRole('button', { name: 'Edit the team plan' })).toBeNull();
    // The plan as a team-plan JSON document: a reader downloads it, only its manager imports one.
    expect(within(card).getByRole('button', { name: 'Download (JSON)' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import from JSON' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Start/ })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('keeps another manager’s plan read-only for a manager above them', async () => {
    mockApi(teamHandlers(asRole('manager', '00000000-0000-4000-8000-000000000799')));
    renderWithProviders(<TeamPlanView year={2026} />);
    await screen.findByLabelText('Team plan of Max Manager');
    expect(screen.queryByRole('button', { name: 'Edit the team plan' })).toBeNull();
  });

  it('opens the editor for the plan’s manager', async () => {
    mockApi(teamHandlers(asManager));
    renderWithProviders(<TeamPlanView year={2026} />);
    await screen.findByRole('button', { name: 'Edit the team plan' });
    expect(screen.getByRole('button', { name: 'Import from JSON' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Edit the team plan' }));
    const editor = screen.getByLabelText('Editing the team plan of Max Manager');
    expect(within(editor).getByLabelText('Who is our customer?')).toHaveProperty(
      'value',
      'Logistics firms',
    );
    await userEvent.click(within(editor).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByLabelText('Team plan of Max Manager')).toBeTruthy();
  });

  it('lets a manager start the year’s plan when there is none, then edit it', async () => {
    const created = makeTeamPlan({ objectives: [] });
    let plans: (typeof created)[] = [];
    const { calls } = mockApi({
      ...teamHandlers(asManager, created),
      'GET /api/team-plans': () => ({ body: { items: plans, total: plans.length } }),
      'POST /api/team-plans': () => {
        plans = [created];
        return { status: 201, body: created };
      },
    });
    renderWithProviders(<TeamPlanView year={2026} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Start the 2026 team plan' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ year: 2026 }),
    );
    expect(await screen.findByLabelText('Editing the team plan of Max Manager')).toBeTruthy();
    expect(calls.some((c) => c.path === `/api/team-plans/${teamPlanId}`)).toBe(true);
  });

  it('lets an admin start the plan of a manager who has none', async () => {
    const { calls } = mockApi({
      ...teamHandlers(asRole('admin')),
      'GET /api/team-plans': () => ({ body: { items: [], total: 0 } }),
      'POST /api/team-plans': () => ({ status: 201, body: makeTeamPlan() }),
    });
    renderWithProviders(<TeamPlanView year={2026} />);
    await userEvent.click(await screen.findByRole('combobox', { name: 'Manager' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Max Manager' }));
    await userEvent.click(screen.getByRole('button', { name: 'Start their 2026 team plan' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ year: 2026, managerId }),
    );
  });

  it('exports the year’s team plans as CSV in each format, for reading only', async () => {
    mockApi(teamHandlers(asRole('leader')));
    renderWithProviders(<TeamPlanView year={2026} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Export team plans' }));
    const links = screen.getAllByRole('menuitem').map((item) => {
      const url = new URL(item.getAttribute('href') ?? '', 'http://localhost');
      return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
    });
    expect(links).toEqual(
      CSV_FORMATS.map((csv) => ({ path: '/api/team-plans', query: { year: '2026', csv } })),
    );
    expect(screen.getByText('For other tools')).toBeTruthy();
    expect(screen.queryByText(/Salesplan import/)).toBeNull();
  });
});
