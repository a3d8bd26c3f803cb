import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { ActivityListPage } from './ActivityListPage';

const managerId = '00000000-0000-4000-8000-000000000009';

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
});
