import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { IfMatchHeaders, ReadErrors, WriteErrors } from '../../schemas/common';
import { PlanParams } from '../../schemas/key-accounts-plans';
import { KeyAccountWhitespace, WhitespaceInput } from '../../schemas/key-accounts-whitespace';
import {
  getKeyAccountWhitespace,
  saveKeyAccountWhitespace,
} from '../../services/key-accounts-whitespace';
import { actorOf } from '../authentication';

// A key account's whitespace: per product the potential, won in the last 12 months, the open
// pipeline and the gap; the account's owner replaces the potentials, sending the version read as
// If-Match (the GET's ETag), as the plan's writes do.

const tags = ['key-accounts'];
const path = '/api/key-accounts/:accountId/whitespace';

export const keyAccountWhitespaceRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (
  app,
  { db },
) => {
  app.get(
    path,
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary:
          'Per product of the organisation: the potential, won in the last 12 months, the open pipeline and the gap',
        description:
          'Money in integer minor units of the organisation’s currency; deals without an exchange rate are left out and counted per currency in `unconverted`, as on the dashboards. The gap is potential − won − open, never below 0. The ETag is the potentials’ `version`.',
        params: PlanParams,
        response: { 200: KeyAccountWhitespace, ...ReadErrors },
      },
    },
    async (request) => getKeyAccountWhitespace(db, actorOf(request), request.params.accountId),
  );

  app.put(
    path,
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary: 'Replace the potentials of a confirmed key account (the account owner)',
        description:
          'The whole set: a product left out has no potential. Send the whitespace `version` you read as `If-Match` (0 before the first save); a stale one is 409 with the current whitespace in `error.current` and nothing saved. A negative or fractional potential, an unknown or repeated product is 422 naming the field, with nothing saved. Answers the whitespace.',
        params: PlanParams,
        headers: IfMatchHeaders,
        body: WhitespaceInput,
        response: { 200: KeyAccountWhitespace, ...WriteErrors },
      },
    },
    async (request) =>
      saveKeyAccountWhitespace(
        db,
        actorOf(request),
        request.params.accountId,
        request.headers['if-match'],
        request.body,
      ),
  );
};
