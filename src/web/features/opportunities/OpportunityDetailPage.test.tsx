import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../components/money';
import { commonHandlers, makeOpportunity, mockApi, renderWithProviders } from '../../test-utils';
import { OpportunityDetailPage } from './OpportunityDetailPage';

const deal = { ...makeOpportunity({ amountMinor: 12_345 }), stageHistory: [] };

function renderDetail() {
  return renderWithProviders(
    <Routes>
      <Route path="/opportunities/:opportunityId" element={<OpportunityDetailPage />} />
      <Route path="/opportunities" element={<h1>The list</h1>} />
    </Routes>,
    { route: `/opportunities/${deal.id}` },
  );
}

describe('OpportunityDetailPage', () => {
  it("shows the weighted value as the domain rounds it (amount × the stage's probability)", async () => {
    mockApi({
      ...commonHandlers,
      [`GET /api/opportunities/${deal.id}`]: () => ({ body: deal }),
      'GET /api/activities': () => ({ body: { items: [], total: 0 } }),
    });
    renderDetail();

    const label = await screen.findByText('Weighted value');
    const item = label.parentElement as HTMLElement;
    // 12,345 × 50% = 6,172.5 minor units, rounded half up to 6,173.
    expect(within(item).getByText(`${formatMoney(6_173, 'EUR')} (50%)`)).toBeTruthy();
  });

  it('deletes after asking, says so, and goes back to the list', async () => {
    const api = mockApi({
      ...commonHandlers,
      [`GET /api/opportunities/${deal.id}`]: () => ({ body: deal }),
      'GET /api/activities': () => ({ body: { items: [], total: 0 } }),
      [`DELETE /api/opportunities/${deal.id}`]: () => ({ status: 204 }),
    });
    const user = userEvent.setup();
    renderDetail();

    await user.click(await screen.findByRole('button', { name: 'Delete deal' }));
    const dialog = await screen.findByRole('dialog', { name: `Delete ${deal.name}?` });
    await user.click(within(dialog).getByRole('button', { name: 'Delete deal' }));

    expect(await screen.findByRole('heading', { name: 'The list' })).toBeTruthy();
    expect(await screen.findByText('Deal deleted')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'DELETE')).toBe(true);
  });
});
