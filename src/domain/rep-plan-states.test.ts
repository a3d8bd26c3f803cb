import { describe, expect, it } from 'vitest';
import {
  allowedRepPlanTransitions,
  canEditRepPlan,
  decideRepPlanSignature,
  decideRepPlanTransition,
  planningOpensOn,
} from './rep-plan-states';
import type { RepPlanStatus } from './rep-plan-states';

const status = (state: RepPlanStatus['state'], rep = false, manager = false): RepPlanStatus => ({
  state,
  hasRepSigned: rep,
  hasManagerSigned: manager,
});

describe('decideRepPlanTransition', () => {
  it('lets the rep propose their draft and clears any signature', () => {
    expect(decideRepPlanTransition(status('draft'), 'proposed', 'rep')).toEqual({
      isAllowed: true,
      clearsSignatures: true,
      freezesVersion: false,
    });
  });

  it('refuses the manager proposing for the rep, with the reason', () => {
    expect(decideRepPlanTransition(status('draft'), 'proposed', 'manager')).toEqual({
      isAllowed: false,
      reason: 'Only the rep proposes their plan; the manager countersigns it.',
      refusedFor: 'party',
    });
  });

  it('refuses moves that do not exist from the state', () => {
    expect(decideRepPlanTransition(status('draft'), 'agreed', 'manager')).toEqual({
      isAllowed: false,
      reason: 'The plan is draft: it cannot become agreed.',
      refusedFor: 'state',
    });
    expect(decideRepPlanTransition(status('agreed', true, true), 'draft', 'rep')).toEqual({
      isAllowed: false,
      reason: 'The plan is agreed: it cannot become draft.',
      refusedFor: 'state',
    });
  });

  it('agrees a proposed plan only when both have signed, naming who is missing', () => {
    expect(decideRepPlanTransition(status('proposed', true, false), 'agreed', 'rep')).toEqual({
      isAllowed: false,
      reason: 'The plan is agreed once both sign: the manager has not signed yet.',
      refusedFor: 'state',
    });
    expect(decideRepPlanTransition(status('proposed'), 'agreed', 'manager')).toEqual({
      isAllowed: false,
      reason: 'The plan is agreed once both sign: the rep and the manager have not signed yet.',
      refusedFor: 'state',
    });
    expect(decideRepPlanTransition(status('proposed', true, true), 'agreed', 'manager')).toEqual({
      isAllowed: true,
      clearsSignatures: false,
      freezesVersion: true,
    });
  });

  it('sends a proposed plan back to draft for either side', () => {
    for (const party of ['rep', 'manager'] as const) {
      expect(decideRepPlanTransition(status('proposed', true), 'draft', party)).toMatchObject({
        isAllowed: true,
        clearsSignatures: true,
      });
    }
  });

  it('revises an agreed plan only from a check-in adjustment recorded by the manager', () => {
    const agreed = status('agreed', true, true);
    expect(decideRepPlanTransition(agreed, 'revised', 'manager')).toEqual({
      isAllowed: false,
      reason: 'A plan is revised by an agreed adjustment recorded at a check-in.',
      refusedFor: 'state',
    });
    expect(decideRepPlanTransition(agreed, 'revised', 'rep', { hasAdjustment: true })).toEqual({
      isAllowed: false,
      reason: 'Only the manager records a revision, at a check-in.',
      refusedFor: 'party',
    });
    expect(
      decideRepPlanTransition(status('revised', true, true), 'revised', 'manager', {
        hasAdjustment: true,
      }),
    ).toEqual({ isAllowed: true, clearsSignatures: false, freezesVersion: true });
  });

  it('refuses anyone who is neither the rep nor the manager', () => {
    expect(decideRepPlanTransition(status('draft'), 'proposed', 'other')).toEqual({
      isAllowed: false,
      reason: 'Only the plan’s rep or their manager can change its state.',
      refusedFor: 'party',
    });
  });
});

describe('decideRepPlanSignature', () => {
  it('refuses a rep signing as manager', () => {
    expect(decideRepPlanSignature(status('proposed'), 'manager', 'rep')).toEqual({
      isAllowed: false,
      reason: 'Only the rep’s manager can countersign the plan.',
      refusedFor: 'party',
    });
  });

  it('signs only a proposed plan, once per side', () => {
    expect(decideRepPlanSignature(status('draft'), 'rep', 'rep')).toEqual({
      isAllowed: false,
      reason: 'Only a proposed plan is signed; this one is draft.',
      refusedFor: 'state',
    });
    expect(decideRepPlanSignature(status('proposed', true), 'rep', 'rep')).toEqual({
      isAllowed: false,
      reason: 'The rep has already signed this plan.',
      refusedFor: 'state',
    });
    expect(decideRepPlanSignature(status('proposed', true), 'manager', 'manager')).toMatchObject({
      isAllowed: true,
    });
  });
});

describe('allowedRepPlanTransitions and canEditRepPlan', () => {
  it('lists what each side can do now', () => {
    expect(allowedRepPlanTransitions(status('draft'), 'rep')).toEqual(['proposed']);
    expect(allowedRepPlanTransitions(status('draft'), 'manager')).toEqual([]);
    expect(allowedRepPlanTransitions(status('proposed', true, true), 'manager')).toEqual([
      'draft',
      'agreed',
    ]);
    expect(allowedRepPlanTransitions(status('agreed', true, true), 'manager')).toEqual([]);
  });

  it('lets only the rep and manager edit, and only a draft', () => {
    expect(canEditRepPlan('draft', 'rep')).toBe(true);
    expect(canEditRepPlan('draft', 'other')).toBe(false);
    expect(canEditRepPlan('proposed', 'rep')).toBe(false);
  });
});

describe('planningOpensOn', () => {
  it('opens three months before the fiscal year starts', () => {
    expect(planningOpensOn('2027-01')).toBe('2026-10-01');
    expect(planningOpensOn('2027-04')).toBe('2027-01-01');
  });
});
