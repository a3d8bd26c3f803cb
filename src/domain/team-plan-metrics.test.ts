import { describe, expect, it } from 'vitest';
import { describeMetric, describeTimeline, pluralOf } from './team-plan-metric-description';
import {
  countMetric,
  type MetricActivityFact,
  type MetricDefinition,
  metricDefinitionIssues,
  type MetricOpportunityFact,
  metricRatio,
} from './team-plan-metrics';

// A small team worked out by hand: Max manages Rita and Rob; Olga is on another team.
const scope = { teamIds: ['max', 'rita', 'rob'], from: '2026-03-01', to: '2026-06-30' };
const none = { memberId: null, segmentId: null, accountStatus: null, productId: null };
const meeting = (
  ownerId: string,
  occursOn: string,
  segmentId: string | null,
  accountStatus: 'prospect' | 'customer',
  extra: Partial<MetricActivityFact> = {},
): MetricActivityFact => ({
  type: 'first_meeting',
  isDone: true,
  occursOn,
  ownerId,
  segmentId,
  accountStatus,
  productId: null,
  ...extra,
});
const activities: MetricActivityFact[] = [
  meeting('rita', '2026-03-01', 'A', 'prospect'), // 1: first day, counts
  meeting('rita', '2026-04-10', 'A', 'prospect', { productId: 'cloud' }), // 2: on a Cloud deal
  meeting('rob', '2026-06-30', 'A', 'prospect'), // 3: last day, counts
  meeting('rob', '2026-05-02', 'A', 'customer'), // 4: a customer, not a prospect
  meeting('max', '2026-05-03', 'B', 'prospect'), // 5: segment B
  meeting('rita', '2026-02-28', 'A', 'prospect'), // 6: the day before the timeline
  meeting('rita', '2026-07-01', 'A', 'prospect'), // 7: the day after
  meeting('olga', '2026-04-01', 'A', 'prospect'), // 8: another team
  meeting('rita', '2026-04-11', 'A', 'prospect', { isDone: false }), // 9: planned, not done
  meeting('rita', '2026-04-12', 'A', 'prospect', { type: 'call' }), // 10: a call
  meeting('rob', '2026-04-13', null, 'prospect'), // 11: an account without a segment
];
const deal = (
  ownerId: string,
  createdOn: string,
  closedOn: string | null,
  isWon: boolean,
  amountMinor: number,
  segmentId: string | null,
  productId: string | null,
): MetricOpportunityFact => ({
  ownerId,
  createdOn,
  closedOn,
  isWon,
  amountMinor,
  segmentId,
  accountStatus: 'prospect',
  productId,
});
const opportunities: MetricOpportunityFact[] = [
  deal('rita', '2026-03-05', '2026-05-20', true, 100_000, 'A', 'cloud'), // created and won inside
  deal('rob', '2026-01-10', '2026-04-01', true, 250_000, 'A', 'support'), // won inside, created before
  deal('rob', '2026-04-01', null, false, 70_000, 'A', 'cloud'), // created inside, open
  deal('max', '2026-05-01', '2026-06-01', false, 90_000, 'B', 'cloud'), // created inside, lost
  deal('rita', '2026-06-01', '2026-07-02', true, 40_000, 'A', 'cloud'), // won after the timeline
  deal('olga', '2026-04-01', '2026-05-01', true, 999_000, 'A', 'cloud'), // another team
];
const facts = { activities, opportunities };
const define = (fields: Partial<MetricDefinition>): MetricDefinition => ({
  counts: 'activities',
  activityType: 'first_meeting',
  ...none,
  ...fields,
});

