import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { KeyAccountReviewsDue } from './KeyAccountReviewsDue';

const rep = '00000000-0000-4000-8000-0000000000a1';
const other = '00000000-0000-4000-8000-0000000000a2';
const item = (n: number, ownerId: string, plan: Record<string, unknown>) => ({
  accountId: `00000000-0000-4000-8000-00000000000${n}`,
  accountName: `Account ${n}`,
  ownerId,
  ownerName: ownerId === rep ? 'Rita Rep' : 'Otto Other',
  score: 1 - n / 10,
  isProposed: true,
  planVersion: 2,
  repSignedAt: '2026-09-01T10:00:00.000Z',
  managerAcknowledgedAt: '2026-09-02T10:00:00.000Z',
  nextReviewDue: '2026-12-01',
  isReviewDue: false,
  ...plan,
});

describe('KeyAccountReviewsDue', () => {
  it('lists what each of the owners’ plans waits for, a review due first, the rest left out', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/key-accounts': () => ({
        body: {
          fiscalYear: 2026,
          total: 5,
          items: [
            item(1, rep, { planVersion: 0, repSignedAt: null, managerAcknowledgedAt: null }),
            item(2, rep, {}),
            item(3, rep, { managerAcknowledgedAt: null }),
            item(4, rep, { isReviewDue: true, nextReviewDue: '2026-11-02' }),
            item(5, other, { isReviewDue: true }),
          ],
        },
      }),
    });
    renderWithProviders(<KeyAccountReviewsDue ownerIds={[rep]} showOwner={false} />);
    const section = await screen.findByRole('region', { name: 'Key-account reviews due' });
    expect(section.textContent).toContain('4 key accounts in 2026, 3 waiting for something:');
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Account 4Review due since Nov 2, 2026',
      'Account 1Plan not written',
      'Account 3Waiting for the manager’s acknowledgement',
    ]);
    expect(within(section).getByRole('link', { name: 'Account 4' }).getAttribute('href')).toBe(
      '/key-accounts/00000000-0000-4000-8000-000000000004',
    );
  });

  it('draws nothing for someone without key accounts', async () => {
    const api = mockApi({
      ...commonHandlers,
      'GET /api/key-accounts': () => ({ body: { fiscalYear: 2026, total: 0, items: [] } }),
    });
    const { container } = renderWithProviders(
      <KeyAccountReviewsDue frame={(content) => <div data-testid="frame">{content}</div>} />,
    );
    await vi.waitFor(() =>
      expect(api.calls.some((c) => c.path === '/api/key-accounts')).toBe(true),
    );
    // Let the answer land and render before looking.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(container.querySelector('[data-testid="frame"]')).toBeNull();
  });
});
