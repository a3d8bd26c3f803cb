import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { ReferenceData } from '../../schemas/reference';
import { getReferenceData } from '../../services/reference';
import { actorOf } from '../authentication';

export const referenceRoutes: FastifyPluginAsyncZod<{ db: Database; engine: string }> = async (
  app,
  { db, engine },
) => {
  app.get(
    '/api/health',
    {
      config: { isPublic: true },
      schema: {
        tags: ['health'],
        summary: 'Liveness and database check',
        response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
      },
    },
    async () => {
      await db.execute('select 1');
      return { status: 'ok' as const, database: engine };
    },
  );

  app.get(
    '/api/reference',
    {
      schema: {
        tags: ['reference'],
        summary: "The organisation's stages, segments, activity types and territories",
        response: { 200: ReferenceData },
      },
    },
    async (request) => getReferenceData(db, actorOf(request)),
  );
};
