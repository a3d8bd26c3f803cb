import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { etag, OptionalIfMatchHeaders, ReadErrors, WriteErrors } from '../../schemas/common';
import { Strategy, StrategyInput, YearParams } from '../../schemas/strategies';
import { getStrategy, saveStrategy } from '../../services/strategies';
import { actorOf } from '../authentication';

export const strategyRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/strategies/:year',
    {
      schema: {
        tags: ['strategies'],
        summary: 'The organisation strategy for a fiscal year, with seasonality and cascade',
        params: YearParams,
        response: { 200: Strategy, ...ReadErrors },
      },
    },
    async (request, reply) => {
      const strategy = await getStrategy(db, actorOf(request), request.params.year);
      return reply.header('etag', etag(strategy.version)).send(strategy);
    },
  );

  app.put(
    '/api/strategies/:year',
    {
      schema: {
        tags: ['strategies'],
        summary: 'Set the strategy (leaders, admins); send If-Match with the version you read',
        params: YearParams,
        headers: OptionalIfMatchHeaders,
        body: StrategyInput,
        response: { 200: Strategy, ...WriteErrors },
      },
    },
    async (request, reply) => {
      const strategy = await saveStrategy(
        db,
        actorOf(request),
        request.params.year,
        request.body,
        request.headers['if-match'],
      );
      return reply.header('etag', etag(strategy.version)).send(strategy);
    },
  );
};
