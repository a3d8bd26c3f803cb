import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client';
import { schemaTables } from '../db/distribution';
import { testEngines } from '../test-setup/test-database';
import { createSampleRecords, urlOf, type SampleRecords } from './test-records';
import { startTestServer, type Client, type TestServer } from './test-server';

// Every operation of the OpenAPI document, walked with malformed and extreme values in each
// body field, path parameter, query parameter and If-Match header: NUL bytes, lone surrogates,
// integers beyond any column, year 0, impossible dates, deep nesting, wrong types, ids of
// records that do not exist or belong to another organisation, and values fast-check makes up.
// No answer may be a 500, and a request refused (4xx) must leave every table as it was.

type Schema = {
  type?: string | string[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: Schema | boolean;
};
type Parameter = { in: 'path' | 'query' | 'header'; name: string; schema: Schema };
type Operation = {
  method: string;
  path: string;
  key: string;
  parameters: Parameter[];
  body?: Schema;
  /** The body is multipart/form-data (the CSV import): walked with MULTIPART_BODIES. */
  isMultipart?: boolean;
};
type Path = (string | number)[];

/** Ids a field of this name points at, from the sample records. */
function idFor(name: string, records: SampleRecords, ids: Record<string, string>): string {
  const byName: Record<string, string | undefined> = {
    accountId: records.accounts,
    contactId: records.contacts,
    opportunityId: records.opportunities,
    activityId: records.activities,
    stageId: records.openStage,
    productId: records.products,
    segmentId: records.segments,
    territoryId: records.territories,
    ownerId: ids.rep1,
    repId: ids.rep1,
    userId: ids.rep1,
    workableBy: ids.rep1,
    managerId: ids.manager1,
    'targetAccountIds[]': records.accounts,
    'who[]': records.contacts,
  };
  return byName[name] ?? randomUUID();
}

const PATTERN_CANDIDATES = [
  '2026-03-02',
  '2026-03',
  'EUR',
  '0.9',
  'call',
  'won_revenue',
  'hostile@acme.test',
  'X1',
];

function variantOf(schema: Schema): Schema {
  return schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0] ?? schema;
}

function typeOf(schema: Schema): string | undefined {
  const s = variantOf(schema);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type) return type;
  if (s.properties) return 'object';
  return undefined;
}

/** A value the schema accepts, or near enough to get past the validator to the service. */
function sampleOf(
  schema: Schema,
  name: string,
  context: { records: SampleRecords; ids: Record<string, string>; counter: { n: number } },
): unknown {
  const s = variantOf(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? [])
        out[key] = sampleOf(s.properties?.[key] ?? {}, key, context);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () =>
        sampleOf(s.items ?? {}, `${name}[]`, context),
      );
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum ?? 0) + 1;
      return Math.min(Math.max(1, min), s.maximum ?? 1);
    }
    case 'boolean':
      return false;
    case 'string': {
      if (s.format === 'uuid') return idFor(name, context.records, context.ids);
      if (s.format === 'date') return '2026-03-02';
      if (s.format === 'email') return `hostile${++context.counter.n}@acme.test`;
      if (s.pattern) {
        const pattern = new RegExp(s.pattern);
        const fit = PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate));
        if (fit)
          return fit === 'hostile@acme.test' ? `hostile${++context.counter.n}@acme.test` : fit;
      }
      const text = `Hostile ${++context.counter.n}`;
      return text.padEnd(s.minLength ?? 0, 'x').slice(0, s.maxLength ?? text.length);
    }
    default:
      return 'x';
  }
}

/** Every place in a body a value can go: each property (optional ones too) and array element. */
function placesOf(schema: Schema, path: Path = []): { path: Path; schema: Schema }[] {
  const s = variantOf(schema);
  const here = path.length > 0 ? [{ path, schema: s }] : [];
  if (typeOf(s) === 'object')
    return [
      ...here,
      ...Object.entries(s.properties ?? {}).flatMap(([key, child]) =>
        placesOf(child, [...path, key]),
      ),
    ];
  if (typeOf(s) === 'array' && s.items) return [...here, ...placesOf(s.items, [...path, 0])];
  return here;
}