describe('countMetric', () => {
  it('counts the team’s done first meetings with segment A prospects inside the timeline', () => {
    // Meetings 1, 2 and 3; not 4 (customer), 5 (B), 6 and 7 (outside), 8 (Olga), 9, 10, 11.
    const definition = define({ segmentId: 'A', accountStatus: 'prospect' });
    expect(countMetric(definition, scope, facts)).toBe(3);
  });

  it('counts every first meeting of the team without a filter, and one member’s alone', () => {
    // 1, 2, 3, 4, 5, 11.
    expect(countMetric(define({}), scope, facts)).toBe(6);
    // Rita's: 1, 2.
    expect(countMetric(define({ memberId: 'rita' }), scope, facts)).toBe(2);
    // A member counts even outside the team list (the service allows only the team).
    expect(countMetric(define({ memberId: 'olga' }), scope, facts)).toBe(1);
  });

  it('filters activities by the product of the deal they belong to', () => {
    expect(countMetric(define({ productId: 'cloud' }), scope, facts)).toBe(1);
  });

  it('counts opportunities created, won, and won revenue, with filters', () => {
    const created = define({ counts: 'opportunities_created', activityType: null });
    // Rita's 03-05, Rob's 04-01, Max's 05-01, Rita's 06-01.
    expect(countMetric(created, scope, facts)).toBe(4);
    expect(countMetric({ ...created, segmentId: 'A' }, scope, facts)).toBe(3);
    const won = define({ counts: 'opportunities_won', activityType: null });
    // Closed won inside: Rita's 05-20 and Rob's 04-01 (created before the timeline).
    expect(countMetric(won, scope, facts)).toBe(2);
    expect(countMetric({ ...won, productId: 'cloud' }, scope, facts)).toBe(1);
    const revenue = define({ counts: 'won_revenue', activityType: null });
    expect(countMetric(revenue, scope, facts)).toBe(350_000);
    expect(countMetric({ ...revenue, memberId: 'rob' }, scope, facts)).toBe(250_000);
  });

  it('counts nothing for an entered metric, and divides by the target', () => {
    expect(countMetric(define({ counts: 'entered', activityType: null }), scope, facts)).toBe(null);
    expect(metricRatio(3, 12)).toBe(0.25);
    expect(metricRatio(3, null)).toBe(null);
    expect(metricRatio(3, 0)).toBe(null);
    expect(metricRatio(null, 12)).toBe(null);
  });
});

describe('metricDefinitionIssues', () => {
  it('wants an activity type exactly for an activity count, and no filter on an entered metric', () => {
    expect(metricDefinitionIssues(define({}))).toEqual([]);
    expect(metricDefinitionIssues(define({ activityType: null }))).toEqual([
      { field: 'activityType', reason: 'name the activity type it counts' },
    ]);
    expect(metricDefinitionIssues(define({ counts: 'won_revenue' }))).toEqual([
      { field: 'activityType', reason: 'only an activity count has an activity type' },
    ]);
    expect(
      metricDefinitionIssues(define({ counts: 'entered', activityType: null, segmentId: 'A' })),
    ).toEqual([
      { field: 'segmentId', reason: 'an entered metric is not counted, so it has no filter' },
    ]);
  });
});

describe('describeMetric', () => {
  const names = {
    activityType: 'First meeting',
    member: 'Rita Rep',
    segment: 'A (Strategic)',
    product: 'Cloud',
  };
  const timeline = { from: '2026-03-01', to: '2026-06-30' };

  it('says what is counted, whose, with which filter and when', () => {
    expect(describeMetric(define({ segmentId: 'A' }), names, timeline)).toBe(
      'First meetings done, team, accounts in segment A (Strategic), Mar 1 – Jun 30, 2026',
    );
    expect(
      describeMetric(
        define({ memberId: 'rita', accountStatus: 'prospect', productId: 'cloud' }),
        names,
        timeline,
      ),
    ).toBe('First meetings done, Rita Rep, prospects, on Cloud deals, Mar 1 – Jun 30, 2026');
    expect(
      describeMetric(
        define({ counts: 'won_revenue', activityType: null, productId: 'cloud' }),
        names,
        { from: '2026-11-01', to: '2027-01-31' },
      ),
    ).toBe('Won revenue, team, of Cloud, Nov 1, 2026 – Jan 31, 2027');
    expect(describeMetric(define({ counts: 'entered', activityType: null }), names, timeline)).toBe(
      'Entered by hand (not counted from the data), Mar 1 – Jun 30, 2026',
    );
  });

  it('writes plurals and timelines', () => {
    expect(['Call', 'Business lunch', 'Discovery', 'Demo'].map(pluralOf)).toEqual([
      'Calls',
      'Business lunches',
      'Discoveries',
      'Demos',
    ]);
    expect(describeTimeline({ from: '2026-01-01', to: '2026-12-31' })).toBe('Jan 1 – Dec 31, 2026');
  });
});
