import type { FastifyInstance, FastifyTypeProvider, RouteGenericInterface } from 'fastify';
import type { ResolveFastifyRequestType } from 'fastify/types/type-provider';
import { z } from 'zod';
import type { Database } from '../../db/client';
import {
  ErrorResponse,
  IdParams,
  ListResponse,
  ReadErrors,
  WriteErrors,
} from '../../schemas/common';
import type { Actor } from '../../services/authorization';
import type { CsvExport } from '../../services/csv-export';
import { actorOf } from '../authentication';
import { ListOrCsvResponse, sendCsv, wantsCsv } from '../csv-response';

// The five routes every record type has (list, create, read, change, delete), each parsing with
// the feature's shared schemas and calling the feature's service: no logic lives here.

type Service<TList, TInput, TPatch, TItem, TDetail> = {
  list(db: Database, actor: Actor, query: TList): Promise<{ items: TItem[]; total: number }>;
  get(db: Database, actor: Actor, id: string): Promise<TDetail>;
  create(db: Database, actor: Actor, input: TInput): Promise<TDetail>;
  update(db: Database, actor: Actor, id: string, patch: TPatch): Promise<TDetail>;
  remove(db: Database, actor: Actor, id: string): Promise<void>;
};

// Types each handler's query, body and params from its Zod schema, as the Zod type provider does.
// Inside this generic function Fastify cannot resolve a schema's type, so the services' input
// types are spelled the way Fastify spells a handler's, and the two are the same type. Replies
// are typed by the services (their output is the detail schema's) and serialised by that schema.
interface CrudTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: unknown;
}
/** What a handler receives for a body (or query) validated by the schema `S`. */
type Validated<S> = ResolveFastifyRequestType<
  CrudTypeProvider,
  { body: S },
  RouteGenericInterface
>['body'];

type CrudOptions<
  Q extends z.ZodType,
  I extends z.ZodType,
  P extends z.ZodType,
  T extends z.ZodType,
  D extends z.ZodType,
> = {
  path: string;
  noun: string;
  schemas: { listQuery: Q; input: I; patch: P; item: T; detail: D };
  service: Service<Validated<Q>, Validated<I>, Validated<P>, z.output<T>, z.output<D>>;
  /** The whole list as CSV, for `Accept: text/csv` or `?csv=` (http/csv-response.ts). */
  exportCsv?: (db: Database, actor: Actor, query: Validated<Q>) => Promise<CsvExport>;
};

export function registerCrudRoutes<
  Q extends z.ZodType,
  I extends z.ZodType,
  P extends z.ZodType,
  T extends z.ZodType,
  D extends z.ZodType,
>(parent: FastifyInstance, db: Database, options: CrudOptions<Q, I, P, T, D>) {
  const app = parent.withTypeProvider<CrudTypeProvider>();
  const { path, noun, schemas, service, exportCsv } = options;
  const tags = [path.replace('/api/', '')];

  app.get(
    path,
    {
      schema: {
        tags,
        summary: `List ${noun}s you may see, with paging, sorting and filters`,
        querystring: schemas.listQuery,
        response: {
          200: exportCsv ? ListOrCsvResponse(schemas.item) : ListResponse(schemas.item),
          ...ReadErrors,
        },
      },
    },
    async (request, reply) => {
      if (!exportCsv) return service.list(db, actorOf(request), request.query);
      void reply.header('vary', 'Accept');
      if (wantsCsv(request)) {
        return sendCsv(reply, await exportCsv(db, actorOf(request), request.query));
      }
      return service.list(db, actorOf(request), request.query);
    },
  );

  app.post(
    path,
    {
      schema: {
        tags,
        summary: `Create a ${noun}`,
        body: schemas.input,
        response: { 201: schemas.detail, ...WriteErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(db, actorOf(request), request.body)),
  );

  app.get(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: `Read a ${noun}`,
        params: IdParams,
        response: { 200: schemas.detail, ...ReadErrors },
      },
    },
    async (request) => service.get(db, actorOf(request), request.params.id),
  );

  app.patch(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: `Change some fields of a ${noun}`,
        params: IdParams,
        body: schemas.patch,
        response: { 200: schemas.detail, ...WriteErrors },
      },
    },
    async (request) => service.update(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: `Delete a ${noun}`,
        params: IdParams,
        response: { 204: z.undefined(), ...ReadErrors, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      await service.remove(db, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
