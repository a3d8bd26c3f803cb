import { describe, expect, it } from 'vitest';
import { formatWholeMoney } from '../../components/money';
import { describeVersionChanges } from './version-changes';

const options = { currency: 'EUR', segmentNames: new Map([['A', 'Segment A']]) };

describe('describeVersionChanges', () => {
  it('turns the API’s changed leaves into readable lines, by section, money and ratios formatted', () => {
    // As the API's diff answers them: leaves by dotted path, in path order.
    const lines = describeVersionChanges(
      [
        { path: 'activityPlan.first_meeting', before: 10, after: 14 },
        { path: 'funnel.closingRatio', before: 0.6, after: 0.4 },
        { path: 'funnelInputs.closingRatio', before: null, after: null },
        { path: 'funnelInputs.closingRatio.reason', before: null, after: 'Price change' },
        { path: 'funnelInputs.closingRatio.value', before: null, after: 0.4 },
        {
          path: 'qualitative.stages',
          before: [{ stage: 'Proposal', salesMethods: 'Demo', expectedResults: '' }],
          after: [{ stage: 'Proposal', salesMethods: 'Demo', expectedResults: 'Signed pilot' }],
        },
        { path: 'targetAccounts', before: ['Northwind'], after: ['Contoso', 'Northwind'] },
        { path: 'targets.segments.A', before: 1_500_000_00, after: 1_600_000_00 },
      ],
      options,
    );
    expect(lines).toEqual([
      {
        key: 'targets.segments.A',
        section: 'Targets',
        label: 'Segment A',
        before: formatWholeMoney(1_500_000_00, 'EUR'),
        after: formatWholeMoney(1_600_000_00, 'EUR'),
      },
      {
        key: 'targetAccounts',
        section: 'Target accounts',
        label: 'Target accounts',
        before: '1 account',
        after: '2 accounts',
        note: 'added Contoso',
      },
      {
        key: 'activityPlan.first_meeting',
        section: 'Activity plan',
        label: 'first meetings per year',
        before: '10',
        after: '14',
      },
      {
        key: 'funnel.closingRatio',
        section: 'Funnel',
        label: 'Closing ratio',
        before: '60%',
        after: '40%',
      },
      {
        key: 'funnelInputs.closingRatio.reason',
        section: 'Funnel overrides',
        label: 'Closing ratio: reason',
        before: '—',
        after: 'Price change',
      },
      {
        key: 'funnelInputs.closingRatio.value',
        section: 'Funnel overrides',
        label: 'Closing ratio',
        before: 'from history',
        after: '40%',
      },
      {
        key: 'qualitative.Proposal.expectedResults',
        section: 'Qualitative part',
        label: 'Proposal: expected results',
        before: '—',
        after: 'Signed pilot',
      },
    ]);
  });

  it('says what a weekly plan figure is, in the organisation’s words, and which plan it follows', () => {
    const label = (type: string) =>
      ({ call: 'Call', first_meeting: 'First meeting' })[type] ?? type;
    expect(
      describeVersionChanges(
        [
          { path: 'weeklyPlan.call.planned', before: 8, after: 7 },
          {
            path: 'weeklyPlan.demo',
            before: null,
            after: { planned: 1, basis: 'norms', reason: null },
          },
          { path: 'weeklyPlan.first_meeting.basis', before: 'funnel', after: 'override' },
          {
            path: 'weeklyPlanOverrides.first_meeting',
            before: null,
            after: { perWeek: 3, reason: 'Events in spring' },
          },
        ],
        { ...options, activityTypeLabel: label },
      ).map(({ section, label, before, after }) => [section, label, before, after]),
    ).toEqual([
      ['Weekly plan', 'Calls a week, planned', '8', '7'],
      ['Weekly plan', 'demos a week', '—', '1 (the norms)'],
      [
        'Weekly plan',
        'First meetings a week: the plan follows',
        'the funnel',
        'the rep’s own figure',
      ],
      ['Weekly plan', 'First meetings a week, the rep’s own figure', '—', '3 (Events in spring)'],
    ]);
  });

  it('keeps a path it does not know, shown as plain text', () => {
    expect(
      describeVersionChanges([{ path: 'territory', before: 'North', after: 'South' }], options),
    ).toEqual([
      { key: 'territory', section: 'Other', label: 'territory', before: 'North', after: 'South' },
    ]);
  });
});
