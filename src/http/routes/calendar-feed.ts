import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { ErrorResponse } from '../../schemas/common';
import {
  CalendarFeedParams,
  CalendarFeedStatus,
  CalendarFeedUrl,
} from '../../schemas/calendar-feed';
import {
  calendarFeedIcs,
  getCalendarFeedStatus,
  replaceCalendarFeed,
  revokeCalendarFeed,
} from '../../services/calendar-feed';
import { actorOf, originOf } from '../authentication';

// The caller's calendar feed (issue #14), and the feed itself: a calendar app fetches it with
// no session, the secret in the path.

const FEED_PATH = '/api/calendar-feed';

export const calendarFeedRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    FEED_PATH,
    {
      schema: {
        tags: ['calendar-feed'],
        summary: 'Whether you have a calendar feed, and since when (its URL is shown only once)',
        response: { 200: CalendarFeedStatus },
      },
    },
    async (request) => getCalendarFeedStatus(db, actorOf(request)),
  );

  app.post(
    FEED_PATH,
    {
      schema: {
        tags: ['calendar-feed'],
        summary: 'Create your calendar feed URL, or replace it (the old URL stops working)',
        response: { 200: CalendarFeedUrl },
      },
    },
    async (request) => {
      const token = await replaceCalendarFeed(db, actorOf(request));
      return { url: `${originOf(request)}${FEED_PATH}/${token}` };
    },
  );

  app.delete(
    FEED_PATH,
    {
      schema: {
        tags: ['calendar-feed'],
        summary: 'Revoke your calendar feed URL',
        response: { 204: z.undefined(), 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      await revokeCalendarFeed(db, actorOf(request));
      return reply.status(204).send();
    },
  );

  app.get(
    `${FEED_PATH}/:token`,
    {
      config: { isPublic: true },
      schema: {
        tags: ['calendar-feed'],
        summary:
          'The calendar feed (iCalendar): your open action steps, planned activities, check-ins due and key-account reviews',
        params: CalendarFeedParams,
        response: {
          200: {
            description: 'An iCalendar file of all-day events, one UID per record',
            content: { 'text/calendar': { schema: z.string() } },
          },
          400: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const ics = await calendarFeedIcs(db, request.params.token, {
        origin: originOf(request),
        now: new Date(),
      });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(ics);
    },
  );
};
