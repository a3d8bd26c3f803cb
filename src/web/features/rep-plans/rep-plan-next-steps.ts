import type { RepPlan } from '../../../schemas/rep-plans';
import { formatDay } from '../../components/dates';

// What comes next on a rep plan, in words: the rep's to-dos and what the manager can do now.
// The server decides what is allowed; this only says it, from the same plan it sent.

export type NextStep = { key: string; text: string; isOverdue?: boolean };

/** The check-in to hold now: the first due one whose period has started. */
export function checkInToHold(plan: RepPlan, today: string) {
  return plan.checkIns.find((c) => c.status === 'due' && c.periodStart <= today) ?? null;
}

export function repToDos(plan: RepPlan, today: string): NextStep[] {
  const manager = plan.manager?.name ?? 'your manager';
  const steps: NextStep[] = [];
  if (plan.state === 'draft') {
    steps.push({
      key: 'propose',
      text:
        plan.targetAccounts.length === 0
          ? `Pick target accounts, then propose the plan to ${manager}`
          : `Propose the plan to ${manager}`,
    });
  }
  if (plan.state === 'proposed' && !plan.signatures.repSignedAt)
    steps.push({ key: 'sign', text: 'Sign the proposed plan' });
  if (plan.state === 'proposed' && plan.signatures.repSignedAt && !plan.signatures.managerSignedAt)
    steps.push({ key: 'wait', text: `Wait for ${manager}’s countersignature` });
  const checkIn = checkInToHold(plan, today);
  if (checkIn) {
    steps.push({
      key: 'check-in',
      text: `Prepare the check-in on ${formatDay(checkIn.periodStart)} – ${formatDay(checkIn.periodEnd)}, due ${formatDay(checkIn.dueOn)}`,
      isOverdue: checkIn.isOverdue,
    });
  }
  return steps;
}

/** What the plan's manager can do now, each with the action it names. */
export function managerActions(plan: RepPlan, today: string): NextStep[] {
  const steps: NextStep[] = [];
  if (plan.state === 'proposed' && plan.signatures.repSignedAt && !plan.signatures.managerSignedAt)
    steps.push({ key: 'countersign', text: `Countersign ${plan.rep.name}’s plan to agree it` });
  if (plan.state === 'proposed' && !plan.signatures.repSignedAt)
    steps.push({ key: 'wait', text: `Wait for ${plan.rep.name} to sign, then countersign` });
  const checkIn = checkInToHold(plan, today);
  if (checkIn) {
    steps.push({
      key: 'check-in',
      text: `Hold the check-in on ${formatDay(checkIn.periodStart)} – ${formatDay(checkIn.periodEnd)}, due ${formatDay(checkIn.dueOn)}`,
      isOverdue: checkIn.isOverdue,
    });
  }
  steps.push({ key: 'comment', text: `Comment on the plan for ${plan.rep.name}` });
  return steps;
}
