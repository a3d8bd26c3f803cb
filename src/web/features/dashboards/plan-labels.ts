import type { RepPlanState } from '../../../domain/rep-plan-states';

export const PLAN_STATE_LABELS: Record<RepPlanState, string> = {
  draft: 'a draft',
  proposed: 'proposed',
  agreed: 'agreed',
  revised: 'revised',
};
