import type { FastifyInstance } from 'fastify';
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
import { actorOf } from '../authentication';

// The five routes every record type has (list, create, read, change, delete), each parsing with
// the feature's shared schemas and calling the feature's service: no logic lives here.

type Service<TList, TInput, TPatch, TItem, TDetail> = {
  list(db: Database, actor: Actor, query: TList): Promise<{ items: TItem[]; total: number }>;
  get(db: Database, actor: Actor, id: string): Promise<TDetail>;
  create(db: Database, actor: Actor, input: TInput): Promise<TDetail>;
  update(db: Database, actor: Actor, id: string, patch: TPatch): Promise<TDetail>;
  remove(db: Database, actor: Actor, id: string): Promise<void>;
};

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
  service: Service<z.output<Q>, z.output<I>, z.output<P>, z.output<T>, z.output<D>>;
};

const idOf = (params: unknown) => (params as z.output<typeof IdParams>).id;

export function registerCrudRoutes<
  Q extends z.ZodType,
  I extends z.ZodType,
  P extends z.ZodType,
  T extends z.ZodType,
  D extends z.ZodType,
>(parent: FastifyInstance, db: Database, options: CrudOptions<Q, I, P, T, D>) {
  // Untyped on purpose: the Zod compilers still validate and serialise with these schemas, and
  // the generic parameters carry the types to the services.
  const app = parent;
  const { path, noun, schemas, service } = options;
  const tags = [path.replace('/api/', '')];

  app.get(
    path,
    {
      schema: {
        tags,
        summary: `List ${noun}s you may see, with paging, sorting and filters`,
        querystring: schemas.listQuery,
        response: { 200: ListResponse(schemas.item), ...ReadErrors },
      },
    },
    async (request) => service.list(db, actorOf(request), request.query as z.output<Q>),
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
      reply
        .status(201)
        .send(await service.create(db, actorOf(request), request.body as z.output<I>)),
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
    async (request) => service.get(db, actorOf(request), idOf(request.params)),
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
    async (request) =>
      service.update(db, actorOf(request), idOf(request.params), request.body as z.output<P>),
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
      await service.remove(db, actorOf(request), idOf(request.params));
      return reply.status(204).send();
    },
  );
}
