import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../schemas/activities';
import { addDays, isoWeekOf } from '../../../domain/calendar';
import { commonHandlers, ids, mockApi, renderWithProviders } from '../../test-utils';
import { ActivityListPage } from './ActivityListPage';

const managerId = '00000000-0000-4000-8000-000000000009';
const today = new Date().toISOString().slice(0, 10);

function activity(n: number, overrides: Partial<Activity>): Activity {
  return {
    id: `00000000-0000-4000-8000-00000000030${n}`,
    type: 'call',
    typeLabel: 'Call',
    status: 'planned',
    occursOn: today,
    ownerId: ids.user,
    ownerName: 'Rita Rep',
    accountId: ids.account,
    accountName: 'Northwind Logistics',
    opportunityId: null,
    opportunityName: null,
    contactId: null,
    contactName: null,
    externalId: null,
    subject: `Activity ${n}`,
    outcome: null,
    createdAt: '2026-11-20T09:00:00Z',
    updatedAt: '2026-11-20T09:00:00Z',
    ...overrides,
  };
}

const lastActivitiesCall = (api: ReturnType<typeof mockApi>) =>
  Object.fromEntries(api.calls.filter((c) => c.path === '/api/activities').at(-1)?.search ?? []);

function renderPage(route: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/activities" element={<ActivityListPage />} />
    </Routes>,
    { route },
  );
}

describe('ActivityListPage', () => {
  it("sends a dashboard's team drill-down to the server with the other filters, shown as a removable badge", async () => {
    const api = mockApi({
      ...commonHandlers,
      'GET /api/users': () => ({
        body: {
          items: [{ id: managerId, name: 'Ana Lopez', role: 'manager', isActive: true }],
          total: 1,
        },
      }),
      'GET /api/activities': () => ({ body: { items: [], total: 0 } }),
    });
    const user = userEvent.setup();
    renderWithProviders(
      <Routes>
        <Route path="/activities" element={<ActivityListPage />} />
      </Routes>,
      { route: `/activities?managerId=${managerId}&status=done&from=2026-01-01&to=2026-11-25` },
    );

    const badges = await screen.findByRole('group', { name: 'Narrowed by' });
    expect(await within(badges).findByText('Team: Ana Lopez')).toBeTruthy();
    const call = api.calls.find((c) => c.path === '/api/activities');
    expect(Object.fromEntries(call?.search ?? [])).toMatchObject({
      managerId,
      status: 'done',
      from: '2026-01-01',
      to: '2026-11-25',
    });

    await user.click(screen.getByRole('button', { name: 'Remove filter: Team: Ana Lopez' }));
    await waitFor(() =>
      expect(
        api.calls
          .filter((c) => c.path === '/api/activities')
          .at(-1)
          ?.search.get('managerId'),
      ).toBeNull(),
    );
    expect(
      api.calls
        .filter((c) => c.path === '/api/activities')
        .at(-1)
        ?.search.get('status'),
    ).toBe('done');
    expect(screen.queryByRole('group', { name: 'Narrowed by' })).toBeNull();
  });

  it('opens on the agenda: overdue, then today, then the coming days, with Mark done on every planned row', async () => {
    const api = mockApi({
      ...commonHandlers,
      'GET /api/activities': () => ({
        body: {
          items: [
            activity(1, { occursOn: addDays(today, -3), subject: 'Late call' }),
            activity(2, { status: 'done', subject: 'Call made' }),
            activity(3, { subject: 'Call to make' }),
            activity(4, { occursOn: addDays(today, 1), subject: 'Tomorrow call' }),
          ],
          total: 4,
        },
      }),
    });
    renderPage('/activities');

    const table = await screen.findByRole('table', { name: 'Activities' });
    expect(lastActivitiesCall(api)).toMatchObject({
      agendaFrom: today,
      sort: 'occursOn',
      order: 'asc',
    });
    const headings = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
      .filter((text) => /Overdue|Today|Tomorrow/.test(text ?? ''));
    expect(headings.map((h) => h?.split(' · ')[0])).toEqual(['Overdue', 'Today', 'Tomorrow']);
    expect(within(table).getAllByRole('button', { name: /^Mark Call on .* done$/ })).toHaveLength(
      3,
    );
    expect(screen.getByRole('radio', { name: 'Agenda' })).toHaveProperty('checked', true);
  });

  it('shows a week Monday to Sunday, kept in the URL, and moves to the next week', async () => {
    const api = mockApi({
      ...commonHandlers,
      'GET /api/activities': () => ({ body: { items: [], total: 0 } }),
    });
    const user = userEvent.setup();
    renderPage('/activities?view=week&week=2026-W49');

    expect(await screen.findByText('No activities in this week')).toBeTruthy();
    expect(lastActivitiesCall(api)).toMatchObject({
      from: '2026-11-30',
      to: '2026-12-06',
      sort: 'occursOn',
      order: 'asc',
    });
    expect(lastActivitiesCall(api).agendaFrom).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'Next week →' }));
    await waitFor(() =>
      expect(lastActivitiesCall(api)).toMatchObject({ from: '2026-12-07', to: '2026-12-13' }),
    );
    await user.click(screen.getByRole('button', { name: 'This week' }));
    // Back on the current week (its rows come from the cache when it was shown before).
    expect(
      await screen.findByText(new RegExp(`^Week ${Number(isoWeekOf(today).slice(6))}:`)),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'This week' })).toBeNull();
  });

  it('opens "Log a call" as a done call of today, the account to pick first', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/activities': () => ({ body: { items: [], total: 0 } }),
      'GET /api/accounts': () => ({ body: { items: [], total: 0 } }),
    });
    const user = userEvent.setup();
    renderPage('/activities');

    await user.click(
      (await screen.findAllByRole('button', { name: 'Log a call' }))[0] as HTMLElement,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Log a call' });
    expect(within(dialog).getByRole('radio', { name: 'Done' })).toHaveProperty('checked', true);
    expect(within(dialog).getByRole('combobox', { name: /^Type/ })).toHaveProperty('value', 'Call');
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(dialog).getByRole('combobox', { name: /^Account/ }),
      ),
    );
    expect(within(dialog).getByRole('button', { name: 'Log activity' })).toBeTruthy();
  });
  it("logs a call in two clicks from an agenda row: the row's account and deal, Save focused", async () => {
    const opportunityId = '00000000-0000-4000-8000-000000000401';
    const api = mockApi({
      ...commonHandlers,
      'GET /api/activities': () => ({
        body: {
          items: [
            activity(1, {
              subject: 'Follow up the offer',
              opportunityId,
              opportunityName: 'Northwind fleet renewal',
            }),
          ],
          total: 1,
        },
      }),
      'GET /api/opportunities': () => ({
        body: {
          items: [{ id: opportunityId, name: 'Northwind fleet renewal' }],
          total: 1,
        },
      }),
      'GET /api/contacts': () => ({ body: { items: [], total: 0 } }),
      'POST /api/activities': (call) => ({
        status: 201,
        body: activity(2, { ...(call.body as Partial<Activity>), status: 'done' }),
      }),
    });
    const user = userEvent.setup();
    renderPage('/activities');

    await user.click(
      await screen.findByRole('button', { name: 'Log a call with Northwind Logistics' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Log a call with Northwind Logistics',
    });
    const save = within(dialog).getByRole('button', { name: 'Log activity' });
    await waitFor(() => expect(document.activeElement).toBe(save));
    await user.click(save);

    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(api.calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      type: 'call',
      status: 'done',
      occursOn: today,
      accountId: ids.account,
      opportunityId,
    });
  });
});
