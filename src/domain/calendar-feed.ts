import { addDays, type IsoDate } from './calendar';
import { formatDayRange } from './day-format';

// What a user's calendar feed shows (issue #14): their open action steps with a due date, their
// planned activities, the check-ins due on the rep plans they hold or agree, and the next review
// of the key-account plans they own or acknowledge. Each becomes an
// all-day event on its day. The UID is the record's kind and id, so when a record changes the
// calendar app replaces its event instead of adding a second one; a step done or an activity
// held leaves the feed, and with it the calendar.

export type FeedItem =
  | {
      kind: 'action-step';
      id: string;
      dueOn: IsoDate;
      what: string;
      opportunityId: string;
      opportunityName: string;
      changedAt: string;
    }
  | {
      kind: 'activity';
      id: string;
      occursOn: IsoDate;
      typeLabel: string;
      subject: string;
      accountName: string;
      opportunityName: string | null;
      changedAt: string;
    }
  | {
      kind: 'check-in';
      id: string;
      dueOn: IsoDate;
      periodStart: IsoDate;
      periodEnd: IsoDate;
      repName: string;
      /** The user's own plan (a rep's check-in), or a plan of their team (a manager's). */
      isOwnPlan: boolean;
      changedAt: string;
    }
  | {
      /** A key-account plan's next review; `id` is the plan's, so a review held moves the event. */
      kind: 'key-account-review';
      id: string;
      dueOn: IsoDate;
      accountId: string;
      accountName: string;
      ownerName: string;
      /** The user owns the account (a rep's review), or it is a plan of their team (a manager's). */
      isOwnPlan: boolean;
      changedAt: string;
    };

export type CalendarEvent = {
  uid: string;
  /** The all-day event's day, in the organisation's time zone. */
  day: IsoDate;
  summary: string;
  description: string;
  /** Where in the web app the record is. */
  path: string;
  /** When the record last changed (an instant): the event's LAST-MODIFIED. */
  changedAt: string;
};

/** Records due this many days ago or later are in the feed: a calendar keeps its own past. */
export const FEED_DAYS_BACK = 90;

export function feedStartsOn(today: IsoDate): IsoDate {
  return addDays(today, -FEED_DAYS_BACK);
}

export function calendarEventOf(item: FeedItem): CalendarEvent {
  const uid = `${item.kind}-${item.id}@salesplan`;
  switch (item.kind) {
    case 'action-step':
      return {
        uid,
        day: item.dueOn,
        summary: `Action step: ${item.what}`,
        description: `Deal plan of ${item.opportunityName}`,
        path: `/opportunities/${item.opportunityId}/plan`,
        changedAt: item.changedAt,
      };
    case 'activity': {
      const about = [item.accountName, item.opportunityName].filter(Boolean).join(', ');
      return {
        uid,
        day: item.occursOn,
        summary: `${item.typeLabel}: ${item.subject || about}`,
        description: `Planned ${item.typeLabel.toLowerCase()} with ${about}`,
        path: '/activities',
        changedAt: item.changedAt,
      };
    }
    case 'check-in':
      return {
        uid,
        day: item.dueOn,
        summary: item.isOwnPlan ? 'Rep plan check-in' : `Rep plan check-in: ${item.repName}`,
        description: `The check-in for ${formatDayRange(item.periodStart, item.periodEnd, 'en')} of ${item.repName}'s rep plan`,
        path: item.isOwnPlan ? '/my-plan' : '/team',
        changedAt: item.changedAt,
      };
    case 'key-account-review':
      return {
        uid,
        day: item.dueOn,
        summary: `Key-account review: ${item.accountName}${item.isOwnPlan ? '' : ` (${item.ownerName})`}`,
        description: `The review of ${item.ownerName}'s key-account plan for ${item.accountName}`,
        path: `/key-accounts/${item.accountId}`,
        changedAt: item.changedAt,
      };
  }
}
