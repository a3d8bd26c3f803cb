import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { KeyAccountPlanView } from '../../../schemas/key-accounts-plans';
import { commonHandlers, mockApi, renderWithProviders } from '../../test-utils';
import { KeyAccountPlanPage } from './KeyAccountPlanPage';

const accountId = '00000000-0000-4000-8000-0000000000a1';
const planPath = `/api/key-accounts/${accountId}/plan`;

const plan = (overrides: Partial<KeyAccountPlanView> = {}): KeyAccountPlanView => ({
  accountId,
  accountName: 'Northwind Logistics',
  fiscalYear: 2026,
  version: 3,
  ownerId: '00000000-0000-4000-8000-000000000001',
  ownerName: 'Rita Rep',
  isKeyAccount: true,
  cadence: 'quarterly',
  commitment: 'Grow Northwind to €1m in 2026.',
  repSignedAt: null,
  managerAcknowledgedAt: null,
  managerComment: '',
  relationships: [],
  objectives: [],
  steps: [],
  benchmarks: [],
  opportunities: [],
  contacts: [],
  findings: [],
  reviews: [],
  nextReviewDue: null,
  isReviewDue: false,
  history: [],
  canEdit: true,
  canAcknowledge: false,
  today: '2026-12-02',
  ...overrides,
});

const emptyWhitespace = {
  accountId,
  version: 0,
  currency: 'EUR',
  today: '2026-12-02',
  annualRevenueMinor: null,
  items: [],
  totals: { potentialMinor: 0, wonMinor: 0, openMinor: 0, gapMinor: 0 },
  unconverted: [],
  canEdit: false,
};

function renderPlan(
  current: KeyAccountPlanView,
  write: { path: string; answer: KeyAccountPlanView },
) {
  const api = mockApi({
    ...commonHandlers,
    [`GET ${planPath}`]: () => ({ body: current }),
    [`GET /api/key-accounts/${accountId}/whitespace`]: () => ({ body: emptyWhitespace }),
    [`POST ${planPath}/${write.path}`]: () => ({ body: write.answer }),
  });
  renderWithProviders(
    <Routes>
      <Route path="/key-accounts/:accountId" element={<KeyAccountPlanPage />} />
    </Routes>,
    { route: `/key-accounts/${accountId}` },
  );
  return api;
}

const notice = async (title: string) =>
  (await screen.findByText(title)).closest('.mantine-Notification-root')?.textContent;

describe('KeyAccountPlanPage confirmations', () => {
  it('confirms the rep’s signature and says the manager acknowledges next', async () => {
    const { calls } = renderPlan(plan(), {
      path: 'signature',
      answer: plan({ version: 4, repSignedAt: '2026-12-02T10:00:00.000Z' }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign the commitment' }));
    expect(await notice('Commitment signed')).toContain(
      'Version 4 is signed. Next: your manager acknowledges it.',
    );
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      `${planPath}/signature`,
    ]);
  });

  it('confirms the manager’s acknowledgement and says when the next review is due', async () => {
    const signed = {
      repSignedAt: '2026-12-01T10:00:00.000Z',
      canEdit: false,
      canAcknowledge: true,
    };
    const { calls } = renderPlan(plan(signed), {
      path: 'acknowledgement',
      answer: plan({
        ...signed,
        version: 4,
        managerAcknowledgedAt: '2026-12-02T10:00:00.000Z',
        managerComment: 'Good plan',
        nextReviewDue: '2027-03-02',
      }),
    });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Comment' }), 'Good plan');
    await userEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(await notice('Plan acknowledged')).toContain(
      'Rita Rep sees your acknowledgement and comment. The next quarterly review is due on Mar 2, 2027.',
    );
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { comment: 'Good plan' },
    ]);
  });

  it('confirms a recorded review with the version it is kept with and the next one due', async () => {
    const agreed = {
      repSignedAt: '2026-09-01T10:00:00.000Z',
      managerAcknowledgedAt: '2026-09-02T10:00:00.000Z',
      nextReviewDue: '2026-12-01',
      isReviewDue: true,
      canEdit: false,
      canAcknowledge: true,
    };
    const review = {
      id: '00000000-0000-4000-8000-0000000000c1',
      heldOn: '2026-12-02',
      planVersion: 3,
      reviewedByName: 'Max Manager',
      whatChanged: 'New CFO',
      adjustments: '',
      benchmarkActuals: [],
      changesSincePrevious: [],
    };
    const { calls } = renderPlan(plan(agreed), {
      path: 'reviews',
      answer: plan({
        ...agreed,
        reviews: [review],
        nextReviewDue: '2027-03-02',
        isReviewDue: false,
      }),
    });
    await userEvent.type(
      await screen.findByRole('textbox', { name: 'What changed since the last review' }),
      'New CFO',
    );
    await userEvent.click(screen.getByRole('button', { name: "Record today's review" }));
    expect(await notice('Review recorded')).toContain(
      'The review of Dec 2, 2026 is kept with version 3 of the plan. The next quarterly review is due on Mar 2, 2027.',
    );
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { heldOn: '2026-12-02', whatChanged: 'New CFO', adjustments: '' },
    ]);
    // The form is cleared for the next review.
    expect(
      within(screen.getByRole('region', { name: 'Reviews' })).getByRole('textbox', {
        name: 'What changed since the last review',
      }),
    ).toHaveProperty('value', '');
  });
});
