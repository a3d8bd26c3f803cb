import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { commonHandlers, ids, mockApi, renderWithProviders } from '../../test-utils';
import { ActivityForm } from './ActivityForm';

function errorOf(input: HTMLElement): string {
  const describedBy = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return describedBy.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('ActivityForm', () => {
  it("says which pickers to fill, in the schema's words, without calling the server", async () => {
    const api = mockApi(commonHandlers);
    const user = userEvent.setup();
    renderWithProviders(<ActivityForm onSaved={vi.fn()} />);

    await user.click(await screen.findByRole('button', { name: 'Plan activity' }));

    expect(errorOf(screen.getByRole('combobox', { name: /^Type/ }))).toContain('Pick a type');
    expect(errorOf(screen.getByRole('combobox', { name: /^Account/ }))).toContain(
      'Pick an account',
    );
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('plans an activity on the account it was opened from', async () => {
    const onSaved = vi.fn();
    const api = mockApi({
      ...commonHandlers,
      'GET /api/opportunities': () => ({ body: { items: [], total: 0 } }),
      'GET /api/contacts': () => ({ body: { items: [], total: 0 } }),
      'POST /api/activities': (call) => ({
        status: 201,
        body: { id: 'new', typeLabel: 'Call', accountName: 'Northwind', ...(call.body as object) },
      }),
    });
    const user = userEvent.setup();
    renderWithProviders(
      <ActivityForm
        onSaved={onSaved}
        defaults={{ accountId: ids.account, accountName: 'Northwind' }}
      />,
    );

    await user.click(await screen.findByRole('combobox', { name: /^Type/ }));
    await user.click(await screen.findByRole('option', { name: 'Call' }));
    await user.type(screen.getByLabelText('Subject'), '  First call ');
    await user.click(screen.getByRole('button', { name: 'Plan activity' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const post = api.calls.find((call) => call.method === 'POST');
    expect(post?.body).toMatchObject({
      type: 'call',
      status: 'planned',
      accountId: ids.account,
      subject: 'First call',
      opportunityId: null,
      contactId: null,
      outcome: null,
    });
  });
});
