import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { ApiTokensPage } from './ApiTokensPage';

function errorOf(input: HTMLElement): string {
  const describedBy = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return describedBy.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('ApiTokensPage', () => {
  it("refuses a blank name, then shows the server's expiresInDays issue under Expires after", async () => {
    const api = mockApi({
      ...commonHandlers,
      'GET /api/tokens': () => ({ body: { items: [], total: 0 } }),
      'POST /api/tokens': () => ({
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'The request is not valid',
            issues: [{ field: 'body.expiresInDays', reason: 'is longer than your policy allows' }],
          },
        },
      }),
    });
    const user = userEvent.setup();
    renderWithProviders(<ApiTokensPage />);

    await user.click(await screen.findByRole('button', { name: 'New token' }));
    const form = await screen.findByRole('form', { name: 'New API token' });
    await user.click(within(form).getByRole('button', { name: 'Create token' }));
    expect(errorOf(within(form).getByLabelText(/^Name/))).toContain('Must not be blank');
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);

    await user.type(within(form).getByLabelText(/^Name/), 'Nightly CRM sync');
    await user.click(within(form).getByRole('button', { name: 'Create token' }));
    await vi.waitFor(() =>
      expect(errorOf(within(form).getByRole('combobox', { name: 'Expires after' }))).toContain(
        'Is longer than your policy allows',
      ),
    );
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      name: 'Nightly CRM sync',
      expiresInDays: 90,
    });
  });
});
