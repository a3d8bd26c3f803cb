import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { mockApi, renderWithProviders } from '../../test-utils';
import { SetPasswordPage } from './SetPasswordPage';

const TOKEN = `pwl_${'a'.repeat(43)}`;

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/set-password/:token" element={<SetPasswordPage />} />
    </Routes>,
    { route: `/set-password/${TOKEN}` },
  );
}

describe('SetPasswordPage', () => {
  it('names the account, wants the password twice, and sets it through the link', async () => {
    const api = mockApi({
      [`GET /api/password-links/${TOKEN}`]: () => ({
        body: { email: 'rita@example.com', name: 'Rita Rep', expiresAt: '2026-12-08T09:00:00Z' },
      }),
      [`POST /api/password-links/${TOKEN}`]: () => ({ body: { email: 'rita@example.com' } }),
    });
    const user = userEvent.setup();
    renderPage();

    expect(await screen.findByText('Rita Rep')).toBeTruthy();
    await user.type(screen.getByLabelText('New password'), 'a long new secret');
    await user.type(screen.getByLabelText('The same password again'), 'a long new secre');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Is not the same password')).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'POST')).toEqual([]);

    await user.type(screen.getByLabelText('The same password again'), 't');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText(/Your password is set/)).toBeTruthy();
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      password: 'a long new secret',
    });
  });

  it("shows the server's refusal under the field it names", async () => {
    mockApi({
      [`GET /api/password-links/${TOKEN}`]: () => ({
        body: { email: 'rita@example.com', name: 'Rita Rep', expiresAt: '2026-12-08T09:00:00Z' },
      }),
      [`POST /api/password-links/${TOKEN}`]: () => ({
        status: 422,
        body: {
          error: {
            code: 'validation',
            message: 'password: is a commonly used password',
            issues: [{ field: 'password', reason: 'is a commonly used password' }],
          },
        },
      }),
    });
    const user = userEvent.setup();
    renderPage();
    await user.type(await screen.findByLabelText('New password'), 'a long new secret');
    await user.type(screen.getByLabelText('The same password again'), 'a long new secret');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    // Under the field (Mantine's error element), not in the alert above the form.
    expect((await screen.findByText('Is a commonly used password')).id).toMatch(/-error$/);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says plainly when the link no longer works, and whom to ask', async () => {
    mockApi({
      [`GET /api/password-links/${TOKEN}`]: () => ({
        status: 404,
        body: { error: { code: 'not_found', message: 'Set-password link not found' } },
      }),
    });
    renderPage();
    expect(await screen.findByText(/Ask your Salesplan admin for a new link/)).toBeTruthy();
    expect(screen.queryByLabelText('New password')).toBeNull();
  });
});
