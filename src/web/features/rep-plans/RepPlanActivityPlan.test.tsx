import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { commonHandlers, ids, mockApi, renderWithProviders } from '../../test-utils';
import { RepPlanActivityPlan } from './RepPlanActivityPlan';

describe('RepPlanActivityPlan', () => {
  it('shows each activity type for this month and the year, the capacity, and accounts without norms', async () => {
    mockApi(commonHandlers);
    renderWithProviders(
      <RepPlanActivityPlan
        activityPlan={{
          yearly: { call: 48, meeting: 10 },
          monthly: [
            { month: '2026-10', counts: { call: 4, meeting: 1 } },
            { month: '2026-11', counts: { call: 6 } },
          ],
          accountsWithoutNorms: [ids.account],
          capacity: {
            hoursPerYear: 1_450,
            sellingHoursPerYear: 1_300,
            findings: [
              {
                code: 'over_capacity',
                severity: 'warning',
                message: 'The plan needs more hours than the rep sells.',
              },
            ],
          },
        }}
        targetAccounts={[
          { accountId: ids.account, name: 'Northwind', segmentId: null, status: 'prospect' },
        ]}
        month="2026-11"
      />,
    );
    await screen.findByText('Call');
    const table = screen.getByRole('table', { name: 'Planned activities' });
    // "Call" from the organisation's activity types; a type it does not list keeps its key.
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['Call648', 'meeting010']);
    expect(screen.getByText('1,450 h of 1,300 h selling time')).toBeTruthy();
    expect(screen.getByText('The plan needs more hours than the rep sells.')).toBeTruthy();
    expect(screen.getByText(/No norms for Northwind/)).toBeTruthy();
  });
});
