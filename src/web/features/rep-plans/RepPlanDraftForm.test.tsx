import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

// Typing long texts key by key re-renders the whole form each time; pasting is the same input.
async function fill(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}
import { commonHandlers, ids, me, mockApi, renderWithProviders } from '../../test-utils';
import { makeRepPlan, managerId, planId } from './rep-plan-fixtures';
import { RepPlanDraftForm } from './RepPlanDraftForm';

const account = (id: string, name: string) => ({ id, name });
const northwind = account('00000000-0000-4000-8000-000000000021', 'Northwind Logistics');
const contoso = account('00000000-0000-4000-8000-000000000022', 'Contoso Pharma');

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
    await fill(screen.getByLabelText('Reason for closing ratio'), 'New market');
    await userEvent.type(screen.getByLabelText('Average won deal, blank for history'), '25000');
    await fill(screen.getByLabelText('Reason for average won deal'), 'Bigger fleets');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({
      cadence: 'monthly',
      targetAccountIds: [],
      funnelInputs: {
        closingRatio: { value: 0.4, reason: 'New market' },
        meetingToOpportunityRatio: null,
        averageDealMinor: { value: 25_000_00, reason: 'Bigger fleets' },
        salesCycleDays: null,
        callsPerMeeting: null,
      },
      weeklyPlanOverrides: {},
      qualitative: { stages: [] },
    });
    const init = fetchMock.mock.calls.find(([, options]) => options?.method === 'PATCH')?.[1];
    expect((init?.headers as Record<string, string>)['If-Match']).toBe('"7"');
  });

  it('saves the sales methods and expected results written for the organisation’s stages', async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/accounts': () => ({ body: { items: [], total: 0 } }),
      [`PATCH /api/rep-plans/${planId}`]: () => ({ body: makeRepPlan({ version: 3 }) }),
    });
    renderWithProviders(<RepPlanDraftForm plan={makeRepPlan()} />);
    // The reference lists one open stage (Proposal) and a won one, which takes no methods.
    await fill(
      await screen.findByLabelText('Sales methods: Proposal'),
      'Workshop with the fleet manager',
    );
    await fill(screen.getByLabelText('Expected results: Proposal'), 'Pilot signed');
    expect(screen.queryByLabelText('Sales methods: Won')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(
      (calls.find((c) => c.method === 'PATCH')?.body as { qualitative: unknown }).qualitative,
    ).toEqual({
      stages: [
        {
          stage: 'Proposal',
          salesMethods: 'Workshop with the fleet manager',
          expectedResults: 'Pilot signed',
        },
      ],
    });
  });

  it('asks for the reason of an entered ratio at its field, without saving', async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/accounts': () => ({ body: { items: [], total: 0 } }),
    });
    renderWithProviders(<RepPlanDraftForm plan={makeRepPlan()} />);
    await userEvent.type(screen.getByLabelText('Closing ratio (%), blank for history'), '40');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(
      (await screen.findByLabelText('Reason for closing ratio')).getAttribute('aria-invalid'),
    ).toBe('true');
    expect(screen.getByText('Must not be blank')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('says at the average won deal that it has too many decimals, without saving', async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/accounts': () => ({ body: { items: [], total: 0 } }),
    });
    renderWithProviders(<RepPlanDraftForm plan={makeRepPlan()} />);
    const amount = screen.getByLabelText('Average won deal, blank for history');
    await userEvent.type(amount, '250.555');
    await fill(screen.getByLabelText('Reason for average won deal'), 'Bigger fleets');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(amount.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('enter an amount like 1234.55 (at most 2 decimals)')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('shows the server’s issues under their fields and the rest above the form', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/accounts': () => ({ body: { items: [], total: 0 } }),
      [`PATCH /api/rep-plans/${planId}`]: () => ({
        status: 422,
        body: {
          error: {
            code: 'validation_failed',
            message: 'The plan is not valid',
            issues: [
              {
                field: 'funnelInputs.closingRatio.reason',
                reason: 'say where the figure comes from',
              },
              { field: 'targetAccountIds[0]', reason: 'not one of the rep’s accounts' },
              { field: 'repId', reason: 'no such user in your team' },
            ],
          },
        },
      }),
    });
    renderWithProviders(<RepPlanDraftForm plan={makeRepPlan()} />);
    await userEvent.type(screen.getByLabelText('Closing ratio (%), blank for history'), '40');
    await fill(screen.getByLabelText('Reason for closing ratio'), 'Gut');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    const reason = screen.getByLabelText('Reason for closing ratio');
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Say where the figure comes from')).toBeTruthy();
    expect(screen.getByText('Not one of the rep’s accounts')).toBeTruthy();
    expect(
      screen.getByText('The plan is not valid (repId: no such user in your team)'),
    ).toBeTruthy();
  });

  it('offers the rep their accounts (shared pool included), filtered by segment, and keeps earlier picks', async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/accounts': ({ search }) => ({
        body: {
          items: search.get('segmentId') ? [contoso] : [northwind, contoso],
          total: 2,
        },
      }),
      [`PATCH /api/rep-plans/${planId}`]: () => ({ body: makeRepPlan({ version: 3 }) }),
    });
    renderWithProviders(<RepPlanDraftForm plan={makeRepPlan()} />);
    const picker = screen.getByRole('combobox', { name: 'Target accounts' });
    await userEvent.click(picker);
    await userEvent.click(await screen.findByRole('option', { name: 'Northwind Logistics' }));

    await userEvent.click(screen.getByRole('combobox', { name: 'Segment' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Segment A' }));
    await waitFor(() =>
      expect(calls.some((c) => c.search.get('segmentId') === ids.segment)).toBe(true),
    );
    await userEvent.click(picker);
    await userEvent.click(await screen.findByRole('option', { name: 'Contoso Pharma' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(
      (calls.find((c) => c.method === 'PATCH')?.body as { targetAccountIds: string[] })
        .targetAccountIds,
    ).toEqual([northwind.id, contoso.id]);
    // What the API checks target accounts against: the accounts the rep may work on.
    const accountCalls = calls.filter((c) => c.path === '/api/accounts');
    expect(accountCalls.every((c) => c.search.get('workableBy') === makeRepPlan().rep.id)).toBe(
      true,
    );
  });

  it('offers a manager the accounts the rep may work on', async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/me': () => ({
        body: { ...me, user: { ...me.user, id: managerId, role: 'manager', name: 'Max' } },
      }),
      'GET /api/accounts': () => ({ body: { items: [northwind], total: 1 } }),
    });
    const plan = makeRepPlan();
    renderWithProviders(<RepPlanDraftForm plan={plan} />);
    await waitFor(() => expect(calls.some((c) => c.path === '/api/accounts')).toBe(true));
    expect(calls.find((c) => c.path === '/api/accounts')?.search.get('workableBy')).toBe(
      plan.rep.id,
    );
  });
});
