import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TeamPlan } from '../../../schemas/team-plans';
import { commonHandlers, ids, mockApi, renderWithProviders } from '../../test-utils';
import { TeamPlanView } from './TeamPlanView';

const planId = '00000000-0000-4000-8000-000000000700';
const plan: TeamPlan = {
  id: planId,
  version: 2,
  year: 2026,
  manager: { id: ids.user, name: 'Max Manager' },
  answers: {
    whoIsOurCustomer: 'Logistics firms',
    whatDoesTheCustomerValue: 'Uptime',
    whatIsOurMission: '',
    whatIsOurPlan: 'Win segment A',
    whatAreOurDesiredResults: '+20%',
  },
  objectives: [
    {
      id: 'o1',
      title: 'Grow segment A',
      goals: [
        {
          id: 'g1',
          area: 'sales',
          title: 'More first meetings',
          activities: [
            {
              id: 'a1',
              title: 'Prospecting calls',
              ownerId: null,
              startsOn: '2026-01-01',
              endsOn: '2026-12-31',
              metric: 'calls done',
              metricSource: 'activities:call',
              targetValue: 10,
              progress: { actual: 3, ratio: 0.3 },
            },
            {
              id: 'a2',
              title: 'Trade show',
              ownerId: null,
              startsOn: null,
              endsOn: null,
              metric: 'booth visitors',
              metricSource: null,
              targetValue: null,
              progress: null,
            },
          ],
        },
      ],
    },
  ],
};

describe('TeamPlanView', () => {
  it('shows the five answers and the activities with progress counted from the data', async () => {
    mockApi({
      ...commonHandlers,
      'GET /api/team-plans': () => ({ body: { items: [plan], total: 1 } }),
      [`GET /api/team-plans/${planId}`]: () => ({ body: plan }),
    });
    renderWithProviders(<TeamPlanView year={2026} canStart={false} />);
    const card = await screen.findByLabelText('Team plan of Max Manager');
    expect(within(card).getByText('What is our mission?').nextSibling?.textContent).toBe('—');
    const goal = within(card).getByRole('table', { name: 'More first meetings' });
    const rows = within(goal).getAllByRole('row').slice(1);
    expect(rows[0]?.textContent).toContain('3 of 10 calls done');
    expect(within(rows[0] as HTMLElement).getByRole('progressbar')).toBeTruthy();
    expect(rows[1]?.textContent).toContain('booth visitors');
    expect(within(rows[1] as HTMLElement).queryByRole('progressbar')).toBeNull();
  });

  it('lets a manager start the year’s plan when there is none', async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/team-plans': () => ({ body: { items: [], total: 0 } }),
      'POST /api/team-plans': () => ({ status: 201, body: plan }),
    });
    renderWithProviders(<TeamPlanView year={2026} canStart />);
    await userEvent.click(await screen.findByRole('button', { name: 'Start the 2026 team plan' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ year: 2026 }),
    );
  });
});
