import { describe, expect, it } from 'vitest';
import { activityProgress } from './activity-progress';

describe('activityProgress', () => {
  it('compares planned and done activities per week and to date', () => {
    const progress = activityProgress(
      [
        { week: '2026-W47', counts: { call: 5, meeting: 2 } },
        { week: '2026-W48', counts: { call: 5, meeting: 2 } },
        { week: '2026-W49', counts: { call: 5, meeting: 1 } },
      ],
      [
        { activityType: 'call', doneOn: '2026-11-16' },
        { activityType: 'call', doneOn: '2026-11-17' },
        { activityType: 'call', doneOn: '2026-11-18' },
        { activityType: 'meeting', doneOn: '2026-11-19' },
        { activityType: 'call', doneOn: '2026-11-23' },
        { activityType: 'email', doneOn: '2026-11-24' },
      ],
      '2026-11-25',
    );
    expect(progress).toEqual({
      toDate: [
        { activityType: 'call', planned: 10, done: 4, ratio: 0.4 },
        { activityType: 'email', planned: 0, done: 1, ratio: null },
        { activityType: 'meeting', planned: 4, done: 1, ratio: 0.25 },
      ],
      byWeek: [
        {
          week: '2026-W47',
          rows: [
            { activityType: 'call', planned: 5, done: 3, ratio: 0.6 },
            { activityType: 'email', planned: 0, done: 0, ratio: null },
            { activityType: 'meeting', planned: 2, done: 1, ratio: 0.5 },
          ],
        },
        {
          week: '2026-W48',
          rows: [
            { activityType: 'call', planned: 5, done: 1, ratio: 0.2 },
            { activityType: 'email', planned: 0, done: 1, ratio: null },
            { activityType: 'meeting', planned: 2, done: 0, ratio: 0 },
          ],
        },
      ],
    });
  });
});
