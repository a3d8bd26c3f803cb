import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
});
