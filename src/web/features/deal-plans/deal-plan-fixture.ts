import { checkDealPlanHealth } from '../../../domain/deal-plan-checks';
import type { ActionStep, DealPlanDraft, DealPlanView } from '../../../schemas/deal-plans';
import { ids } from '../../test-utils';

// A small plan for component tests, with its findings computed by the real domain checks.

export const planIds = {
  opportunity: '00000000-0000-4000-8000-000000000100',
  cfo: '00000000-0000-4000-8000-000000000201',
  objective: '00000000-0000-4000-8000-000000000301',
  stepA: '00000000-0000-4000-8000-000000000401',
  stepB: '00000000-0000-4000-8000-000000000402',
  competitor: '00000000-0000-4000-8000-000000000601',
};

export function makeStep(overrides: Partial<ActionStep> = {}): ActionStep {
  return {
    id: planIds.stepA,
    position: 1,
    what: 'Step A',
    ownerId: ids.user,
    ownerName: 'Rita Rep',
    dueOn: '2099-04-01',
    status: 'open',
    objectiveId: planIds.objective,
    influenceId: planIds.cfo,
    competitorId: null,
    dependsOnStepId: null,
    confidence: 4,
    completedOn: null,
    activityId: null,
    ...overrides,
  };
}

export function makePlan(overrides: Partial<DealPlanView> = {}): DealPlanView {
  const base: DealPlanDraft = {
    isOpen: true,
    expectedCloseOn: '2099-06-30',
    objectives: [
      {
        id: planIds.objective,
        position: 1,
        title: 'CFO agrees the business case',
        who: [planIds.cfo],
        whereWhen: 'CFO office',
        informationToCollect: 'Budget line',
        how: 'Review meeting',
        desiredOutcome: 'Signed-off budget',
        dueOn: '2099-05-01',
        status: 'open',
      },
    ],
    influences: [
      {
        id: planIds.cfo,
        contactId: '00000000-0000-4000-8000-000000000501',
        contactName: 'Dana Ortiz',
        contactTitle: 'CFO',
        role: 'economic',
        influence: 'high',
        responseMode: 'trouble',
        modeHistory: [{ mode: 'trouble', recordedOn: '2099-01-01', recordedByName: 'Rita Rep' }],
        notes: '',
      },
    ],
    winWin: { buyerResult: 'Lower costs', buyerPersonalWin: 'Promotion', ourWin: '' },
    competition: [],
    steps: [makeStep(), makeStep({ id: planIds.stepB, position: 2, what: 'Step B' })],
    ...overrides,
  };
  const checkOptions = {
    today: '2099-01-02',
    openStepsPerWeekCapacity: 12,
    repOpenStepsByWeek: {},
    repId: ids.user,
  };
  return {
    opportunityId: planIds.opportunity,
    opportunityName: 'Fleet renewal 2027',
    accountId: ids.account,
    accountName: 'Northwind Logistics',
    ownerId: ids.user,
    ownerName: 'Rita Rep',
    version: 3,
    canEdit: true,
    canComment: true,
    ...checkDealPlanHealth(base, checkOptions.today, checkOptions),
    checkOptions,
    history: [],
    ...base,
    ...overrides,
  };
}
