import { notifications } from '@mantine/notifications';
import type { KeyAccountPlanView } from '../../../schemas/key-accounts-plans';
import { formatDay } from '../../components/dates';

// A key-account plan's commitment steps, each confirmed in words with what comes next, as the
// deal plan's writes are: signed by the rep, acknowledged by their manager, reviewed on cadence.
export const KEY_ACCOUNT_PLAN_STEPS = ['signed', 'acknowledged', 'reviewed'] as const;
export type KeyAccountPlanStep = (typeof KEY_ACCOUNT_PLAN_STEPS)[number];

type Confirmation = { title: string; message: string };

const nextReview = (plan: KeyAccountPlanView) => {
  if (plan.nextReviewDue === null) return `Review it ${plan.cadence}.`;
  const due = formatDay(plan.nextReviewDue);
  // A review already late says so, rather than announce a day gone by as the next one.
  return plan.isReviewDue
    ? `A ${plan.cadence} review has been due since ${due}: record it under Reviews.`
    : `The next ${plan.cadence} review is due on ${due}.`;
};

/** What the step did to the saved plan (as the server answered it), and what comes next. */
export function confirmationOf(step: KeyAccountPlanStep, plan: KeyAccountPlanView): Confirmation {
  const isAgreed = plan.repSignedAt !== null && plan.managerAcknowledgedAt !== null;
  switch (step) {
    case 'signed':
      return {
        title: 'Commitment signed',
        message: isAgreed
          ? `Version ${plan.version} is signed and acknowledged. ${nextReview(plan)}`
          : `Version ${plan.version} is signed. Next: your manager acknowledges it.`,
      };
    case 'acknowledged':
      return {
        title: 'Plan acknowledged',
        message: isAgreed
          ? `${plan.ownerName ?? 'The owner'} sees your acknowledgement${plan.managerComment ? ' and comment' : ''}. ${nextReview(plan)}`
          : `Version ${plan.version} is acknowledged. Next: ${plan.ownerName ?? 'the owner'} signs it.`,
      };
    case 'reviewed': {
      const held = plan.reviews[0]?.heldOn ?? plan.today;
      return {
        title: 'Review recorded',
        message: `The review of ${formatDay(held)} is kept with version ${plan.version} of the plan. ${nextReview(plan)}`,
      };
    }
  }
}

const CONFIRMED_ID = 'key-account-plan-confirmed';

/** Shows the step's confirmation; one at a time, so a second step replaces the first. */
export function showConfirmation(step: KeyAccountPlanStep, plan: KeyAccountPlanView): void {
  notifications.hide(CONFIRMED_ID);
  notifications.show({ id: CONFIRMED_ID, color: 'teal', ...confirmationOf(step, plan) });
}
