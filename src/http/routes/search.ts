import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { ReadErrors } from '../../schemas/common';
import { SearchQuery, SearchResponse } from '../../schemas/search';
import { search } from '../../services/search';
import { actorOf } from '../authentication';

export const searchRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'Accounts, contacts and deals you may see whose name, email or account is like the text, typos forgiven, best first',
        querystring: SearchQuery,
        response: { 200: SearchResponse, ...ReadErrors },
      },
    },
    async (request) => search(db, actorOf(request), request.query),
  );
};
