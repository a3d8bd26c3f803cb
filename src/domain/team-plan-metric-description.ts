import type { MetricDefinition } from './team-plan-metrics';
import { formatDayRange } from './day-format';

// A metric's definition in words, shown beside its figure: "First meetings, team, prospects in
// segment A (Strategic), 1 Mar–30 Jun". Names come from the caller (the domain has no lookups).

export type MetricNames = {
  /** The activity type's label, e.g. "First meeting". */
  activityType: string | null;
  member: string | null;
  /** "A (Strategic)". */
  segment: string | null;
  product: string | null;
};

/** "Mar 1 – Jun 30, 2026" within one year, "Nov 1, 2026 – Jan 31, 2027" across two. */
export function describeTimeline({ from, to }: { from: string; to: string }): string {
  return formatDayRange(from, to, 'en');
}

/** "First meeting" → "First meetings"; "Business lunch" → "Business lunches". */
export function pluralOf(label: string): string {
  if (/(s|x|z|ch|sh)$/i.test(label)) return `${label}es`;
  if (/[^aeiou]y$/i.test(label)) return `${label.slice(0, -1)}ies`;
  return `${label}s`;
}

function whatOf(definition: MetricDefinition, names: MetricNames): string {
  switch (definition.counts) {
    case 'activities':
      return `${pluralOf(names.activityType ?? definition.activityType ?? 'activity')} done`;
    case 'opportunities_created':
      return 'Opportunities created';
    case 'opportunities_won':
      return 'Opportunities won';
    case 'won_revenue':
      return 'Won revenue';
    case 'entered':
      return 'Entered by hand';
  }
}

function accountsOf(definition: MetricDefinition, names: MetricNames): string | null {
  const { accountStatus, segmentId } = definition;
  if (!accountStatus && !segmentId) return null;
  const who =
    accountStatus === 'prospect'
      ? 'prospects'
      : accountStatus === 'customer'
        ? 'customers'
        : 'accounts';
  return segmentId ? `${who} in segment ${names.segment ?? 'unknown'}` : who;
}

/**
 * What the figure counts, whose, with which filter, and when: the words shown beside it. An
 * entered metric says it is not counted from the data.
 */
export function describeMetric(
  definition: MetricDefinition,
  names: MetricNames,
  timeline: { from: string; to: string },
): string {
  if (definition.counts === 'entered') {
    return `Entered by hand (not counted from the data), ${describeTimeline(timeline)}`;
  }
  const parts = [
    whatOf(definition, names),
    definition.memberId ? (names.member ?? 'one member') : 'team',
    accountsOf(definition, names),
    definition.productId
      ? definition.counts === 'activities'
        ? `on ${names.product ?? 'unknown product'} deals`
        : `of ${names.product ?? 'unknown product'}`
      : null,
    describeTimeline(timeline),
  ];
  return parts.filter((part) => part !== null).join(', ');
}
