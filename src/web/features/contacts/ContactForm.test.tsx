import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { commonHandlers, ids, mockApi, renderWithProviders } from '../../test-utils';
import { ContactForm } from './ContactForm';

function errorOf(input: HTMLElement): string {
  const describedBy = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return describedBy.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('ContactForm', () => {
  it('checks the email with the shared schema and sends blanks as null', async () => {
    const onSaved = vi.fn();
    const api = mockApi({
      ...commonHandlers,
      'POST /api/contacts': (call) => ({
        status: 201,
        body: { id: 'new', accountName: 'Northwind', ...(call.body as object) },
      }),
    });
    const user = userEvent.setup();
    renderWithProviders(
      <ContactForm accountId={ids.account} onSaved={onSaved} onCancel={vi.fn()} />,
    );

    await user.type(screen.getByLabelText(/^Last name/), 'Lovelace');
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    expect(errorOf(screen.getByLabelText('Email'))).toMatch(/^Invalid email/);
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);

    await user.clear(screen.getByLabelText('Email'));
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      accountId: ids.account,
      firstName: '',
      lastName: 'Lovelace',
      title: null,
      email: null,
      phone: null,
      externalId: null,
    });
  });
});
