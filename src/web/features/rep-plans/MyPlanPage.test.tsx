import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { RepPlan } from '../../../schemas/rep-plans';
import { makeRepPlan, planId, year } from './rep-plan-fixtures';
import { formatMoney } from '../../components/money';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { MyPlanPage } from './MyPlanPage';

const listOf = (plans: RepPlan[]) => ({
  body: {
    items: plans.map(({ id, version, state, year: y, cadence, rep, manager }) => ({
      id,
      version,
      state,
      year: y,
      cadence,
      rep,
      manager,
    })),
    total: plans.length,
  },
});

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/my-plan" element={<MyPlanPage />} />
    </Routes>,
    { route: '/my-plan' },
  );
}

describe('MyPlanPage', () => {
  it('shows the targets, the funnel with its ratio sources and the weekly numbers', async () => {
    const plan = makeRepPlan();
    mockApi({
      ...commonHandlers,
      'GET /api/rep-plans': () => listOf([plan]),
      [`GET /api/rep-plans/${planId}`]: () => ({ body: plan }),
    });
    renderPage();
    expect(await screen.findByText(`Targets ${formatMoney(2_000_000_00, 'EUR')}`)).toBeTruthy();
    const segments = screen.getByRole('table', { name: 'Targets by segment' });
    expect(
      within(segments)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual([
      `Segment A${formatMoney(1_500_000_00, 'EUR')}`,
      `Other${formatMoney(500_000_00, 'EUR')}`,
    ]);
    expect(screen.getByText('from 3 won, 2 lost')).toBeTruthy();
    expect(screen.getByText(/entered: New product line/)).toBeTruthy();
    expect(screen.getByText('324')).toBeTruthy();
    const week = screen.getByLabelText('Weekly plan');
    expect(week.textContent).toBe('65first meetings260calls1meetings');
  });

  it('proposes the draft through the transitions endpoint', async () => {
    let current = makeRepPlan();
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/rep-plans': () => listOf([current]),
      [`GET /api/rep-plans/${planId}`]: () => ({ body: current }),
      [`POST /api/rep-plans/${planId}/transitions`]: () => {
        current = makeRepPlan({ state: 'proposed', allowedTransitions: ['draft'] });
        return { body: current };
      },
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Propose to my manager' }));
    expect(await screen.findByRole('button', { name: 'Send back to draft' })).toBeTruthy();
    expect(screen.getByText('proposed')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ to: 'proposed' });
  });

  it('signs a proposed plan as the rep and shows a refusal with the server’s reason', async () => {
    const plan = makeRepPlan({ state: 'proposed', allowedTransitions: ['draft'] });
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/rep-plans': () => listOf([plan]),
      [`GET /api/rep-plans/${planId}`]: () => ({ body: plan }),
      [`POST /api/rep-plans/${planId}/signatures`]: () => ({
        status: 409,
        body: { error: { code: 'conflict', message: 'The rep has already signed this plan.' } },
      }),
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Sign' }));
    expect(await screen.findByText('The rep has already signed this plan.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ as: 'rep' });
  });

  it('offers to start a plan when the rep has none for the year, and shows next year’s planning task', async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/planning-calendar': () => ({
        body: {
          year: year + 1,
          fiscalYearStart: `${year + 1}-01`,
          planningOpensOn: `${year}-10-01`,
          isPlanningOpen: true,
          tasks: [
            {
              kind: 'rep_plan',
              title: `Build and agree your ${year + 1} plan with your manager`,
              from: `${year}-10-01`,
              dueOn: `${year}-12-31`,
              isDone: false,
            },
            {
              kind: 'inspection',
              title: 'Q1 inspection of the plans',
              from: `${year + 1}-01-01`,
              dueOn: `${year + 1}-03-31`,
              isDone: false,
            },
          ],
        },
      }),
      'GET /api/rep-plans': () => listOf([]),
      'POST /api/rep-plans': () => ({ status: 201, body: makeRepPlan() }),
    });
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: `Start my ${year} plan` }));
    const tasks = await screen.findByLabelText('Planning calendar');
    expect(tasks.textContent).toContain(
      `to doBuild and agree your ${year + 1} plan with your manager, by`,
    );
    expect(tasks.textContent).not.toContain('inspection');
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ year, cadence: 'monthly' }),
    );
  });
});
