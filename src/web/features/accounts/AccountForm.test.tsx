import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { AccountForm } from './AccountForm';

/** The text of the element that describes an input (Mantine links its error that way). */
function errorOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('AccountForm', () => {
  it("shows a server 400 issue on `name` under the Name field, not in the form's alert", async () => {
    const onSaved = vi.fn();
    const api = mockApi({
      ...commonHandlers,
      'POST /api/accounts': () => ({
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'The request is not valid',
            issues: [{ field: 'body.name', reason: 'is already used by another account' }],
          },
        },
      }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AccountForm onSaved={onSaved} />);

    const name = await screen.findByLabelText(/^Name/);
    await user.type(name, 'Northwind Logistics');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Is already used by another account')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(name)).toContain('Is already used by another account');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
    const post = api.calls.find((call) => call.method === 'POST');
    expect(post?.body).toEqual({
      name: 'Northwind Logistics',
      status: 'prospect',
      segmentId: null,
      ownerId: null,
      territoryId: null,
      industry: null,
      country: null,
      employees: null,
      annualRevenueMinor: null,
      parentName: null,
      website: null,
      externalId: null,
    });
  });

  it('sends annual revenue in exact minor units and reports the saved account', async () => {
    const onSaved = vi.fn();
    const api = mockApi({
      ...commonHandlers,
      'POST /api/accounts': (call) => ({
        status: 201,
        body: { id: 'new-id', ...(call.body as object) },
      }),
    });
    const user = userEvent.setup();
    renderWithProviders(<AccountForm onSaved={onSaved} />);

    await user.type(await screen.findByLabelText(/^Name/), 'Contoso');
    await user.type(screen.getByLabelText('Annual revenue'), '1234567.89');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const post = api.calls.find((call) => call.method === 'POST');
    expect(post?.body).toMatchObject({ name: 'Contoso', annualRevenueMinor: 123456789 });
  });

  it('refuses a blank name without calling the server', async () => {
    const api = mockApi(commonHandlers);
    const user = userEvent.setup();
    renderWithProviders(<AccountForm onSaved={vi.fn()} />);

    await user.click(await screen.findByRole('button', { name: 'Create account' }));

    expect(errorOf(screen.getByLabelText(/^Name/))).toContain('Must not be blank');
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);
  });
});
