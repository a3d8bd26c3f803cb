import type { Database } from '../db/client';
import { getStrategy as getStrategyRow } from '../db/queries/strategies';
import { PLAN_FORMAT_VERSION } from '../domain/plan-format';
import { StrategyDocument } from '../schemas/plan-format-strategy';
import type { Strategy, StrategyInput } from '../schemas/strategies';
import type { Actor } from './authorization';
import {
  DocumentReferences,
  inDocumentTerms,
  parseDocument,
  segmentRefsOf,
  userRefsOf,
} from './plan-format-records';
import { assertCanSetStrategy, getStrategy, saveStrategy } from './strategies';

// The organisation strategy of a fiscal year in the open plan format
// (docs/plan-format/strategy.schema.json): segments by code, reps by external id or email.

/** The year's strategy as a document another tool can read. */
export async function exportStrategyDocument(
  db: Database,
  actor: Actor,
  year: number,
): Promise<StrategyDocument> {
  const strategy = await getStrategy(db, actor, year);
  const segments = await segmentRefsOf(db, actor.orgId);
  const reps = await userRefsOf(
    db,
    actor.orgId,
    strategy.assignments.map((a) => a.repId),
  );
  const segment = (id: string) => segments.get(id) ?? { code: id, name: '' };
  return {
    format: 'salesplan-strategy',
    formatVersion: PLAN_FORMAT_VERSION,
    year: strategy.year,
    startMonth: strategy.startMonth,
    target: { amountMinor: strategy.targetMinor, currency: strategy.currency },
    model: strategy.model,
    seasonality: {
      kind: strategy.seasonality.kind,
      weights: strategy.seasonality.enteredWeights,
    },
    segmentMix: strategy.segmentMix.map((s) => ({
      segment: segment(s.segmentId),
      shareBasisPoints: s.shareBasisPoints,
    })),
    assignments: strategy.assignments.map((a) => ({
      rep: {
        externalId: reps.get(a.repId)?.externalId ?? null,
        email: reps.get(a.repId)?.email ?? null,
      },
      segment: a.segmentId === null ? null : segment(a.segmentId),
      weight: a.weight,
    })),
    norms: strategy.norms.map((n) => ({
      segment: segment(n.segmentId),
      accountStatus: n.accountStatus,
      activityType: n.activityType,
      countPerYear: n.countPerYear,
    })),
  };
}

/**
 * Sets the year's strategy from a document (a leader or an admin), as PUT /api/strategies/{year}
 * does, over the current version.
 */
export async function importStrategyDocument(
  db: Database,
  actor: Actor,
  year: number,
  body: unknown,
): Promise<Strategy> {
  // Who may set it first: a caller who may not learns nothing from the document.
  assertCanSetStrategy(actor);
  const document = parseDocument(StrategyDocument, body);
  const references = new DocumentReferences(db, actor.orgId);
  const segments = await references.segments([
    ...document.segmentMix.map((s, i) => ({ field: `$.segmentMix[${i}].segment`, ref: s.segment })),
    ...document.assignments.flatMap((a, i) =>
      a.segment ? [{ field: `$.assignments[${i}].segment`, ref: a.segment }] : [],
    ),
    ...document.norms.map((n, i) => ({ field: `$.norms[${i}].segment`, ref: n.segment })),
  ]);
  const reps = await references.users(
    document.assignments.map((a, i) => ({ field: `$.assignments[${i}].rep`, ref: a.rep })),
  );
  references.throwIfAny();
  const id = (map: Map<string, string>, field: string) => map.get(field) ?? '';
  const input: StrategyInput = {
    startMonth: document.startMonth,
    targetMinor: document.target.amountMinor,
    currency: document.target.currency,
    model: document.model,
    seasonality: {
      kind: document.seasonality.kind,
      ...(document.seasonality.weights ? { weights: document.seasonality.weights } : {}),
    },
    segmentMix: document.segmentMix.map((s, i) => ({
      segmentId: id(segments, `$.segmentMix[${i}].segment`),
      shareBasisPoints: s.shareBasisPoints,
    })),
    assignments: document.assignments.map((a, i) => ({
      repId: id(reps, `$.assignments[${i}].rep`),
      segmentId: a.segment ? id(segments, `$.assignments[${i}].segment`) : null,
      weight: a.weight,
    })),
    norms: document.norms.map((n, i) => ({
      segmentId: id(segments, `$.norms[${i}].segment`),
      accountStatus: n.accountStatus,
      activityType: n.activityType,
      countPerYear: n.countPerYear,
    })),
  };
  const version = (await getStrategyRow(db, actor.orgId, year))?.version;
  return inDocumentTerms(() => saveStrategy(db, actor, year, input, version));
}
