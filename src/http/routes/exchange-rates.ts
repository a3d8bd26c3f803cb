import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { ListResponse, ReadErrors, WriteErrors } from '../../schemas/common';
import {
  ExchangeRate,
  ExchangeRateImport,
  ExchangeRateImportResult,
  ExchangeRateInput,
  ExchangeRateListQuery,
  ExchangeRateParams,
} from '../../schemas/exchange-rates';
import {
  deleteExchangeRate,
  importExchangeRates,
  listExchangeRates,
  setExchangeRate,
} from '../../services/exchange-rates';
import { actorOf } from '../authentication';

export const exchangeRateRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/exchange-rates',
    {
      schema: {
        tags: ['exchange-rates'],
        summary: "The organisation's exchange rates by currency and month",
        querystring: ExchangeRateListQuery,
        response: { 200: ListResponse(ExchangeRate), ...ReadErrors },
      },
    },
    async (request) => listExchangeRates(db, actorOf(request), request.query),
  );

  app.put(
    '/api/exchange-rates/:currency/:month',
    {
      schema: {
        tags: ['exchange-rates'],
        summary: 'Set the rate of a currency for a month (admins)',
        params: ExchangeRateParams,
        body: ExchangeRateInput,
        response: { 200: ExchangeRate, ...WriteErrors },
      },
    },
    async (request) =>
      setExchangeRate(
        db,
        actorOf(request),
        request.params.currency,
        request.params.month,
        request.body.rate,
      ),
  );

  app.delete(
    '/api/exchange-rates/:currency/:month',
    {
      schema: {
        tags: ['exchange-rates'],
        summary: 'Remove the rate of a currency for a month (admins)',
        params: ExchangeRateParams,
        response: { 204: z.undefined(), ...ReadErrors },
      },
    },
    async (request, reply) => {
      await deleteExchangeRate(db, actorOf(request), request.params.currency, request.params.month);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/exchange-rates/import',
    {
      schema: {
        tags: ['exchange-rates'],
        summary: 'Import a rate table (CSV currency,month,rate): every row, or none (admins)',
        body: ExchangeRateImport,
        response: { 200: ExchangeRateImportResult, ...WriteErrors },
      },
    },
    async (request) => importExchangeRates(db, actorOf(request), request.body.csv),
  );
};
