import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { ReadErrors, WriteErrors } from '../../schemas/common';
import { PlanParams } from '../../schemas/key-accounts-plans';
import { KeyAccountWhitespace, WhitespaceInput } from '../../schemas/key-accounts-whitespace';
import {
  getKeyAccountWhitespace,
  saveKeyAccountWhitespace,
} from '../../services/key-accounts-whitespace';
import { actorOf } from '../authentication';

// A key account's whitespace: per product the potential, won in the last 12 months, the open
// pipeline and the gap; the account's owner replaces the potentials.

const tags = ['key-accounts'];
const path = '/api/key-accounts/:accountId/whitespace';

export const keyAccountWhitespaceRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (
  app,
  { db },
) => {
  app.get(
    path,
    {
      schema: {
        tags,
        summary:
          'Per product of the organisation: the potential, won in the last 12 months, the open pipeline and the gap',
        description:
          'Money in integer minor units of the organisation’s currency; deals without an exchange rate are left out, as on the dashboards. The gap is potential − won − open, never below 0.',
        params: PlanParams,
        response: { 200: KeyAccountWhitespace, ...ReadErrors },
      },
    },
    async (request) => getKeyAccountWhitespace(db, actorOf(request), request.params.accountId),
  );

  app.put(
    path,
    {
      schema: {
        tags,
        summary: 'Replace the potentials of a confirmed key account (the account owner)',
        description:
          'The whole set: a product left out has no potential. A negative or fractional potential, an unknown or repeated product is 422 naming the field, with nothing saved. Answers the whitespace.',
        params: PlanParams,
        body: WhitespaceInput,
        response: { 200: KeyAccountWhitespace, ...WriteErrors },
      },
    },
    async (request) =>
      saveKeyAccountWhitespace(db, actorOf(request), request.params.accountId, request.body),
  );
};
