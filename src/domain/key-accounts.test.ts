import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeKeyAccounts, scorePotential } from './key-accounts';
import type { PotentialCriterion } from './key-accounts';

const criteria: PotentialCriterion[] = [
  { id: 'revenue', kind: 'number', weight: 3 },
  { id: 'employees', kind: 'number', weight: 1 },
  { id: 'relationship', kind: 'rating', weight: 2 },
];

describe('scorePotential', () => {
  it('explains each score by the contribution of every criterion', () => {
    const scores = scorePotential(criteria, [
      { accountId: 'A', values: { revenue: 1_000_000, employees: 50, relationship: 5 } },
      { accountId: 'B', values: { revenue: 500_000, employees: 250, relationship: 3 } },
      { accountId: 'C', values: { revenue: 0, employees: null, relationship: 1 } },
    ]);
    // A: (3·1 + 1·0 + 2·1) / 6 = 0.8333; B: (3·0.5 + 1·1 + 2·0.5) / 6 = 0.5833; C: 0.
    expect(scores.map((s) => [s.accountId, s.score])).toEqual([
      ['A', expect.closeTo(5 / 6, 12)],
      ['B', expect.closeTo(3.5 / 6, 12)],
      ['C', 0],
    ]);
    expect(scores[1]?.contributions).toEqual([
      {
        criterionId: 'revenue',
        value: 500_000,
        normalised: 0.5,
        weight: 3,
        contribution: 0.25,
        isMissing: false,
      },
      {
        criterionId: 'employees',
        value: 250,
        normalised: 1,
        weight: 1,
        contribution: 1 / 6,
        isMissing: false,
      },
      {
        criterionId: 'relationship',
        value: 3,
        normalised: 0.5,
        weight: 2,
        contribution: 1 / 6,
        isMissing: false,
      },
    ]);
    expect(scores[2]?.contributions[1]).toEqual({
      criterionId: 'employees',
      value: null,
      normalised: 0,
      weight: 1,
      contribution: 0,
      isMissing: true,
    });
  });

  it('gives 1 to a number criterion where every account has the same value', () => {
    const [only] = scorePotential(
      [{ id: 'revenue', kind: 'number', weight: 1 }],
      [{ accountId: 'A', values: { revenue: 7 } }],
    );
    expect(only?.score).toBe(1);
  });

  it('refuses ratings outside 1–5 and weights that are negative or all zero', () => {
    expect(() =>
      scorePotential(criteria, [{ accountId: 'A', values: { relationship: 6 } }]),
    ).toThrow('a rating must be from 1 to 5');
    expect(() => scorePotential([{ id: 'x', kind: 'number', weight: -1 }], [])).toThrow(
      'criteria[0].weight',
    );
    expect(() => scorePotential([{ id: 'x', kind: 'number', weight: 0 }], [])).toThrow('criteria:');
  });

  it('keeps scores in [0, 1] with contributions adding up to the score', () => {
    const value = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            revenue: fc.option(fc.integer({ min: -1e9, max: 1e9 }), { nil: null }),
            employees: value,
            relationship: value,
          }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.tuple(fc.nat(10), fc.nat(10), fc.integer({ min: 1, max: 10 })),
        (values, [w1, w2, w3]) => {
          const weighted = criteria.map((criterion, i) => ({
            ...criterion,
            weight: [w1, w2, w3][i] ?? 1,
          }));
          const scores = scorePotential(
            weighted,
            values.map((v, i) => ({ accountId: `a${i}`, values: v })),
          );
          for (const { score, contributions } of scores) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(1);
            expect(contributions.reduce((sum, part) => sum + part.contribution, 0)).toBeCloseTo(
              score,
              12,
            );
          }
        },
      ),
    );
  });
});

describe('proposeKeyAccounts', () => {
  const scored = (scores: number[]) =>
    scores.map((score, i) => ({ accountId: `a${String(i).padStart(2, '0')}`, score }));

  it('proposes the top 10% by default, at least one account', () => {
    const accounts = scored([
      0.1, 0.9, 0.5, 0.7, 0.2, 0.3, 0.4, 0.6, 0.8, 0.05, 0.01, 0.02, 0.03, 0.04, 0.06, 0.07, 0.08,
      0.09, 0.11, 0.12,
    ]);
    expect(proposeKeyAccounts(accounts).map((a) => a.accountId)).toEqual(['a01', 'a08']);
    expect(proposeKeyAccounts(scored([0.3, 0.4, 0.2])).map((a) => a.accountId)).toEqual(['a01']);
    expect(proposeKeyAccounts(accounts, 20).map((a) => a.score)).toEqual([0.9, 0.8, 0.7, 0.6]);
  });

  it('includes every account tied at the cut', () => {
    expect(
      proposeKeyAccounts(scored([0.5, 0.2, 0.5, 0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1])).map(
        (a) => a.accountId,
      ),
    ).toEqual(['a00', 'a02', 'a03']);
  });

  it('counts 10% of 30 as 3, not 4 from floating-point noise', () => {
    expect(proposeKeyAccounts(scored(Array.from({ length: 30 }, (_, i) => i / 100)))).toHaveLength(
      3,
    );
  });

  it('refuses a percentage outside 5–20', () => {
    expect(() => proposeKeyAccounts([], 4)).toThrow('topPercent: must be from 5 to 20');
    expect(() => proposeKeyAccounts([], 21)).toThrow('topPercent');
    expect(proposeKeyAccounts([], 5)).toEqual([]);
  });
});
