import { describe, expect, it } from 'vitest';
import { calendarEventOf, feedStartsOn } from './calendar-feed';

describe('calendar feed events', () => {
  it('names each record by kind and id, dates it on its day and links to its page', () => {
    expect(
      calendarEventOf({
        kind: 'activity',
        id: 'a1',
        occursOn: '2026-03-02',
        typeLabel: 'Meeting',
        subject: '',
        accountName: 'Northwind',
        opportunityName: 'Fleet renewal',
        changedAt: '2026-02-01T09:00:00.000Z',
      }),
    ).toEqual({
      uid: 'activity-a1@salesplan',
      day: '2026-03-02',
      summary: 'Meeting: Northwind, Fleet renewal',
      description: 'Planned meeting with Northwind, Fleet renewal',
      path: '/activities',
      changedAt: '2026-02-01T09:00:00.000Z',
    });
    const checkIn = {
      kind: 'check-in',
      id: 'c1',
      dueOn: '2026-04-01',
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
      repName: 'Rita Rep',
      changedAt: '2026-01-01T00:00:00.000Z',
    } as const;
    expect(calendarEventOf({ ...checkIn, isOwnPlan: true })).toMatchObject({
      uid: 'check-in-c1@salesplan',
      summary: 'Rep plan check-in',
      path: '/my-plan',
    });
    expect(calendarEventOf({ ...checkIn, isOwnPlan: false })).toMatchObject({
      summary: 'Rep plan check-in: Rita Rep',
      path: '/team',
    });
  });

  it("dates a key-account plan's next review, named by account (and owner, for a manager)", () => {
    const review = {
      kind: 'key-account-review',
      id: 'k1',
      dueOn: '2026-05-04',
      accountId: 'acc1',
      accountName: 'Globex',
      ownerName: 'Rita Rep',
      changedAt: '2026-02-04T10:00:00.000Z',
    } as const;
    expect(calendarEventOf({ ...review, isOwnPlan: true })).toEqual({
      uid: 'key-account-review-k1@salesplan',
      day: '2026-05-04',
      summary: 'Key-account review: Globex',
      description: "The review of Rita Rep's key-account plan for Globex",
      path: '/key-accounts/acc1',
      changedAt: '2026-02-04T10:00:00.000Z',
    });
    expect(calendarEventOf({ ...review, isOwnPlan: false }).summary).toBe(
      'Key-account review: Globex (Rita Rep)',
    );
  });

  it('reaches 90 days back', () => {
    expect(feedStartsOn('2026-03-31')).toBe('2025-12-31');
  });
});
