import { type FieldIssue, ValidationError } from './errors';
import {
  type CascadeInput,
  type CascadeResult,
  type OrganisationModel,
  type RepModel,
  splitTargetBySegmentMix,
} from './strategy-cascade';

// A strategy as a leader enters it (DOMAIN.md, "Strategy cascade"): segment shares in basis
// points and one assignment row per rep and segment (the rep specialises in it) or per rep and
// the whole mix (a territory share, its weight the rep's potential). The cascade's own checks
// speak of its input (`reps[2].model`); here they are told on the row the leader wrote.

export type StrategyAssignment = { repId: string; segmentId: string | null; weight: number };
export type StrategyShare = { segmentId: string; shareBasisPoints: number };
export type StrategyTarget = { targetMinor: number; model: OrganisationModel };

/** The cascade's input: a rep holding a segment row is a specialist, otherwise a territory rep. */
export function cascadeInputOf(
  strategy: StrategyTarget,
  shares: readonly StrategyShare[],
  assignments: readonly StrategyAssignment[],
): CascadeInput {
  const byRep = assignmentsByRep(assignments);
  return {
    targetMinor: strategy.targetMinor,
    mix: shares.map((s) => ({ segmentId: s.segmentId, share: s.shareBasisPoints / 10_000 })),
    model: strategy.model,
    territorySplit: 'potential',
    specialisedSplit: 'capacity',
    reps: [...byRep].map(([repId, own]) => {
      const held = own.filter((a) => a.segmentId !== null);
      const model: RepModel = held.length > 0 ? 'specialised' : 'territory';
      return {
        repId,
        model,
        potential: own.find((a) => a.segmentId === null)?.weight ?? 1,
        segments: held.map((a) => ({ segmentId: a.segmentId ?? '', capacityShare: a.weight })),
      };
    }),
  };
}

/** The assignment rows of each rep, reps in the order they first appear. */
function assignmentsByRep(
  assignments: readonly StrategyAssignment[],
): Map<string, StrategyAssignment[]> {
  const byRep = new Map<string, StrategyAssignment[]>();
  for (const row of assignments) {
    const own = byRep.get(row.repId);
    if (own) own.push(row);
    else byRep.set(row.repId, [row]);
  }
  return byRep;
}

// A rep has at most one row per segment (and one share of the whole mix); a segment is in the
// mix once. A repeat is named on its second row.
function duplicateIssues(
  shares: readonly StrategyShare[],
  assignments: readonly StrategyAssignment[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const segments = new Set<string>();
  shares.forEach((share, index) => {
    if (segments.has(share.segmentId)) {
      issues.push({
        field: `segmentMix[${index}].segmentId`,
        reason: 'this segment is already in the mix',
      });
    }
    segments.add(share.segmentId);
  });
  const rows = new Set<string>();
  assignments.forEach((row, index) => {
    const key = `${row.repId}:${row.segmentId ?? ''}`;
    if (rows.has(key)) {
      issues.push({
        field: `assignments[${index}].repId`,
        reason:
          row.segmentId === null
            ? 'this rep already has a share of the whole mix'
            : 'this rep is already assigned to this segment',
      });
    }
    rows.add(key);
  });
  return issues;
}

// Every row that does not fit the model is named, not only the first.
function checkRows(
  strategy: StrategyTarget,
  shares: readonly StrategyShare[],
  assignments: readonly StrategyAssignment[],
) {
  const issues = duplicateIssues(shares, assignments);
  const holdingSegments = new Set(
    assignments.filter((a) => a.segmentId !== null).map((a) => a.repId),
  );
  assignments.forEach((row, index) => {
    const field = `assignments[${index}].segmentId`;
    const holdsSegments = holdingSegments.has(row.repId);
    if (row.segmentId === null && strategy.model === 'specialised') {
      issues.push({
        field,
        reason: 'a specialised organisation gives each rep a segment, not a share of the whole mix',
      });
    } else if (row.segmentId !== null && strategy.model === 'territory') {
      issues.push({
        field,
        reason: 'a territory organisation gives each rep a share of the whole mix, not a segment',
      });
    } else if (row.segmentId === null && holdsSegments) {
      issues.push({
        field,
        reason: 'this rep holds segments, so a share of the whole mix would be ignored',
      });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
}

// `reps[r]…` of the cascade input → the rep's row the problem comes from; `mix[i]…` → the share.
function fieldOfRow(
  field: string,
  input: CascadeInput,
  assignments: readonly StrategyAssignment[],
) {
  const rep = /^reps\[(\d+)\](?:\.segments\[(\d+)\])?/.exec(field);
  if (rep) {
    const repId = input.reps[Number(rep[1])]?.repId;
    const rows = assignments
      .map((a, index) => ({ ...a, index }))
      .filter((a) => a.repId === repId && (rep[2] === undefined || a.segmentId !== null));
    const row = rows[Number(rep[2] ?? 0)] ?? rows[0];
    const column =
      field.endsWith('capacityShare') || field.endsWith('potential') ? 'weight' : 'segmentId';
    return row ? `assignments[${row.index}].${column}` : 'assignments';
  }
  return field
    .replace(/^mix\[(\d+)\]\.share/, 'segmentMix[$1].shareBasisPoints')
    .replace(/^mix/, 'segmentMix');
}

/**
 * The strategy's cascade to reps and segments; an impossible strategy is a ValidationError
 * naming the assignment row or segment share (as the leader entered them) that makes it so.
 */
export function cascadeStrategy(
  strategy: StrategyTarget,
  shares: readonly StrategyShare[],
  assignments: readonly StrategyAssignment[],
): CascadeResult {
  checkRows(strategy, shares, assignments);
  const input = cascadeInputOf(strategy, shares, assignments);
  try {
    return splitTargetBySegmentMix(input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      error.issues.map((issue) => ({
        ...issue,
        field: fieldOfRow(issue.field, input, assignments),
      })),
    );
  }
}
