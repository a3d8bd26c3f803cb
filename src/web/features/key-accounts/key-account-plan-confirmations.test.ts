import { describe, expect, it } from 'vitest';
import type { KeyAccountPlanView } from '../../../schemas/key-accounts-plans';
import { confirmationOf } from './key-account-plan-confirmations';

const plan = (overrides: Partial<KeyAccountPlanView>) =>
  ({
    version: 5,
    ownerName: 'Rita Rep',
    cadence: 'monthly',
    repSignedAt: '2026-12-02T10:00:00.000Z',
    managerAcknowledgedAt: '2026-12-02T11:00:00.000Z',
    managerComment: '',
    reviews: [],
    nextReviewDue: '2026-11-02',
    isReviewDue: true,
    today: '2026-12-02',
    ...overrides,
  }) as KeyAccountPlanView;

describe('confirmationOf', () => {
  it('says a review already late is due since its day, not that it is next', () => {
    expect(confirmationOf('acknowledged', plan({}))).toEqual({
      title: 'Plan acknowledged',
      message:
        'Rita Rep sees your acknowledgement. A monthly review has been due since Nov 2, 2026: record it under Reviews.',
    });
  });

  it('tells a rep signing after the acknowledgement that the plan is agreed, with the next review', () => {
    expect(
      confirmationOf('signed', plan({ nextReviewDue: '2027-01-02', isReviewDue: false })),
    ).toEqual({
      title: 'Commitment signed',
      message:
        'Version 5 is signed and acknowledged. The next monthly review is due on Jan 2, 2027.',
    });
  });

  it('tells a manager acknowledging first that the owner signs next', () => {
    expect(confirmationOf('acknowledged', plan({ repSignedAt: null }))).toEqual({
      title: 'Plan acknowledged',
      message: 'Version 5 is acknowledged. Next: Rita Rep signs it.',
    });
  });
});