function deepNesting(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

const HUGE = [2 ** 31, 2 ** 53 + 2, 2 ** 63, -(2 ** 63), 1e308, -1, 0.5];
const STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202e\u0301',
  ' ',
  'x'.repeat(20_000),
];
const DATES = ['0000-01-01', '-000001-01-01', '2026-02-30', '+275760-09-13', '1900-01-01'];
/** Whole bodies of the wrong shape. */
const WRONG_BODIES = [null, [], 'text', 12, true, deepNesting(2000)];

/** The hostile values tried at one place, by what the schema expects there. */
function hostileFor(schema: Schema, name: string, otherOrgId: string): unknown[] {
  const s = variantOf(schema);
  const type = typeOf(s);
  const made = fc.sample(fc.anything({ withNullPrototype: false }), {
    numRuns: 1,
    seed: name.length,
  });
  const base = [null, {}, deepNesting(50), ...made];
  if (type === 'integer' || type === 'number') return [...base, ...HUGE, '1', 'NaN'];
  if (type === 'string') {
    if (s.format === 'uuid') return [...base, randomUUID(), otherOrgId, 'not-a-uuid', 'a\u0000b'];
    if (s.format === 'date' || /date|On$|From$|To$/.test(name))
      return [...base, ...DATES, '\u0000', '\ud800'];
    return [...base, ...STRINGS, 2 ** 63, []];
  }
  if (type === 'array') return [...base, [null], ['\u0000'], Array(5000).fill(1), 'text'];
  return [...base, 'text', 2 ** 63, []];
}

/**
 * Each place gets a few of its hostile values, a different few at each next place, so that
 * across the document every value meets every kind of field without trying each everywhere
 * (that walk took 12 minutes).
 */
const PER_PLACE = 4;
function someOf<T>(values: T[], start: number): T[] {
  if (values.length <= PER_PLACE) return values;
  return Array.from({ length: PER_PLACE }, (_, i) => values[(start + i) % values.length] as T);
}

function withValueAt(body: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Path];
  const container = (
    Array.isArray(body)
      ? [...body]
      : typeof body === 'object' && body !== null
        ? { ...body }
        : typeof head === 'number'
          ? []
          : {}
  ) as Record<string | number, unknown>;
  container[head] = withValueAt(container[head], rest, value);
  return container;
}

/** Malformed uploads for a multipart operation: bad request fields, bad files, broken bodies. */
function multipartBodies(): { label: string; body: FormData | string; type?: string }[] {
  const form = (
    request: unknown,
    files: (string | Uint8Array<ArrayBuffer>)[] = ['Id,Name\nX1,Acme\n'],
  ) => {
    const data = new FormData();
    data.append('request', typeof request === 'string' ? request : JSON.stringify(request));
    files.forEach((file, i) => data.append('files', new Blob([file]), `f${i}.csv`));
    return data;
  };
  const accounts = (columns: Record<string, string>, extra: object = {}) => ({
    files: [{ entity: 'accounts', name: 'a.csv', columns }],
    ...extra,
  });
  const fileFirst = new FormData();
  fileFirst.append('files', new Blob(['Id\n1\n']), 'a.csv');
  fileFirst.append('request', JSON.stringify(accounts({ externalId: 'Id' })));
  return [
    { label: 'request with a NUL', body: form(accounts({ name: 'Na\u0000me' })) },
    { label: 'request of lone surrogates', body: form(accounts({ '\ud800': '\udfff' })) },
    { label: 'request deeply nested', body: form(JSON.stringify(deepNesting(2000))) },
    { label: 'request not JSON', body: form('{"files":') },
    { label: 'request of the wrong shape', body: form([1, 2, 3]) },
    { label: 'a file before the request', body: fileFirst },
    { label: 'no files', body: form(accounts({ externalId: 'Id', name: 'Name' }), []) },
    {
      label: 'seven files',
      body: form(accounts({ externalId: 'Id' }), Array(7).fill('Id\n1\n') as string[]),
    },
    {
      label: 'a file of NULs, lone surrogates and bytes that are not UTF-8',
      body: form(accounts({ externalId: 'Id', name: 'Name' }, { dryRun: false }), [
        new Uint8Array([
          0x49, 0x64, 0x2c, 0x4e, 0x61, 0x6d, 0x65, 0x0a, 0xff, 0x00, 0x2c, 0xed, 0xa0, 0x80, 0x0a,
        ]),
      ]),
    },
    {
      label: 'a quote never closed',
      body: form(accounts({ externalId: 'Id', name: 'Name' }, { dryRun: false }), [
        'Id,Name\n"X1,Acme\n',
      ]),
    },
    {
      label: 'a header the map names not',
      body: form(accounts({ externalId: 'No such column' }, { dryRun: false })),
    },
    {
      label: 'a body cut short',
      type: 'multipart/form-data; boundary=x',
      body: '--x\r\nContent-Disposition: form-data; name="request"\r\n\r\n{"fi',
    },
    { label: 'no boundary', type: 'multipart/form-data', body: 'whatever' },
  ];
}

