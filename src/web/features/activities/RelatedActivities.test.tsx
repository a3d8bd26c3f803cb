import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Activity } from '../../../schemas/activities';
import { commonHandlers, ids, mockApi, renderWithProviders } from '../../test-utils';
import { RelatedActivities } from './RelatedActivities';

const call: Activity = {
  id: '00000000-0000-4000-8000-000000000300',
  type: 'call',
  typeLabel: 'Call',
  status: 'done',
  occursOn: '2026-11-20',
  ownerId: ids.user,
  ownerName: 'Rita Rep',
  accountId: ids.account,
  accountName: 'Northwind Logistics',
  opportunityId: null,
  opportunityName: null,
  contactId: null,
  contactName: null,
  externalId: null,
  subject: 'Budget call',
  outcome: null,
  createdAt: '2026-11-20T09:00:00Z',
  updatedAt: '2026-11-20T09:00:00Z',
};

describe('RelatedActivities', () => {
  it("asks for the account's latest activities and says how many more there are", async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/activities': () => ({ body: { items: [call], total: 7 } }),
    });
    renderWithProviders(
      <RelatedActivities
        title="Recent activities"
        filter={{ accountId: ids.account }}
        pageSize={1}
        defaults={{ accountId: ids.account, accountName: 'Northwind Logistics' }}
        empty={{ title: 'No activities', description: 'Plan one.' }}
      />,
    );
    const subject = await screen.findByText('Budget call');
    const table = subject.closest('table') as HTMLElement;
    expect(within(table).queryByText('Northwind Logistics')).toBeNull();
    expect(screen.getByText('Latest 1 of 7')).toBeTruthy();
    const request = calls.find((c) => c.path === '/api/activities');
    expect(request?.search.get('accountId')).toBe(ids.account);
    expect(request?.search.get('sort')).toBe('occursOn');
    expect(request?.search.get('order')).toBe('desc');
  });

  it('disables "New activity" with the reason, and says when there is none', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/activities': () => ({ body: { items: [], total: 0 } }),
    });
    renderWithProviders(
      <RelatedActivities
        title="Activities"
        filter={{ opportunityId: '00000000-0000-4000-8000-000000000100' }}
        pageSize={50}
        defaults={{ opportunityId: '00000000-0000-4000-8000-000000000100' }}
        empty={{ title: 'No activities on this deal', description: 'Plan the next meeting.' }}
        cannotAddReason="Link the deal to an account first"
      />,
    );
    expect(await screen.findByText('No activities on this deal')).toBeTruthy();
    const button = screen.getByRole('button', { name: /New activity/ });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(button.getAttribute('title')).toBe('Link the deal to an account first');
  });

  it('logs a done call of today on the deal in two clicks', async () => {
    const api = mockApi({
      ...commonHandlers,
      'GET /api/activities': () => ({ body: { items: [], total: 0 } }),
      'GET /api/opportunities': () => ({ body: { items: [], total: 0 } }),
      'GET /api/contacts': () => ({ body: { items: [], total: 0 } }),
      'POST /api/activities': (request) => ({
        status: 201,
        body: { ...call, ...(request.body as object), id: 'new' },
      }),
    });
    const user = userEvent.setup();
    const opportunityId = '00000000-0000-4000-8000-000000000100';
    renderWithProviders(
      <RelatedActivities
        title="Activities"
        filter={{ opportunityId }}
        pageSize={50}
        defaults={{ accountId: ids.account, accountName: 'Northwind Logistics', opportunityId }}
        empty={{ title: 'No activities on this deal', description: 'Plan the next meeting.' }}
      />,
    );

    await user.click(await screen.findByRole('button', { name: 'Log a call' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log a call' });
    // The save button has the focus: Enter would log it too.
    const save = within(dialog).getByRole('button', { name: 'Log activity' });
    await vi.waitFor(() => expect(document.activeElement).toBe(save));
    await user.click(save);

    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(api.calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      type: 'call',
      status: 'done',
      occursOn: new Date().toISOString().slice(0, 10),
      accountId: ids.account,
      opportunityId,
    });
  });
});
