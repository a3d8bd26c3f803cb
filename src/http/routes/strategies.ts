import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { OptionalIfMatchHeaders, ReadErrors, WriteErrors } from '../../schemas/common';
import { Strategy, StrategyInput, YearParams } from '../../schemas/strategies';
import { getStrategy, saveStrategy } from '../../services/strategies';
import { actorOf } from '../authentication';

export const strategyRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/strategies/:year',
    {
      config: { sendsEtag: true },
      schema: {
        tags: ['strategies'],
        summary: 'The organisation strategy for a fiscal year, with seasonality and cascade',
        params: YearParams,
        response: { 200: Strategy, ...ReadErrors },
      },
    },
    async (request) => {
      const strategy = await getStrategy(db, actorOf(request), request.params.year);
      return strategy;
    },
  );

  app.put(
    '/api/strategies/:year',
    {
      config: { sendsEtag: true },
      schema: {
        tags: ['strategies'],
        summary: 'Set the strategy (leaders, admins); send If-Match with the version you read',
        params: YearParams,
        headers: OptionalIfMatchHeaders,
        body: StrategyInput,
        response: { 200: Strategy, ...WriteErrors },
      },
    },
    async (request) => {
      const strategy = await saveStrategy(
        db,
        actorOf(request),
        request.params.year,
        request.body,
        request.headers['if-match'],
      );
      return strategy;
    },
  );
};
