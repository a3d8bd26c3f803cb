import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { IdParams, IfMatchHeaders, ReadErrors, WriteErrors } from '../../schemas/common';
import {
  AccountRatings,
  ConfirmationInput,
  Ranking,
  RankingQuery,
  RatingsInput,
  ScoringModel,
  ScoringModelInput,
} from '../../schemas/key-accounts';
import {
  confirmKeyAccounts,
  getRanking,
  getScoringModel,
  rateAccount,
  saveScoringModel,
} from '../../services/key-accounts';
import { exportRanking } from '../../services/csv-export-plans';
import { actorOf } from '../authentication';
import { PlanListOrCsvResponse, sendJsonOrCsv } from '../csv-response';

// Key accounts: the scoring model, the ranking it gives and the confirmation of the year's list.

const tags = ['key-accounts'];

export const keyAccountRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/key-accounts/model',
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary: 'The scoring model in use (version 0 before the first save) and its history',
        response: { 200: ScoringModel, ...ReadErrors },
      },
    },
    async (request) => {
      const model = await getScoringModel(db, actorOf(request));
      return model;
    },
  );

  app.put(
    '/api/key-accounts/model',
    {
      config: { sendsEtag: true },
      schema: {
        tags,
        summary: 'Save the scoring model as a new version (leader or admin)',
        description:
          'Send the model `version` you read as `If-Match` (0 before the first save); a stale one ' +
          'is 409 with the current model in `error.current`. A criterion left out is removed ' +
          'with its ratings.',
        headers: IfMatchHeaders,
        body: ScoringModelInput,
        response: { 200: ScoringModel, ...WriteErrors },
      },
    },
    async (request) => {
      const model = await saveScoringModel(
        db,
        actorOf(request),
        request.headers['if-match'],
        request.body,
      );
      return model;
    },
  );

  app.put(
    '/api/key-accounts/ratings/:id',
    {
      schema: {
        tags,
        summary: "Enter or clear an account's 1–5 ratings on the model's rating criteria",
        params: IdParams,
        body: RatingsInput,
        response: { 200: AccountRatings, ...WriteErrors },
      },
    },
    async (request) => rateAccount(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/key-accounts/ranking',
    {
      schema: {
        tags,
        summary:
          'Every account you may read by potential score, with each criterion’s contribution, ' +
          'the proposed key accounts (top X%, ties at the cut included) and what would move in ' +
          'and out of the confirmed list',
        querystring: RankingQuery,
        response: { 200: PlanListOrCsvResponse(Ranking), ...ReadErrors },
      },
    },
    async (request, reply) =>
      sendJsonOrCsv(request, reply, {
        csv: () => exportRanking(db, actorOf(request), request.query),
        json: () => getRanking(db, actorOf(request), request.query),
      }),
  );

  app.post(
    '/api/key-accounts/confirmation',
    {
      schema: {
        tags,
        summary:
          "Confirm this fiscal year's key accounts: the proposal with overrides, each with a reason (leader or admin)",
        description:
          'A `modelVersion` other than the one in use is 409: the ranking changed, look at it again.',
        body: ConfirmationInput,
        response: { 200: Ranking, ...WriteErrors },
      },
    },
    async (request) => confirmKeyAccounts(db, actorOf(request), request.body),
  );
};
