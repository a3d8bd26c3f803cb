import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../App';
import { commonHandlers, mockApi, renderWithProviders } from '../test-utils';
import { AppLayout } from './AppLayout';

// React reports an error a boundary caught with console.error; here that error is the point.
function expectRenderErrors() {
  return vi.spyOn(console, 'error').mockImplementation(() => undefined);
}

let isBroken = true;
function BrokenPage(): React.ReactNode {
  if (isBroken) throw new Error('items is not iterable');
  return <h1>Fixed page</h1>;
}

function renderLayout(route: string) {
  return renderWithProviders(
    <Routes>
      <Route element={<AppLayout userMenu={null} />}>
        <Route path="/" element={<h1>Start page</h1>} />
        <Route path="/broken" element={<BrokenPage />} />
      </Route>
    </Routes>,
    { route },
  );
}

describe('RouteErrorBoundary', () => {
  it('shows a message with a way back when a page throws while rendering, and keeps the navigation', async () => {
    isBroken = true;
    const consoleError = expectRenderErrors();
    const user = userEvent.setup();
    renderLayout('/broken');

    expect(await screen.findByText('This page could not be shown')).toBeTruthy();
    expect(screen.getByText('items is not iterable')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(consoleError).toHaveBeenCalled();

    await user.click(screen.getByRole('link', { name: 'Go to the start page' }));
    expect(await screen.findByRole('heading', { name: 'Start page' })).toBeTruthy();
  });

  it('renders the page again on "Try again"', async () => {
    isBroken = true;
    expectRenderErrors();
    const user = userEvent.setup();
    renderLayout('/broken');

    await screen.findByText('This page could not be shown');
    isBroken = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { name: 'Fixed page' })).toBeTruthy();
  });

  it('catches a real route of the app: a list answer of the wrong shape shows the message, not a blank app', async () => {
    expectRenderErrors();
    mockApi({
      ...commonHandlers,
      'GET /api/accounts': () => ({ body: { items: null, total: 3 } }),
    });
    renderWithProviders(<AppRoutes />, { route: '/accounts' });

    // The whole app renders here (layout, session, the list page): allow a loaded machine time.
    expect(
      await screen.findByText('This page could not be shown', {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the start page' })).toBeTruthy();
  });
});
