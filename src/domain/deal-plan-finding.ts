import type { Check, Finding } from './findings';
import type { ActionStep, DealPlanFinding } from './deal-plan';

/** Builds one deal-plan finding. */
export function finding(
  check: Check,
  severity: Finding['severity'],
  code: string,
  field: string,
  message: string,
): DealPlanFinding {
  return { check, severity, code, field, message };
}

/** How a step is named in messages. */
export const label = (step: ActionStep) =>
  step.what.trim() === '' ? 'A step' : `"${step.what.trim()}"`;
