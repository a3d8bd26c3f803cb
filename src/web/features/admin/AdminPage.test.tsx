import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { commonHandlers, ids, me, mockApi, reference, renderWithProviders } from '../../test-utils';
import { AdminPage } from './AdminPage';

const admin = { ...me, user: { ...me.user, role: 'admin' as const } };

function renderAdmin(route: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/admin/:section" element={<AdminPage />} />
    </Routes>,
    { route },
  );
}

const rita = {
  id: ids.user,
  email: 'rita@example.com',
  name: 'Rita Rep',
  role: 'rep',
  managerId: null,
  managerName: null,
  territoryId: null,
  isActive: true,
  canSignIn: true,
  createdAt: '2026-01-01T09:00:00Z',
  version: 3,
};

describe('AdminPage', () => {
  it("shows anyone but an admin the app's not-found page", async () => {
    mockApi(commonHandlers);
    renderAdmin('/admin/users');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });

  it('shows a duplicate stage name on the name field and keeps the form open', async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/me': () => ({ body: admin }),
      'GET /api/stages': () => ({ body: { items: reference.stages, total: 2 } }),
      'POST /api/stages': () => ({
        status: 409,
        body: { error: { code: 'conflict', message: 'Another stage is already called Proposal' } },
      }),
    });
    renderAdmin('/admin/stages');
    const table = await screen.findByRole('table', { name: 'Stages' });
    expect(within(table).getAllByRole('row')[1]?.textContent).toContain('3Proposal50%Open');
    await userEvent.click(screen.getByRole('button', { name: 'New stage' }));
    const form = screen.getByRole('form', { name: 'Pipeline stage' });
    await userEvent.type(within(form).getByLabelText(/^Name/), 'Proposal');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findAllByText('Is required')).toHaveLength(2);
    expect(calls.filter((call) => call.method === 'POST')).toEqual([]);
    await userEvent.type(within(form).getByLabelText(/^Order/), '4');
    await userEvent.type(within(form).getByLabelText(/^Probability/), '60');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const name = within(form).getByLabelText(/^Name/);
    expect(await within(form).findByText('Another stage is already called Proposal')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      name: 'Proposal',
      position: 4,
      probabilityPercent: 60,
      kind: 'open',
    });
  });

  it('creates a user with a set-password link it shows once, and resets a password with If-Match', async () => {
    const link = {
      url: `http://localhost/set-password/pwl_${'b'.repeat(43)}`,
      expiresAt: '2026-12-08T09:00:00Z',
    };
    const { calls, fetchMock } = mockApi({
      ...commonHandlers,
      'GET /api/me': () => ({ body: admin }),
      'GET /api/users': () => ({ body: { items: [rita], total: 1 } }),
      'POST /api/users': (call) => ({
        status: 201,
        body: { ...rita, id: ids.account, ...(call.body as object), version: 1 },
      }),
      [`POST /api/users/${ids.account}/password-link`]: () => ({ status: 201, body: link }),
      'PATCH /api/users/00000000-0000-4000-8000-000000000001': () => ({
        body: { ...rita, version: 4 },
      }),
    });
    renderAdmin('/admin/users');
    await screen.findByRole('table', { name: 'Users' });
    await userEvent.click(screen.getByRole('button', { name: 'New user' }));
    const form = screen.getByRole('form', { name: 'User' });
    await userEvent.type(within(form).getByLabelText(/^Name/), 'Ugo Rep');
    await userEvent.type(within(form).getByLabelText(/^Email/), 'ugo@example.com');
    await userEvent.click(within(form).getByRole('button', { name: 'Create user' }));
    const shown = await screen.findByLabelText('Set-password link');
    expect(shown.textContent).toBe(link.url);
    const posts = calls.filter((call) => call.method === 'POST');
    expect(posts.map((call) => call.path)).toEqual([
      '/api/users',
      `/api/users/${ids.account}/password-link`,
    ]);
    // The admin never sees (nor makes) the new user's password: the user chooses it.
    expect(posts[0]?.body).toEqual({
      name: 'Ugo Rep',
      email: 'ugo@example.com',
      role: 'rep',
      managerId: null,
      territoryId: null,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));

    await userEvent.click(screen.getByRole('button', { name: 'More for Rita Rep' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Reset password' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Reset password' }));
    const reset = await screen.findByLabelText('One-time password');
    const patch = calls.find((call) => call.method === 'PATCH');
    expect(patch?.body).toEqual({ password: reset.textContent });
    const patchInit = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH')?.[1];
    expect(patchInit?.headers).toMatchObject({ 'If-Match': '"3"' });
  });

  it('filters the audit log by kind of record and pages it', async () => {
    const entry = {
      id: ids.segment,
      at: '2026-11-30T10:00:00Z',
      userId: ids.user,
      userName: 'Ada Admin',
      entityType: 'stage',
      entityId: ids.stageOpen,
      action: 'update',
      scopeType: null,
      scopeId: null,
      before: { name: 'Proposal', probabilityPercent: 40 },
      after: { name: 'Proposal', probabilityPercent: 50 },
    };
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/me': () => ({ body: admin }),
      'GET /api/audit-log': () => ({ body: { items: [entry], total: 1 } }),
      'GET /api/audit-log/entity-types': () => ({ body: { items: ['stage', 'user'] } }),
    });
    renderAdmin('/admin/audit-log');
    const table = await screen.findByRole('table', { name: 'Audit log' });
    expect(within(table).getAllByRole('row')[1]?.textContent).toContain(
      'Ada Adminstage' + ids.stageOpen + 'updateprobabilityPercent 40 → 50',
    );
    await userEvent.click(screen.getByRole('combobox', { name: 'Record' }));
    await userEvent.click(await screen.findByRole('option', { name: 'user' }));
    const last = calls.filter((call) => call.path === '/api/audit-log').at(-1);
    expect(Object.fromEntries(last?.search ?? [])).toEqual({
      entityType: 'user',
      page: '1',
      pageSize: '25',
    });
  });
});
