import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitTargetBySegmentMix } from './strategy-cascade';
import type { CascadeInput, CascadeRep } from './strategy-cascade';

// Seed 001: 35% of turnover from segment A and 25% from segment B, on a 1,000,000.00 target.
const mix = [
  { segmentId: 'A', share: 0.35 },
  { segmentId: 'B', share: 0.25 },
];
const target = 100_000_000;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('splitTargetBySegmentMix', () => {
  it('gives each territory rep the mix on their own share (territory model)', () => {
    const reps = ['ana', 'ben', 'cy', 'dee'].map((repId) => ({ repId }));
    const result = splitTargetBySegmentMix({ targetMinor: target, mix, model: 'territory', reps });
    const cells = [
      { segmentId: 'A', targetMinor: 8_750_000 },
      { segmentId: 'B', targetMinor: 6_250_000 },
      { segmentId: 'other', targetMinor: 10_000_000 },
    ];
    expect(result).toEqual({
      targetMinor: target,
      segments: [
        { segmentId: 'A', share: 0.35, targetMinor: 35_000_000, coveredBy: 'territory' },
        { segmentId: 'B', share: 0.25, targetMinor: 25_000_000, coveredBy: 'territory' },
        { segmentId: 'other', share: 0.4, targetMinor: 40_000_000, coveredBy: 'territory' },
      ],
      reps: reps.map(({ repId }) => ({
        repId,
        model: 'territory',
        targetMinor: 25_000_000,
        segments: cells,
      })),
      otherMinor: 40_000_000,
      uncoveredSegments: [],
      unassignedMinor: 0,
    });
  });

  it('makes a specialised rep take 100% from their segment and reports the unheld rest', () => {
    const result = splitTargetBySegmentMix({
      targetMinor: target,
      mix,
      model: 'specialised',
      reps: [
        { repId: 'ana', segments: [{ segmentId: 'A' }] },
        { repId: 'ben', segments: [{ segmentId: 'A' }] },
        { repId: 'carl', segments: [{ segmentId: 'B' }] },
      ],
    });
    expect(result.reps).toEqual([
      {
        repId: 'ana',
        model: 'specialised',
        targetMinor: 17_500_000,
        segments: [
          { segmentId: 'A', targetMinor: 17_500_000 },
          { segmentId: 'B', targetMinor: 0 },
          { segmentId: 'other', targetMinor: 0 },
        ],
      },
      {
        repId: 'ben',
        model: 'specialised',
        targetMinor: 17_500_000,
        segments: [
          { segmentId: 'A', targetMinor: 17_500_000 },
          { segmentId: 'B', targetMinor: 0 },
          { segmentId: 'other', targetMinor: 0 },
        ],
      },
      {
        repId: 'carl',
        model: 'specialised',
        targetMinor: 25_000_000,
        segments: [
          { segmentId: 'A', targetMinor: 0 },
          { segmentId: 'B', targetMinor: 25_000_000 },
          { segmentId: 'other', targetMinor: 0 },
        ],
      },
    ]);
    expect(result.segments.map((s) => s.coveredBy)).toEqual(['specialised', 'specialised', 'none']);
    expect(result.uncoveredSegments).toEqual([]);
    expect(result.unassignedMinor).toBe(40_000_000);
  });

  it('reports a segment no rep holds', () => {
    const result = splitTargetBySegmentMix({
      targetMinor: target,
      mix: [...mix, { segmentId: 'C', share: 0.1 }],
      model: 'specialised',
      reps: [{ repId: 'ana', segments: [{ segmentId: 'A' }, { segmentId: 'B' }] }],
    });
    expect(result.uncoveredSegments).toEqual(['C']);
    expect(result.unassignedMinor).toBe(40_000_000);
    expect(result.reps[0]?.targetMinor).toBe(60_000_000);
  });

  it('splits by capacity share and by territory potential', () => {
    const result = splitTargetBySegmentMix({
      targetMinor: target,
      mix,
      model: 'mixed',
      specialisedSplit: 'capacity',
      territorySplit: 'potential',
      reps: [
        { repId: 'kim', model: 'specialised', segments: [{ segmentId: 'A', capacityShare: 3 }] },
        { repId: 'kit', model: 'specialised', segments: [{ segmentId: 'A', capacityShare: 1 }] },
        { repId: 'tom', model: 'territory', potential: 2 },
        { repId: 'tia', model: 'territory', potential: 1 },
        { repId: 'ted', model: 'territory', potential: 1 },
      ],
    });
    // A: 35,000,000 as 3:1. B and other (65,000,000) go to territory reps as 2:1:1.
    expect(
      result.reps.map((rep) => [
        rep.repId,
        rep.targetMinor,
        rep.segments.map((s) => s.targetMinor),
      ]),
    ).toEqual([
      ['kim', 26_250_000, [26_250_000, 0, 0]],
      ['kit', 8_750_000, [8_750_000, 0, 0]],
      ['tom', 32_500_000, [0, 12_500_000, 20_000_000]],
      ['tia', 16_250_000, [0, 6_250_000, 10_000_000]],
      ['ted', 16_250_000, [0, 6_250_000, 10_000_000]],
    ]);
    expect(result.segments.map((s) => s.coveredBy)).toEqual([
      'specialised',
      'territory',
      'territory',
    ]);
    expect(result.unassignedMinor).toBe(0);
  });

  it('keeps every rep row and segment column exact when shares do not divide evenly', () => {
    const result = splitTargetBySegmentMix({
      targetMinor: target,
      mix,
      model: 'territory',
      reps: [{ repId: 'a' }, { repId: 'b' }, { repId: 'c' }],
    });
    expect(result.reps.map((rep) => rep.targetMinor)).toEqual([33_333_334, 33_333_333, 33_333_333]);
    expect(result.reps.map((rep) => rep.segments.map((s) => s.targetMinor))).toEqual([
      [11_666_667, 8_333_334, 13_333_333],
      [11_666_667, 8_333_333, 13_333_333],
      [11_666_666, 8_333_333, 13_333_334],
    ]);
  });

  it('refuses inconsistent input with the field to fix', () => {
    const base: CascadeInput = {
      targetMinor: target,
      mix,
      model: 'territory',
      reps: [{ repId: 'a' }],
    };
    expect(() =>
      splitTargetBySegmentMix({ ...base, mix: [...mix, { segmentId: 'C', share: 0.5 }] }),
    ).toThrow('mix: the shares add up to more than 100%');
    expect(() =>
      splitTargetBySegmentMix({ ...base, mix: [{ segmentId: 'other', share: 0.1 }] }),
    ).toThrow('mix[0].segmentId');
    expect(() => splitTargetBySegmentMix({ ...base, model: 'mixed' })).toThrow(
      'reps[0].model: is required',
    );
    expect(() => splitTargetBySegmentMix({ ...base, model: 'specialised' })).toThrow(
      'reps[0].segments',
    );
    expect(() =>
      splitTargetBySegmentMix({
        ...base,
        model: 'specialised',
        reps: [{ repId: 'a', segments: [{ segmentId: 'Z' }] }],
      }),
    ).toThrow('reps[0].segments[0]: "Z" is not in the mix');
    expect(() => splitTargetBySegmentMix({ ...base, territorySplit: 'potential' })).toThrow(
      'reps[0].potential',
    );
    expect(() =>
      splitTargetBySegmentMix({ ...base, reps: [{ repId: 'a' }, { repId: 'a' }] }),
    ).toThrow('reps[1].repId');
    expect(() => splitTargetBySegmentMix({ ...base, targetMinor: 1.5 })).toThrow('targetMinor');
  });

  it('sums exactly at every level for any organisation', () => {
    const repArbitrary = fc.record({
      model: fc.constantFrom('territory' as const, 'specialised' as const),
      potential: fc.integer({ min: 1, max: 100 }),
      segments: fc.subarray(['A', 'B', 'C'], { minLength: 1 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.tuple(fc.nat(400), fc.nat(300), fc.nat(300)),
        fc.array(repArbitrary, { maxLength: 8 }),
        fc.boolean(),
        (targetMinor, [a, b, c], rawReps, byPotential) => {
          const reps: CascadeRep[] = rawReps.map((rep, index) => ({
            repId: `r${index}`,
            model: rep.model,
            potential: rep.potential,
            segments: rep.segments.map((segmentId) => ({ segmentId })),
          }));
          const result = splitTargetBySegmentMix({
            targetMinor,
            mix: [
              { segmentId: 'A', share: a / 1000 },
              { segmentId: 'B', share: b / 1000 },
              { segmentId: 'C', share: c / 1000 },
            ],
            model: 'mixed',
            reps,
            territorySplit: byPotential ? 'potential' : 'equal',
          });
          expect(sum(result.segments.map((s) => s.targetMinor))).toBe(targetMinor);
          expect(sum(result.reps.map((rep) => rep.targetMinor)) + result.unassignedMinor).toBe(
            targetMinor,
          );
          result.segments.forEach((segment, s) => {
            const column = sum(result.reps.map((rep) => rep.segments[s]?.targetMinor ?? 0));
            expect(column).toBe(segment.coveredBy === 'none' ? 0 : segment.targetMinor);
          });
          result.reps.forEach((rep) =>
            expect(sum(rep.segments.map((s) => s.targetMinor))).toBe(rep.targetMinor),
          );
        },
      ),
    );
  });
});