const PATH_VALUES = ['%00', '%ED%A0%80', '99999999999999999999', 'not-a-uuid', '..%2F..'];
const QUERY_VALUES = ['%00', '%ED%A0%80', '9'.repeat(30), '0000-01-01', '-1', '%ZZ'];
const IF_MATCH_VALUES = ['99999999999999999999', '-1', '"1"x', 'W/"0"', '*', '1, 2'];

/**
 * Counts every row any request writes to a tenant table (a row trigger adding one to a counter):
 * the counter moves with the transaction, so a refused request that wrote and rolled back leaves
 * it as it was, and one that committed a part of its write does not.
 */
async function countWrites(server: TestServer): Promise<() => Promise<number>> {
  const { db } = server.database;
  // Signing in touches sessions and tokens' last use: not a write of the request's own.
  const tables = schemaTables()
    .map((table) => table.name)
    .filter((name) => !['sessions', 'api_tokens'].includes(name));
  await queryRows(db, sql.raw('create table hostile_writes (n bigint not null)'));
  await queryRows(db, sql.raw('insert into hostile_writes values (0)'));
  await queryRows(
    db,
    sql.raw(
      `create function hostile_count() returns trigger language plpgsql as $$ begin update hostile_writes set n = n + 1; return null; end $$`,
    ),
  );
  for (const name of tables)
    await queryRows(
      db,
      sql.raw(
        `create trigger hostile_count after insert or update or delete on "${name}" for each row execute function hostile_count()`,
      ),
    );
  return async () => {
    const [row] = await queryRows<{ n: string }>(db, sql.raw('select n from hostile_writes'));
    return Number(row?.n);
  };
}

