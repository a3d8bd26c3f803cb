import type { AccountStatus } from './account';

// A tactical activity's metric (DOMAIN.md, "Team sales & marketing plan"): what it counts, whose,
// with which filter, inside the activity's timeline. The definition is shown in words beside the
// figure, so the title promises no more than the count holds.

/**
 * What a metric counts. `entered`: the data cannot count it (an event held, a lead source the
 * CRM does not record); its actual is typed in.
 */
export const METRIC_COUNTS = [
  'activities',
  'opportunities_created',
  'opportunities_won',
  'won_revenue',
  'entered',
] as const;
export type MetricCount = (typeof METRIC_COUNTS)[number];

/**
 * The filters the data can answer: the account's segment and status, the deal's product (an
 * activity's through the deal it belongs to). Lead source is not offered: no row records it.
 */
export const METRIC_FILTERS = ['segmentId', 'accountStatus', 'productId'] as const;
export type MetricFilter = (typeof METRIC_FILTERS)[number];

export type MetricDefinition = {
  counts: MetricCount;
  /** The activity type counted; set exactly when `counts` is `activities`. */
  activityType: string | null;
  /** Null: the whole team (the manager and everyone reporting to them). */
  memberId: string | null;
  segmentId: string | null;
  accountStatus: AccountStatus | null;
  productId: string | null;
};

/** Won revenue is money (minor units); every other metric counts things. */
export const isMoneyMetric = (counts: MetricCount | null | undefined) => counts === 'won_revenue';
export const isCountedFromData = (counts: MetricCount) => counts !== 'entered';

/** What is wrong with a definition, by field; empty when it can be counted (or entered). */
export function metricDefinitionIssues(
  definition: MetricDefinition,
): { field: keyof MetricDefinition; reason: string }[] {
  const issues: { field: keyof MetricDefinition; reason: string }[] = [];
  if (definition.counts === 'activities' && !definition.activityType)
    issues.push({ field: 'activityType', reason: 'name the activity type it counts' });
  if (definition.counts !== 'activities' && definition.activityType)
    issues.push({ field: 'activityType', reason: 'only an activity count has an activity type' });
  if (definition.counts === 'entered') {
    for (const field of ['memberId', ...METRIC_FILTERS] as const)
      if (definition[field] !== null)
        issues.push({ field, reason: 'an entered metric is not counted, so it has no filter' });
  }
  return issues;
}

/** A done or planned activity as the metric sees it: its account's segment and status, its deal's product. */
export type MetricActivityFact = {
  type: string;
  isDone: boolean;
  occursOn: string;
  ownerId: string;
  segmentId: string | null;
  accountStatus: AccountStatus | null;
  productId: string | null;
};

/** An opportunity as the metric sees it; `amountMinor` already in the organisation's currency. */
export type MetricOpportunityFact = {
  ownerId: string;
  createdOn: string;
  closedOn: string | null;
  isWon: boolean;
  amountMinor: number;
  segmentId: string | null;
  accountStatus: AccountStatus | null;
  productId: string | null;
};

export type MetricScope = {
  /** Whose rows count when the definition names no member: the manager and the team. */
  teamIds: readonly string[];
  from: string;
  to: string;
};

const within = (day: string | null, { from, to }: MetricScope) =>
  day !== null && from <= day && day <= to;

function matchesFilters(
  definition: MetricDefinition,
  scope: MetricScope,
  fact: Pick<MetricActivityFact, 'ownerId' | 'segmentId' | 'accountStatus' | 'productId'>,
): boolean {
  const isWhose = definition.memberId
    ? fact.ownerId === definition.memberId
    : scope.teamIds.includes(fact.ownerId);
  return (
    isWhose &&
    (definition.segmentId === null || fact.segmentId === definition.segmentId) &&
    (definition.accountStatus === null || fact.accountStatus === definition.accountStatus) &&
    (definition.productId === null || fact.productId === definition.productId)
  );
}

/**
 * The metric's actual: done activities of the type, opportunities created or won, or won revenue,
 * inside the timeline; null for an entered metric. The definition of what the SQL counts.
 */
export function countMetric(
  definition: MetricDefinition,
  scope: MetricScope,
  facts: {
    activities: readonly MetricActivityFact[];
    opportunities: readonly MetricOpportunityFact[];
  },
): number | null {
  const matches = (fact: Parameters<typeof matchesFilters>[2]) =>
    matchesFilters(definition, scope, fact);
  switch (definition.counts) {
    case 'entered':
      return null;
    case 'activities':
      return facts.activities.filter(
        (a) =>
          a.isDone && a.type === definition.activityType && within(a.occursOn, scope) && matches(a),
      ).length;
    case 'opportunities_created':
      return facts.opportunities.filter((o) => within(o.createdOn, scope) && matches(o)).length;
    case 'opportunities_won':
      return facts.opportunities.filter((o) => o.isWon && within(o.closedOn, scope) && matches(o))
        .length;
    case 'won_revenue':
      return facts.opportunities
        .filter((o) => o.isWon && within(o.closedOn, scope) && matches(o))
        .reduce((sum, o) => sum + o.amountMinor, 0);
  }
}

/** The share of the target reached; null without a target or an actual. */
export function metricRatio(actual: number | null, targetValue: number | null): number | null {
  return actual === null || !targetValue ? null : actual / targetValue;
}
