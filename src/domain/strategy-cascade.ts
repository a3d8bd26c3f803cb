import { ValidationError } from './errors';
import { splitByLargestRemainder } from './money';
import { splitColumnsAcrossRows } from './table-split';

// Strategy cascade (DOMAIN.md, seed 001): the organisation target T, split by the segment mix
// p_s, reaches reps by the organisation model. Territory reps carry a share q_r of every segment
// not held by specialists (T·q_r·p_s); specialised reps split their segment's T·p_s. Every level
// sums exactly to the level above; what no rep carries is reported.

/** The segment id reserved for the rest of the target outside the mix (1 − Σp). */
export const OTHER_SEGMENT = 'other';

export const ORGANISATION_MODELS = ['territory', 'specialised', 'mixed'] as const;
export type OrganisationModel = (typeof ORGANISATION_MODELS)[number];
/** A rep's own model, required per rep in a mixed organisation. */
export const REP_MODELS = ['territory', 'specialised'] as const;
export type RepModel = (typeof REP_MODELS)[number];
export const TERRITORY_SPLITS = ['equal', 'potential'] as const;
export type TerritorySplit = (typeof TERRITORY_SPLITS)[number];
export const SPECIALISED_SPLITS = ['equal', 'capacity'] as const;
export type SpecialisedSplit = (typeof SPECIALISED_SPLITS)[number];
export type SegmentMix = { segmentId: string; share: number }[];

export type CascadeRep = {
  repId: string;
  /** Required in a mixed organisation; otherwise the organisation's model. */
  model?: RepModel;
  /** Territory potential, for territorySplit 'potential'. */
  potential?: number;
  /** Segments a specialised rep holds, with a capacity share for specialisedSplit 'capacity'. */
  segments?: { segmentId: string; capacityShare?: number }[];
};

export type CascadeInput = {
  targetMinor: number;
  mix: SegmentMix;
  model: OrganisationModel;
  reps: CascadeRep[];
  territorySplit?: TerritorySplit;
  specialisedSplit?: SpecialisedSplit;
};

export const SEGMENT_COVERAGES = ['specialised', 'territory', 'none'] as const;
export type SegmentCoverage = (typeof SEGMENT_COVERAGES)[number];

export type CascadeResult = {
  targetMinor: number;
  /** The mix segments in input order, then 'other'. */
  segments: { segmentId: string; share: number; targetMinor: number; coveredBy: SegmentCoverage }[];
  /** Per rep, one cell per segment in the order of `segments`. */
  reps: {
    repId: string;
    model: RepModel;
    targetMinor: number;
    segments: { segmentId: string; targetMinor: number }[];
  }[];
  otherMinor: number;
  /** Mix segments no rep holds. */
  uncoveredSegments: string[];
  /** The target no rep carries: uncovered segments, and 'other' when no territory rep holds it. */
  unassignedMinor: number;
};

function repModel(rep: CascadeRep, index: number, model: OrganisationModel): RepModel {
  if (model !== 'mixed') {
    if (rep.model !== undefined && rep.model !== model) {
      throw new ValidationError({
        field: `reps[${index}].model`,
        reason: `must be ${model} in a ${model} organisation`,
      });
    }
    return model;
  }
  if (rep.model === undefined) {
    throw new ValidationError({
      field: `reps[${index}].model`,
      reason: 'is required in a mixed organisation',
    });
  }
  return rep.model;
}

function validate(input: CascadeInput): RepModel[] {
  if (!Number.isSafeInteger(input.targetMinor) || input.targetMinor < 0) {
    throw new ValidationError({
      field: 'targetMinor',
      reason: 'must be a whole amount in minor units, at least 0',
    });
  }
  const ids = new Set<string>();
  input.mix.forEach(({ segmentId, share }, index) => {
    if (segmentId === OTHER_SEGMENT || ids.has(segmentId)) {
      throw new ValidationError({
        field: `mix[${index}].segmentId`,
        reason: `"${segmentId}" is reserved or repeated`,
      });
    }
    if (!Number.isFinite(share) || share < 0 || share > 1) {
      throw new ValidationError({
        field: `mix[${index}].share`,
        reason: 'must be a share between 0 and 1',
      });
    }
    ids.add(segmentId);
  });
  if (input.mix.reduce((sum, { share }) => sum + share, 0) > 1 + 1e-9) {
    throw new ValidationError({ field: 'mix', reason: 'the shares add up to more than 100%' });
  }
  const repIds = new Set<string>();
  return input.reps.map((rep, index) => {
    if (repIds.has(rep.repId))
      throw new ValidationError({ field: `reps[${index}].repId`, reason: 'is repeated' });
    repIds.add(rep.repId);
    const model = repModel(rep, index, input.model);
    if (
      model === 'territory' &&
      input.territorySplit === 'potential' &&
      !(Number.isFinite(rep.potential) && (rep.potential ?? -1) >= 0)
    ) {
      throw new ValidationError({
        field: `reps[${index}].potential`,
        reason: 'is needed to split by potential',
      });
    }
    if (model === 'specialised' && (rep.segments ?? []).length === 0) {
      throw new ValidationError({
        field: `reps[${index}].segments`,
        reason: 'a specialised rep needs at least one segment',
      });
    }
    (model === 'specialised' ? (rep.segments ?? []) : []).forEach((segment, s) => {
      const field = `reps[${index}].segments[${s}]`;
      if (!ids.has(segment.segmentId))
        throw new ValidationError({ field, reason: `"${segment.segmentId}" is not in the mix` });
      const share = segment.capacityShare;
      if (
        input.specialisedSplit === 'capacity' &&
        !(Number.isFinite(share) && (share ?? -1) >= 0)
      ) {
        throw new ValidationError({
          field: `${field}.capacityShare`,
          reason: 'is needed to split by capacity',
        });
      }
    });
    return model;
  });
}

