import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { me, mockApi, renderWithProviders } from '../../test-utils';
import { SignInPage } from './SignInPage';

function renderSignIn() {
  return renderWithProviders(
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/accounts" element={<h1>Accounts page</h1>} />
    </Routes>,
    { route: '/sign-in', state: { from: '/accounts?status=customer' } },
  );
}

describe('SignInPage', () => {
  it('posts the credentials to /api/session and goes where the user was going', async () => {
    const api = mockApi({
      'GET /api/me': () => ({
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'Sign in first' } },
      }),
      'POST /api/session': () => ({ body: me }),
    });
    const user = userEvent.setup();
    renderSignIn();

    await user.type(await screen.findByLabelText('Email'), 'Rita@Example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Accounts page' })).toBeTruthy();
    const posts = api.calls.filter((call) => call.method === 'POST');
    expect(posts).toEqual([
      {
        method: 'POST',
        path: '/api/session',
        search: new URLSearchParams(),
        // The shared SignInInput schema trims and lower-cases the email before sending.
        body: { email: 'rita@example.com', password: 'correct horse battery' },
      },
    ]);
  });

  it("shows the server's message when the credentials are refused (401)", async () => {
    mockApi({
      'GET /api/me': () => ({
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'Sign in first' } },
      }),
      'POST /api/session': () => ({
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'Wrong email or password' } },
      }),
    });
    const user = userEvent.setup();
    renderSignIn();

    await user.type(await screen.findByLabelText('Email'), 'rita@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Wrong email or password');
    expect(screen.queryByRole('heading', { name: 'Accounts page' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
  });

  it('asks for a valid email before calling the server', async () => {
    const api = mockApi({
      'GET /api/me': () => ({
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'Sign in first' } },
      }),
    });
    const user = userEvent.setup();
    renderSignIn();

    await user.type(await screen.findByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);
  });
});
