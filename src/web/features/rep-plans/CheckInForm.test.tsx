import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CheckIn } from '../../../schemas/check-ins';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { CheckInForm } from './CheckInForm';
import { makeRepPlan, planId } from './rep-plan-fixtures';

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
  canRecord: true,
  warnings: [],
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
        unconverted: [{ currency: 'CHF', count: 3, amountMinor: 500_00 }],
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
      <CheckInForm
        plan={makeRepPlan({ state: 'agreed' })}
        checkInId={checkInId}
        canRevise={false}
        onClose={onClose}
      />,
    );
    const activities = await screen.findByRole('table', { name: 'Activities plan vs actual' });
    const [call, meeting] = within(activities).getAllByRole('row').slice(1);
    expect(call?.textContent).toBe('Call83');
    expect(within(call as HTMLElement).getByText('3').style.color).toContain('red');
    expect(within(meeting as HTMLElement).getAllByText('2')[1]?.style.color).toBe('');
    const targets = screen.getByRole('table', { name: 'Targets to date' });
    // €600 of €900 due: 66.7%, under 80%, so behind in red, as on the dashboards.
    expect(within(targets).getByText('Behind target').style.color).toContain('red');
    expect(screen.getByText('Left out of won to date: 3 deals in CHF have no rate')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Difficulties'), 'Budget freeze');
    await userEvent.click(screen.getByRole('button', { name: 'Record check-in' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      discrepancies: '',
      difficulties: 'Budget freeze',
      adjustments: '',
    });
    expect(screen.queryByLabelText(/Agree plan changes/)).toBeNull();
  });

  it('records agreed plan changes, asking at the field for the adjustment they need', async () => {
    const onClose = vi.fn();
    const plan = makeRepPlan({
      state: 'agreed',
      canEdit: false,
      funnelInputs: { closingRatio: { value: 0.6, reason: 'Last year' } },
    });
    let posts = 0;
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/accounts': () => ({ body: { items: [], total: 0 } }),
      [`GET /api/rep-plans/${planId}/check-ins/${checkInId}`]: () => ({ body: checkIn }),
      [`POST /api/rep-plans/${planId}/check-ins/${checkInId}`]: () =>
        ++posts === 1
          ? {
              status: 422,
              body: {
                error: {
                  code: 'validation_failed',
                  message: 'adjustments: say what was agreed',
                  issues: [{ field: 'adjustments', reason: 'say what was agreed' }],
                },
              },
            }
          : { body: { ...checkIn, status: 'held', resultingVersionNumber: 2 } },
    });
    renderWithProviders(
      <CheckInForm plan={plan} checkInId={checkInId} canRevise onClose={onClose} />,
    );
    await userEvent.click(
      await screen.findByLabelText('Agree plan changes (makes a revised version)'),
    );
    const changes = screen.getByRole('group', { name: 'Agreed plan changes' });
    const closing = within(changes).getByLabelText('Closing ratio (%), blank for history');
    expect((closing as HTMLInputElement).value).toBe('60');
    await userEvent.clear(closing);
    await userEvent.type(closing, '45');
    const reason = within(changes).getByLabelText('Reason for closing ratio');
    await userEvent.clear(reason);
    await userEvent.paste('Price rise');
    await userEvent.click(screen.getByRole('button', { name: 'Record check-in' }));

    const adjustments = screen.getByLabelText(/Agreed adjustments/);
    await waitFor(() => expect(adjustments.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Say what was agreed')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();

    await userEvent.click(adjustments);
    await userEvent.paste('Closing ratio 45% after the price rise');
    await userEvent.click(screen.getByRole('button', { name: 'Record check-in' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [first, second] = calls.filter((c) => c.method === 'POST');
    // Only what changed goes with the check-in: the funnel, not the unchanged accounts or texts.
    const planChanges = {
      funnelInputs: {
        closingRatio: { value: 0.45, reason: 'Price rise' },
        meetingToOpportunityRatio: null,
        averageDealMinor: null,
        salesCycleDays: null,
        callsPerMeeting: null,
      },
    };
    expect(first?.body).toEqual({
      discrepancies: '',
      difficulties: '',
      adjustments: '',
      planChanges,
    });
    expect(second?.body).toEqual({
      discrepancies: '',
      difficulties: '',
      adjustments: 'Closing ratio 45% after the price rise',
      planChanges,
    });
    expect(await screen.findByText(/^The agreed changes are kept as version 2\. /)).toBeTruthy();
  });

  it('shows a server issue on an agreed override at that field of the plan changes', async () => {
    const plan = makeRepPlan({ state: 'agreed', canEdit: false });
    mockApi({
      ...commonHandlers,
      'GET /api/accounts': () => ({ body: { items: [], total: 0 } }),
      [`GET /api/rep-plans/${planId}/check-ins/${checkInId}`]: () => ({ body: checkIn }),
      [`POST /api/rep-plans/${planId}/check-ins/${checkInId}`]: () => ({
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'planChanges.funnelInputs.closingRatio.reason: is too long',
            issues: [
              { field: 'planChanges.funnelInputs.closingRatio.reason', reason: 'is too long' },
            ],
          },
        },
      }),
    });
    renderWithProviders(
      <CheckInForm plan={plan} checkInId={checkInId} canRevise onClose={vi.fn()} />,
    );
    await userEvent.click(
      await screen.findByLabelText('Agree plan changes (makes a revised version)'),
    );
    const changes = screen.getByRole('group', { name: 'Agreed plan changes' });
    await userEvent.type(
      within(changes).getByLabelText('Closing ratio (%), blank for history'),
      '45',
    );
    await userEvent.click(within(changes).getByLabelText('Reason for closing ratio'));
    await userEvent.paste('Price rise');
    await userEvent.click(screen.getByLabelText(/Agreed adjustments/));
    await userEvent.paste('Closing ratio 45%');
    await userEvent.click(screen.getByRole('button', { name: 'Record check-in' }));

    const reason = within(changes).getByLabelText('Reason for closing ratio');
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(within(changes).getByText('Is too long')).toBeTruthy();
    // Placed at its field, so not repeated above the form.
    expect(screen.queryByText(/planChanges\.funnelInputs/)).toBeNull();
  });

  it('asks for the reason of an agreed override at its field, without recording', async () => {
    const { calls } = mockApi({
      ...commonHandlers,
      'GET /api/accounts': () => ({ body: { items: [], total: 0 } }),
      [`GET /api/rep-plans/${planId}/check-ins/${checkInId}`]: () => ({ body: checkIn }),
    });
    renderWithProviders(
      <CheckInForm
        plan={makeRepPlan({ state: 'agreed', canEdit: false })}
        checkInId={checkInId}
        canRevise
        onClose={vi.fn()}
      />,
    );
    await userEvent.click(
      await screen.findByLabelText('Agree plan changes (makes a revised version)'),
    );
    const changes = screen.getByRole('group', { name: 'Agreed plan changes' });
    await userEvent.type(
      within(changes).getByLabelText('Sales cycle (days), blank for history'),
      '90',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Record check-in' }));

    const reason = within(changes).getByLabelText('Reason for sales cycle');
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(within(changes).getByText('Must not be blank')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