/** Cascades the organisation target to per-rep, per-segment targets that sum exactly. */
export function splitTargetBySegmentMix(input: CascadeInput): CascadeResult {
  const models = validate(input);
  const otherShare = Math.max(0, 1 - input.mix.reduce((sum, { share }) => sum + share, 0));
  const shares = [...input.mix, { segmentId: OTHER_SEGMENT, share: otherShare }];
  const segmentTargets = splitByLargestRemainder(
    input.targetMinor,
    shares.map(({ share }) => share),
  );
  const territoryReps = input.reps.filter((_, index) => models[index] === 'territory');
  const specialistsOf = (segmentId: string) =>
    input.reps.flatMap((rep, index) => {
      const held =
        models[index] === 'specialised'
          ? rep.segments?.find((s) => s.segmentId === segmentId)
          : undefined;
      return held
        ? [
            {
              repId: rep.repId,
              weight: input.specialisedSplit === 'capacity' ? (held.capacityShare ?? 0) : 1,
            },
          ]
        : [];
    });
  const segments = shares.map(({ segmentId, share }, s) => {
    const coveredBy: SegmentCoverage =
      specialistsOf(segmentId).length > 0
        ? 'specialised'
        : territoryReps.length > 0
          ? 'territory'
          : 'none';
    return { segmentId, share, targetMinor: segmentTargets[s] ?? 0, coveredBy };
  });
  const cells = new Map<string, number>();
  const cellKey = (repId: string, segmentId: string) => `${repId}\u0000${segmentId}`;
  for (const segment of segments.filter(({ coveredBy }) => coveredBy === 'specialised')) {
    const specialists = specialistsOf(segment.segmentId);
    if (specialists.every(({ weight }) => weight === 0)) {
      throw new ValidationError({
        field: 'reps',
        reason: `the capacity shares of segment ${segment.segmentId}'s reps are all 0`,
      });
    }
    const parts = splitByLargestRemainder(
      segment.targetMinor,
      specialists.map(({ weight }) => weight),
    );
    specialists.forEach(({ repId }, r) =>
      cells.set(cellKey(repId, segment.segmentId), parts[r] ?? 0),
    );
  }
  // Territory reps hold the rest as a table: rows sum to T_territory·q_r, columns to T·p_s.
  const territorySegments = segments.filter(({ coveredBy }) => coveredBy === 'territory');
  const weights = territoryReps.map((rep) =>
    input.territorySplit === 'potential' ? (rep.potential ?? 0) : 1,
  );
  if (territoryReps.length > 0 && weights.every((weight) => weight === 0)) {
    throw new ValidationError({ field: 'reps', reason: 'the territory potentials are all 0' });
  }
  if (territoryReps.length > 0) {
    const { cells: table } = splitColumnsAcrossRows(
      territorySegments.map(({ targetMinor }) => targetMinor),
      weights,
    );
    territoryReps.forEach(({ repId }, r) =>
      territorySegments.forEach(({ segmentId }, c) =>
        cells.set(cellKey(repId, segmentId), table[r]?.[c] ?? 0),
      ),
    );
  }
  const reps = input.reps.map((rep, index) => {
    const repSegments = segments.map(({ segmentId }) => ({
      segmentId,
      targetMinor: cells.get(cellKey(rep.repId, segmentId)) ?? 0,
    }));
    const targetMinor = repSegments.reduce((sum, cell) => sum + cell.targetMinor, 0);
    return {
      repId: rep.repId,
      model: models[index] ?? 'territory',
      targetMinor,
      segments: repSegments,
    };
  });
  const uncovered = segments.filter(({ coveredBy }) => coveredBy === 'none');
  return {
    targetMinor: input.targetMinor,
    segments,
    reps,
    otherMinor: segments[segments.length - 1]?.targetMinor ?? 0,
    uncoveredSegments: uncovered
      .filter(({ segmentId }) => segmentId !== OTHER_SEGMENT)
      .map(({ segmentId }) => segmentId),
    unassignedMinor: uncovered.reduce((sum, { targetMinor }) => sum + targetMinor, 0),
  };
}
