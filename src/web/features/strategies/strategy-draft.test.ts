import { describe, expect, it } from 'vitest';
import { StrategyInput } from '../../../schemas/strategies';
import { ApiError } from '../../api/client';
import { serverFieldErrors } from '../../components/form-errors';
import { checkStrategyDraft, draftOf, strategyFieldOf, toStrategyInput } from './strategy-draft';
import { makeStrategy, segmentA, segmentB } from './strategy-fixtures';

const segmentIds = [segmentA, segmentB];

describe('strategy draft', () => {
  it('sends back the saved strategy unchanged', () => {
    const strategy = makeStrategy();
    const draft = draftOf(strategy, 'EUR');
    expect(checkStrategyDraft(draft, segmentIds)).toEqual({});
    expect(StrategyInput.parse(toStrategyInput(draft, segmentIds))).toEqual({
      startMonth: 1,
      targetMinor: 1_000_00,
      currency: 'EUR',
      model: 'specialised',
      seasonality: { kind: 'flat' },
      segmentMix: strategy.segmentMix,
      assignments: strategy.assignments.map(({ repId, segmentId, weight }) => ({
        repId,
        segmentId,
        weight,
      })),
      norms: strategy.norms,
    });
  });

  it('refuses a mix over 100% and a blank target before sending', () => {
    const draft = {
      ...draftOf(makeStrategy(), 'EUR'),
      targetText: '',
      mix: { [segmentA]: 80, [segmentB]: 30 },
    };
    expect(checkStrategyDraft(draft, segmentIds)).toEqual({
      segmentMix: 'The shares add up to more than 100%',
      targetMinor: 'Enter the revenue target',
    });
  });

  it("says entered weights that are all 0 in the domain's words", () => {
    const draft = {
      ...draftOf(makeStrategy(), 'EUR'),
      seasonalityKind: 'entered' as const,
      weights: Array.from({ length: 12 }, () => 0),
    };
    expect(checkStrategyDraft(draft, segmentIds)).toEqual({
      'seasonality.weights': 'At least one weight must be above 0',
    });
  });

  it("names a repeated rep × segment row in the cascade check's words, on the repeat", () => {
    const strategy = makeStrategy();
    const draft = draftOf(strategy, 'EUR');
    const repeat = draft.assignments.slice(0, 1).map((row) => ({ ...row, key: 999 }));
    const withRepeat = { ...draft, assignments: [...draft.assignments, ...repeat] };
    expect(checkStrategyDraft(withRepeat, segmentIds)).toEqual({
      [`assignments.${draft.assignments.length}.repId`]:
        'This rep is already assigned to this segment',
    });
  });

  it('places schema, service and domain paths on the fields the form shows', () => {
    const input = toStrategyInput(draftOf(makeStrategy(), 'EUR'), segmentIds);
    const fieldOf = (path: string) => strategyFieldOf(path, input);
    expect(fieldOf('segmentMix.1.shareBasisPoints')).toBe(`segmentMix.${segmentB}`);
    expect(fieldOf('segmentMix.0.segmentId')).toBe(`segmentMix.${segmentA}`);
    expect(fieldOf('mix')).toBe('segmentMix');
    expect(fieldOf('assignments.1.repId')).toBe('assignments.1.repId');
    expect(fieldOf('reps.0.segments')).toBe('assignments');
    expect(fieldOf('norms.0.activityType')).toBe(`norms.${segmentA}:prospect:call`);
    expect(fieldOf('weights.3')).toBe('seasonality.weights.3');
    expect(fieldOf('seasonality.weights.3')).toBe('seasonality.weights.3');
    expect(fieldOf('weights')).toBe('seasonality.weights');
    expect(fieldOf('targetMinor')).toBe('targetMinor');
    expect(fieldOf('something.else')).toBeUndefined();
  });

  it("keeps what names no field as a form-level message, through the forms' one mapping", () => {
    const input = toStrategyInput(draftOf(makeStrategy(), 'EUR'), segmentIds);
    const error = new ApiError(422, 'unprocessable', 'Not valid', [
      { field: 'body.seasonality.weights[3]', reason: 'must be at least 0' },
      { field: 'history', reason: 'odd' },
    ]);
    expect(serverFieldErrors(error, (path) => strategyFieldOf(path, input))).toEqual({
      'seasonality.weights.3': 'Must be at least 0',
      _form: 'Not valid (history: odd)',
    });
  });
});
