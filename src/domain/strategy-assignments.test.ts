import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors';
import { splitTargetBySegmentMix } from './strategy-cascade';
import { cascadeInputOf, cascadeStrategy } from './strategy-assignments';

const shares = [
  { segmentId: 'A', shareBasisPoints: 6000 },
  { segmentId: 'B', shareBasisPoints: 3000 },
];

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  return [];
}

describe('strategy assignments', () => {
  it('makes a rep with a segment row a specialist, and one with a whole-mix row a territory rep', () => {
    const input = cascadeInputOf({ targetMinor: 1_000_000_00, model: 'mixed' }, shares, [
      { repId: 'ann', segmentId: 'A', weight: 1 },
      { repId: 'bo', segmentId: null, weight: 3 },
    ]);
    expect(input.reps).toEqual([
      {
        repId: 'ann',
        model: 'specialised',
        potential: 1,
        segments: [{ segmentId: 'A', capacityShare: 1 }],
      },
      { repId: 'bo', model: 'territory', potential: 3, segments: [] },
    ]);
    const result = cascadeStrategy({ targetMinor: 1_000_000_00, model: 'mixed' }, shares, [
      { repId: 'ann', segmentId: 'A', weight: 1 },
      { repId: 'bo', segmentId: null, weight: 3 },
    ]);
    expect(result).toEqual(splitTargetBySegmentMix(input));
    expect(result.reps.map((r) => r.targetMinor)).toEqual([600_000_00, 400_000_00]);
  });

  it('names the row that does not fit the organisation model', () => {
    const territory = { targetMinor: 100_00, model: 'territory' } as const;
    expect(
      issuesOf(() =>
        cascadeStrategy(territory, shares, [
          { repId: 'ann', segmentId: null, weight: 1 },
          { repId: 'bo', segmentId: 'B', weight: 1 },
        ]),
      ),
    ).toEqual([
      {
        field: 'assignments[1].segmentId',
        reason: 'a territory organisation gives each rep a share of the whole mix, not a segment',
      },
    ]);
    const specialised = { targetMinor: 100_00, model: 'specialised' } as const;
    expect(
      issuesOf(() =>
        cascadeStrategy(specialised, shares, [{ repId: 'ann', segmentId: null, weight: 1 }]),
      ),
    ).toEqual([
      {
        field: 'assignments[0].segmentId',
        reason: 'a specialised organisation gives each rep a segment, not a share of the whole mix',
      },
    ]);
    expect(
      issuesOf(() =>
        cascadeStrategy({ targetMinor: 100_00, model: 'mixed' }, shares, [
          { repId: 'ann', segmentId: 'A', weight: 1 },
          { repId: 'ann', segmentId: null, weight: 1 },
        ]),
      ),
    ).toEqual([
      {
        field: 'assignments[1].segmentId',
        reason: 'this rep holds segments, so a share of the whole mix would be ignored',
      },
    ]);
  });

  it("tells the cascade's own complaints on the leader's rows and shares", () => {
    const strategy = { targetMinor: 100_00, model: 'mixed' } as const;
    expect(
      issuesOf(() =>
        cascadeStrategy(strategy, shares, [
          { repId: 'ann', segmentId: null, weight: 1 },
          { repId: 'bo', segmentId: 'A', weight: 1 },
          { repId: 'bo', segmentId: 'C', weight: 1 },
        ]),
      ),
    ).toEqual([{ field: 'assignments[2].segmentId', reason: '"C" is not in the mix' }]);
    expect(
      issuesOf(() =>
        cascadeStrategy(strategy, [...shares, { segmentId: 'C', shareBasisPoints: 2000 }], []),
      ),
    ).toEqual([{ field: 'segmentMix', reason: 'the shares add up to more than 100%' }]);
  });

  it('names a repeated rep × segment row, a repeated whole-mix share and a repeated mix segment', () => {
    const mixed = { targetMinor: 100_00, model: 'mixed' } as const;
    expect(
      issuesOf(() =>
        cascadeStrategy(
          mixed,
          [...shares, { segmentId: 'A', shareBasisPoints: 500 }],
          [
            { repId: 'ann', segmentId: 'A', weight: 1 },
            { repId: 'bo', segmentId: null, weight: 1 },
            { repId: 'ann', segmentId: 'A', weight: 2 },
            { repId: 'bo', segmentId: null, weight: 1 },
            { repId: 'bo', segmentId: 'A', weight: 1 },
          ],
        ),
      ),
    ).toEqual([
      { field: 'segmentMix[2].segmentId', reason: 'this segment is already in the mix' },
      { field: 'assignments[2].repId', reason: 'this rep is already assigned to this segment' },
      { field: 'assignments[3].repId', reason: 'this rep already has a share of the whole mix' },
      {
        field: 'assignments[1].segmentId',
        reason: 'this rep holds segments, so a share of the whole mix would be ignored',
      },
      {
        field: 'assignments[3].segmentId',
        reason: 'this rep holds segments, so a share of the whole mix would be ignored',
      },
    ]);
  });
});
