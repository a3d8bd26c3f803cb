import { describe, expect, it } from 'vitest';
import { reference } from '../../test-utils';
import {
  changedPlanContent,
  planContentDraftOf,
  planContentFieldOf,
  planContentOf,
} from './rep-plan-draft';
import { makeRepPlan } from './rep-plan-fixtures';

const { stages } = reference;

describe('rep plan draft', () => {
  it('turns percentages into ratios and money text into minor units, and names unreadable money', () => {
    const plan = makeRepPlan();
    const draft = planContentDraftOf(plan);
    draft.funnelInputs.closingRatio = { value: '57', reason: 'New market' };
    draft.funnelInputs.averageDealMinor = { value: '12.345', reason: 'Bigger fleets' };
    const { content, errors } = planContentOf(draft, plan, stages);
    expect(content.funnelInputs.closingRatio).toEqual({ value: 0.57, reason: 'New market' });
    expect(content.funnelInputs.averageDealMinor).toBeNull();
    expect(errors).toEqual({
      'funnelInputs.averageDealMinor.value': 'enter an amount like 1234.55 (at most 2 decimals)',
    });
  });

  it('shows a path of the plan content at the field that holds it', () => {
    expect(planContentFieldOf('funnelInputs.closingRatio.reason')).toBe(
      'funnelInputs.closingRatio.reason',
    );
    expect(planContentFieldOf('funnelInputs.salesCycleDays')).toBe(
      'funnelInputs.salesCycleDays.value',
    );
    expect(planContentFieldOf('funnelInputs.callsPerMeeting')).toBe('funnelInputs.callsPerMeeting');
    expect(planContentFieldOf('targetAccountIds.3')).toBe('targetAccountIds');
    expect(planContentFieldOf('qualitative.stages.0.salesMethods')).toBe('qualitative');
    expect(planContentFieldOf('funnelInputs.unknown')).toBeUndefined();
    expect(planContentFieldOf('cadence')).toBeUndefined();
  });

  it('keeps of a check-in’s plan changes only what differs from the plan', () => {
    const plan = makeRepPlan({
      funnelInputs: { closingRatio: { value: 0.6, reason: 'Last year' } },
    });
    const draft = planContentDraftOf(plan);
    const unchanged = planContentOf(draft, plan, stages).content;
    expect(changedPlanContent(plan, unchanged, stages)).toEqual({});

    draft.funnelInputs.callsPerMeeting = '5';
    draft.qualitative = [{ stage: 'Proposal', salesMethods: 'Workshop', expectedResults: '' }];
    const changed = planContentOf(draft, plan, stages).content;
    expect(changedPlanContent(plan, changed, stages)).toEqual({
      funnelInputs: { ...unchanged.funnelInputs, callsPerMeeting: 5 },
      qualitative: {
        stages: [{ stage: 'Proposal', salesMethods: 'Workshop', expectedResults: '' }],
      },
    });
  });
});
