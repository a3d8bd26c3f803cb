import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CheckIn } from '../../../schemas/check-ins';
import { formatMoney } from '../../components/money';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { CheckInForm } from './CheckInForm';
import { planId } from './rep-plan-fixtures';

const checkInId = '00000000-0000-4000-8000-000000000600';
const checkIn: CheckIn = {
  id: checkInId,
  repPlanId: planId,
  periodStart: '2026-11-01',
  periodEnd: '2026-11-30',
  dueOn: '2026-11-30',
  status: 'due',
  isOverdue: false,
  heldOn: null,
  resultingVersionNumber: null,
  planVsActual: {
    asOf: '2026-11-25',
    activities: [
      { activityType: 'call', planned: 8, done: 3, isBehind: true },
      { activityType: 'meeting', planned: 2, done: 2, isBehind: false },
    ],
    targets: [
      {
        key: 'total',
        label: 'Total',
        targetToDateMinor: 900_00,
        wonToDateMinor: 600_00,
        gapMinor: 300_00,
        isBehind: true,
      },
    ],
  },
  discrepancies: '',
  difficulties: '',
  adjustments: '',
};

describe('CheckInForm', () => {
  it('shows plan vs actual with the shortfalls in red and records what was said', async () => {
    const onClose = vi.fn();
    const { calls } = mockApi({
      ...commonHandlers,
      [`GET /api/rep-plans/${planId}/check-ins/${checkInId}`]: () => ({ body: checkIn }),
      [`POST /api/rep-plans/${planId}/check-ins/${checkInId}`]: () => ({
        body: { ...checkIn, status: 'held' },
      }),
    });
    renderWithProviders(
      <CheckInForm planId={planId} checkInId={checkInId} currency="EUR" onClose={onClose} />,
    );
    const activities = await screen.findByRole('table', { name: 'Activities plan vs actual' });
    const [call, meeting] = within(activities).getAllByRole('row').slice(1);
    expect(call?.textContent).toBe('call83');
    expect(within(call as HTMLElement).getByText('3').style.color).toContain('red');
    expect(within(meeting as HTMLElement).getAllByText('2')[1]?.style.color).toBe('');
    const targets = screen.getByRole('table', { name: 'Targets to date' });
    expect(within(targets).getByText(formatMoney(600_00, 'EUR')).style.color).toContain('red');

    await userEvent.type(screen.getByLabelText('Difficulties'), 'Budget freeze');
    await userEvent.click(screen.getByRole('button', { name: 'Record check-in' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      discrepancies: '',
      difficulties: 'Budget freeze',
      adjustments: '',
    });
  });
});
