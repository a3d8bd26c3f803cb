import type { Executor } from '../db/client';
import {
  insertRepPlanVersion,
  listRepPlanVersions,
  listTargetAccounts,
  type RepPlanRow,
  type RepPlanVersionRow,
} from '../db/queries/rep-plans';
import { NotFoundError } from '../domain/errors';
import type { RepPlanFigures } from './rep-plan-figures';

// Each agreed version of a rep plan is frozen with both signatures, so the rep and the manager
// can see what changed between two versions (DOMAIN.md, "Rep plan": co-construction).

export type VersionChange = { path: string; before: unknown; after: unknown };

/** The content worth comparing: what was agreed and the numbers it implied. */
export async function snapshotOf(db: Executor, plan: RepPlanRow, figures: RepPlanFigures) {
  const accounts = await listTargetAccounts(db, plan.orgId, plan.id);
  const result = figures.funnel.result;
  return {
    cadence: plan.cadence,
    targetAccounts: accounts.map((a) => a.name),
    funnelInputs: plan.funnelInputs,
    qualitative: plan.qualitative,
    targets: figures.targets && {
      totalMinor: figures.targets.totalMinor,
      segments: Object.fromEntries(figures.targets.segments.map((s) => [s.code, s.targetMinor])),
    },
    activityPlan: figures.activityPlan.yearly,
    // What the weekly plan followed when agreed, the rep's own figures with their reasons.
    weeklyPlan: Object.fromEntries(
      figures.weeklyPlan
        .filter((line) => line.planned > 0 || line.basis === 'override')
        .map((line) => [
          line.type,
          { planned: line.planned, basis: line.basis, reason: line.reason },
        ]),
    ),
    funnel: {
      goalMinor: figures.funnel.inputs.goalMinor,
      closingRatio: figures.funnel.inputs.closingRatio,
      meetingToOpportunityRatio: figures.funnel.inputs.meetingToOpportunityRatio,
      dealsToWin: result.dealsToWin,
      opportunitiesNeeded: result.opportunitiesNeeded,
      firstMeetingsNeeded: result.firstMeetingsNeeded,
    },
  };
}

export async function freezeVersion(
  db: Executor,
  plan: RepPlanRow,
  figures: RepPlanFigures,
  signatures: { repSignedAt: Date; managerSignedAt: Date },
  reason: string,
): Promise<number> {
  const versions = await listRepPlanVersions(db, plan.orgId, plan.id);
  const versionNumber = (versions.at(-1)?.versionNumber ?? 0) + 1;
  await insertRepPlanVersion(db, {
    orgId: plan.orgId,
    repPlanId: plan.id,
    versionNumber,
    content: await snapshotOf(db, plan, figures),
    reason,
    ...signatures,
  });
  return versionNumber;
}

export function toVersion(row: RepPlanVersionRow) {
  return {
    versionNumber: row.versionNumber,
    reason: row.reason,
    repSignedAt: row.repSignedAt.toISOString(),
    managerSignedAt: row.managerSignedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    content: row.content,
  };
}

function flatten(value: unknown, path: string, into: Map<string, unknown>) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) into.set(path, {});
    for (const [key, child] of entries) flatten(child, path ? `${path}.${key}` : key, into);
  } else {
    into.set(path, value);
  }
}

/** Every leaf that differs between two versions' content, by dotted path, in path order. */
export function diffContent(before: unknown, after: unknown): VersionChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, '', a);
  flatten(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .filter((path) => JSON.stringify(a.get(path)) !== JSON.stringify(b.get(path)))
    .map((path) => ({ path, before: a.get(path) ?? null, after: b.get(path) ?? null }));
}

export async function compareVersions(db: Executor, plan: RepPlanRow, from: number, to: number) {
  const versions = await listRepPlanVersions(db, plan.orgId, plan.id);
  const find = (n: number) => {
    const version = versions.find((v) => v.versionNumber === n);
    if (!version) throw new NotFoundError('Rep plan version', String(n));
    return version;
  };
  return { from, to, changes: diffContent(find(from).content, find(to).content) };
}
