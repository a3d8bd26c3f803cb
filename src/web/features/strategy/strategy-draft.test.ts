import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { draftOf, formFieldOf, serverErrorsOf, strategyInputOf } from './strategy-draft';
import { makeStrategy, segmentA, segmentB } from './strategy-fixtures';

const segmentIds = [segmentA, segmentB];

describe('strategy draft', () => {
  it('sends back the saved strategy unchanged', () => {
    const strategy = makeStrategy();
    const result = strategyInputOf(draftOf(strategy, 'EUR'), segmentIds);
    expect(result).toEqual({
      ok: true,
      input: {
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
      },
    });
  });

  it('refuses a mix over 100% and a blank target before sending', () => {
    const draft = {
      ...draftOf(makeStrategy(), 'EUR'),
      targetText: '',
      mix: { [segmentA]: 80, [segmentB]: 30 },
    };
    const result = strategyInputOf(draft, segmentIds);
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : result.errors).toEqual({
      segmentMix: 'The shares add up to more than 100%',
      targetMinor: 'Enter the revenue target',
    });
  });

  it('places schema, service and domain paths on the fields the form shows', () => {
    const { input } = strategyInputOf(draftOf(makeStrategy(), 'EUR'), segmentIds);
    expect(formFieldOf('segmentMix.1.shareBasisPoints', input)).toBe(`segmentMix.${segmentB}`);
    expect(formFieldOf('segmentMix[0].segmentId', input)).toBe(`segmentMix.${segmentA}`);
    expect(formFieldOf('mix', input)).toBe('segmentMix');
    expect(formFieldOf('assignments[1].repId', input)).toBe('assignments.1.repId');
    expect(formFieldOf('reps[0].segments', input)).toBe('assignments');
    expect(formFieldOf('norms[0].activityType', input)).toBe(`norms.${segmentA}:prospect:call`);
    expect(formFieldOf('weights[3]', input)).toBe('seasonality.weights.3');
    expect(formFieldOf('weights', input)).toBe('seasonality.weights');
    expect(formFieldOf('targetMinor', input)).toBe('targetMinor');
    expect(formFieldOf('something.else', input)).toBe('_form');
  });

  it('keeps what names no field as a form-level message', () => {
    const { input } = strategyInputOf(draftOf(makeStrategy(), 'EUR'), segmentIds);
    const error = new ApiError(422, 'unprocessable', 'x', [
      { field: 'weights', reason: 'at least one weight must be above 0' },
      { field: 'history', reason: 'odd' },
    ]);
    expect(serverErrorsOf(error, input)).toEqual({
      'seasonality.weights': 'At least one weight must be above 0',
      _form: 'history: odd',
    });
  });
});
