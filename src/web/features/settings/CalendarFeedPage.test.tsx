import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { CalendarFeedPage } from './CalendarFeedPage';

const URL = 'http://localhost/api/calendar-feed/cal_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

describe('CalendarFeedPage', () => {
  it('creates the address and shows it once, with a webcal link to subscribe', async () => {
    let createdAt: string | null = null;
    const api = mockApi({
      ...commonHandlers,
      'GET /api/calendar-feed': () => ({ body: { createdAt } }),
      'POST /api/calendar-feed': () => {
        createdAt = '2026-12-01T10:00:00.000Z';
        return { body: { url: URL } };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<CalendarFeedPage />);

    expect(await screen.findByText('You have no calendar address yet.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Create address' }));
    expect((await screen.findByLabelText('Calendar address')).textContent).toBe(URL);
    expect(screen.getByRole('link', { name: 'Open in my calendar app' }).getAttribute('href')).toBe(
      URL.replace('http:', 'webcal:'),
    );
    expect(await screen.findByRole('button', { name: 'Replace address' })).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(1);
  });

  it('revokes an existing address after asking', async () => {
    let createdAt: string | null = '2026-11-20T08:00:00.000Z';
    const api = mockApi({
      ...commonHandlers,
      'GET /api/calendar-feed': () => ({ body: { createdAt } }),
      'DELETE /api/calendar-feed': () => {
        createdAt = null;
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<CalendarFeedPage />);

    expect(await screen.findByText(/Your calendar address was made/)).toBeTruthy();
    expect(screen.queryByLabelText('Calendar address')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke the calendar address?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke address' }));
    expect(await screen.findByText('You have no calendar address yet.')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'DELETE')).toBe(true);
  });
});
