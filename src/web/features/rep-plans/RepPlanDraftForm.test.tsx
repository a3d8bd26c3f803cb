import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { makeRepPlan, planId } from './rep-plan-fixtures';
import { RepPlanDraftForm } from './RepPlanDraftForm';

describe('RepPlanDraftForm', () => {
  it('saves the draft with If-Match set to the version it shows', async () => {
    const plan = makeRepPlan({ version: 7 });
    const { calls, fetchMock } = mockApi({
      ...commonHandlers,
      'GET /api/accounts': () => ({ body: { items: [], total: 0 } }),
      [`PATCH /api/rep-plans/${planId}`]: () => ({ body: makeRepPlan({ version: 8 }) }),
    });
    renderWithProviders(<RepPlanDraftForm plan={plan} />);
    await userEvent.type(screen.getByLabelText('Closing ratio (%), blank for history'), '40');
    await userEvent.type(screen.getAllByLabelText('Reason')[0] as HTMLElement, 'New market');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({
      cadence: 'monthly',
      targetAccountIds: [],
      funnelInputs: {
        closingRatio: { value: 0.4, reason: 'New market' },
        meetingToOpportunityRatio: null,
      },
    });
    const init = fetchMock.mock.calls.find(([, options]) => options?.method === 'PATCH')?.[1];
    expect((init?.headers as Record<string, string>)['If-Match']).toBe('"7"');
    const accountsCall = calls.find((c) => c.path === '/api/accounts');
    expect(accountsCall?.search.get('ownerId')).toBe(plan.rep.id);
  });
});