describe.each(testEngines())(
  'hostile input on %s: never a 500, never a partial write',
  (engine) => {
    let server: TestServer;
    let operations: Operation[];
    let records: SampleRecords;
    let writes: () => Promise<number>;
    const CALLERS = ['rep1', 'admin', 'leader', 'manager1'] as const;
    const clients = {} as Record<(typeof CALLERS)[number], Client>;

    beforeAll(async () => {
      server = await startTestServer(engine);
      for (const who of CALLERS) clients[who] = await server.as(`${who}@acme.test`);
      records = await createSampleRecords(server, { admin: clients.admin, rep: clients.rep1 });
      writes = await countWrites(server);
      const document = (await server.anonymous.request('GET', '/api/openapi.json')).body as {
        paths: Record<
          string,
          Record<
            string,
            {
              parameters?: Parameter[];
              requestBody?: { content: Record<string, { schema: Schema }> };
            }
          >
        >;
      };
      operations = Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({
          method: method.toUpperCase(),
          path,
          key: `${method.toUpperCase()} ${path}`,
          parameters: operation.parameters ?? [],
          body: operation.requestBody?.content['application/json']?.schema,
          isMultipart: operation.requestBody?.content['multipart/form-data'] !== undefined,
        })),
      );
    }, 120_000);
    afterAll(() => server.close());

    it('answers every malformed request with a 4xx and leaves the data as it was', async () => {
      const problems: string[] = [];
      const context = { records, ids: server.ids, counter: { n: 0 } };
      const otherOrgUser = server.ids.rep9 ?? '';
      // Deletes last (they remove the sample records); signing out is not walked.
      const order = (operation: Operation) => (operation.method === 'DELETE' ? 1 : 0);
      const walked = operations
        .filter((operation) => operation.key !== 'DELETE /api/session')
        .sort((a, b) => order(a) - order(b));
      let requests = 0;
      let rotation = 0;
      const statuses: Record<number, number> = {};

      for (const operation of walked) {
        const baseBody = operation.body ? sampleOf(operation.body, 'body', context) : undefined;
        const baseHeaders: Record<string, string> = operation.parameters.some(
          (p) => p.in === 'header' && p.name === 'if-match',
        )
          ? { 'if-match': '0' }
          : {};
        const baseUrl = urlOf(records, operation.path);
        // The first caller the operation lets in (sign-in needs nobody).
        let caller = server.anonymous;
        if (!operation.path.startsWith('/api/session')) {
          for (const who of CALLERS) {
            caller = clients[who];
            const probe = await caller.request(operation.method, baseUrl, baseBody, baseHeaders);
            requests += 1;
            if (probe.status >= 500)
              problems.push(`${operation.key} (valid sample): ${probe.status}`);
            if (probe.status !== 401 && probe.status !== 403) break;
          }
        }

        const variants: {
          label: string;
          url: string;
          body: unknown;
          headers: Record<string, string>;
        }[] = [];
        for (const place of operation.body ? placesOf(operation.body) : [])
          for (const value of someOf(
            hostileFor(place.schema, String(place.path.at(-1)), otherOrgUser),
            (rotation += PER_PLACE),
          ))
            variants.push({
              label: `body.${place.path.join('.')} = ${JSON.stringify(value)?.slice(0, 40)}`,
              url: baseUrl,
              body: withValueAt(baseBody, place.path, value),
              headers: baseHeaders,
            });
        if (operation.body)
          for (const value of WRONG_BODIES)
            variants.push({
              label: `body = ${JSON.stringify(value).slice(0, 40)}`,
              url: baseUrl,
              body: value,
              headers: baseHeaders,
            });
        for (const parameter of operation.parameters) {
          if (parameter.in === 'path')
            for (const value of [...PATH_VALUES, otherOrgUser, randomUUID()])
              variants.push({
                label: `path ${parameter.name} = ${value}`,
                url: urlOf(records, operation.path.replace(`{${parameter.name}}`, value)),
                body: baseBody,
                headers: baseHeaders,
              });
          if (parameter.in === 'query')
            for (const value of QUERY_VALUES)
              variants.push({
                label: `query ${parameter.name} = ${value}`,
                url: `${baseUrl}?${parameter.name}=${value}`,
                body: baseBody,
                headers: baseHeaders,
              });
          if (parameter.in === 'header' && parameter.name === 'if-match')
            for (const value of IF_MATCH_VALUES)
              variants.push({
                label: `If-Match: ${value}`,
                url: baseUrl,
                body: baseBody,
                headers: { 'if-match': value },
              });
        }

        for (const upload of operation.isMultipart ? multipartBodies() : []) {
          const writesBefore = await writes();
          const response = await fetch(server.baseUrl + baseUrl, {
            method: operation.method,
            headers: {
              ...(caller.cookie ? { cookie: caller.cookie } : {}),
              ...(upload.type ? { 'content-type': upload.type } : {}),
            },
            body: upload.body,
          });
          await response.text();
          requests += 1;
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          if (response.status >= 500)
            problems.push(`${operation.key} multipart ${upload.label}: ${response.status}`);
          else if (response.status >= 400) {
            const written = (await writes()) - writesBefore;
            if (written !== 0)
              problems.push(
                `${operation.key} multipart ${upload.label}: ${response.status} but wrote ${written} rows`,
              );
          }
        }

        for (const variant of variants) {
          const writesBefore = operation.method === 'GET' ? 0 : await writes();
          const response = await caller.request(
            operation.method,
            variant.url,
            variant.body,
            variant.headers,
          );
          requests += 1;
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          if (response.status >= 500)
            problems.push(`${operation.key} ${variant.label}: ${response.status}`);
          else if (response.status >= 400 && operation.method !== 'GET') {
            const written = (await writes()) - writesBefore;
            if (written !== 0)
              problems.push(
                `${operation.key} ${variant.label}: ${response.status} but wrote ${written} rows`,
              );
          }
        }
      }
      // The walk reaches the services, not only the validator: some hostile values are fine
      // (a name with a right-to-left mark), some are refused by a rule (a foreign id: 422).
      expect(problems).toEqual([]);
      expect(requests).toBeGreaterThan(2000);
      expect((statuses[200] ?? 0) + (statuses[201] ?? 0)).toBeGreaterThan(50);
      expect((statuses[404] ?? 0) + (statuses[422] ?? 0)).toBeGreaterThan(100);
    }, 1_200_000);
  },
);
