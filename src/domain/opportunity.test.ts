import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors';
import { checkOpportunityDates, closedOnFor } from './opportunity';

describe('closedOnFor', () => {
  const today = '2026-05-20';

  it('closes a won or lost deal today unless a date is given or it already had one', () => {
    expect(closedOnFor('won', undefined, null, today)).toBe(today);
    expect(closedOnFor('lost', null, null, today)).toBe(today);
    expect(closedOnFor('won', '2026-05-01', null, today)).toBe('2026-05-01');
    expect(closedOnFor('lost', undefined, '2026-04-30', today)).toBe('2026-04-30');
    expect(closedOnFor('won', '2026-05-02', '2026-04-30', today)).toBe('2026-05-02');
  });

  it('clears the date of a reopened deal and refuses one for an open deal', () => {
    expect(closedOnFor('open', undefined, '2026-04-30', today)).toBeNull();
    expect(closedOnFor('open', null, null, today)).toBeNull();
    expect(() => closedOnFor('open', '2026-05-01', null, today)).toThrow(
      new ValidationError({ field: 'closedOn', reason: 'an open opportunity has no close date' }),
    );
  });
});

describe('checkOpportunityDates', () => {
  it('refuses a close before the creation, and accepts the same day or no close', () => {
    expect(() =>
      checkOpportunityDates({ createdOn: '2026-05-02', closedOn: '2026-05-01' }),
    ).toThrow(
      new ValidationError({ field: 'closedOn', reason: 'must not be before the creation date' }),
    );
    expect(() =>
      checkOpportunityDates({ createdOn: '2026-05-02', closedOn: '2026-05-02' }),
    ).not.toThrow();
    expect(() => checkOpportunityDates({ createdOn: '2026-05-02', closedOn: null })).not.toThrow();
  });
});
