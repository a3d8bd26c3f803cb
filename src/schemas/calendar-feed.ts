import { z } from 'zod';
import { IsoDateTime } from './common';

// A user's calendar feed (issue #14): an ICS file at a secret URL for Google Calendar, Outlook
// or Apple Calendar to subscribe to. The secret is shown once, when the URL is created.

export const CalendarFeedUrl = z.object({
  /** The feed's address, with its secret: whoever has it reads the calendar. */
  url: z.url(),
});
export type CalendarFeedUrl = z.infer<typeof CalendarFeedUrl>;

export const CalendarFeedStatus = z.object({
  /** When the current URL was made; null when there is none. */
  createdAt: IsoDateTime.nullable(),
});
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;

export const CalendarFeedParams = z.object({
  token: z.string().regex(/^cal_[A-Za-z0-9_-]{43}$/, 'is not a calendar feed token'),
});
