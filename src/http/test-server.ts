import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/client';
import { createTestDatabase, type Engine } from '../test-setup/test-database';
import { createOrganisation } from '../services/organisations';
import { addUser } from '../services/users';
import { buildServer } from './server';
import { duringRequest } from '../test-setup/query-log';
import type { Role } from '../domain/roles';

// A real server on a free port over a database of its own, with two organisations:
// acme (leader, admin, manager1 with rep1 and rep2, manager2 with rep3) and other (rep9).

export const PASSWORD = 'correct horse battery';

export type TestServer = {
  app: FastifyInstance;
  database: DatabaseHandle;
  baseUrl: string;
  ids: Record<string, string>;
  orgIds: { acme: string; other: string };
  /** Signs in and returns a client that sends the session cookie. */
  as(email: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
};

export type Response<T = unknown> = { status: number; body: T; headers: Headers };

export type Client = {
  cookie: string | null;
  // Tests read deep into JSON answers; `any` keeps them short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response<T>>;
};

function client(baseUrl: string, cookie: string | null): Client {
  return {
    cookie,
    async request(method, path, body, headers = {}) {
      const response = await fetch(baseUrl + path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(cookie ? { cookie } : {}),
          ...headers,
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: text ? JSON.parse(text) : undefined,
        headers: response.headers,
      };
    },
  };
}

export async function startTestServer(
  engine: Engine,
  options: { webDir?: string; importMaxFileBytes?: number } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(engine);
  const db = database.db;
  const acme = await createOrganisation(db, { slug: 'acme', name: 'Acme' });
  const other = await createOrganisation(db, { slug: 'other', name: 'Other Co' });
  const ids: Record<string, string> = {};
  const add = async (key: string, orgId: string, role: Role, manager?: string) => {
    const user = await addUser(db, orgId, {
      email: `${key}@${orgId === acme.id ? 'acme' : 'other'}.test`,
      name: key,
      role,
      managerId: manager ? ids[manager] : null,
      password: PASSWORD,
    });
    ids[key] = user.id;
  };
  await add('leader', acme.id, 'leader');
  await add('admin', acme.id, 'admin');
  await add('manager1', acme.id, 'manager', 'leader');
  await add('manager2', acme.id, 'manager', 'leader');
  await add('rep1', acme.id, 'rep', 'manager1');
  await add('rep2', acme.id, 'rep', 'manager1');
  await add('rep3', acme.id, 'rep', 'manager2');
  await add('rep9', other.id, 'rep');

  const app = await buildServer({
    database,
    sessionDays: 14,
    secureCookies: false,
    logLevel: 'silent',
    webDir: options.webDir ?? '/nonexistent',
    ...(options.importMaxFileBytes ? { importMaxFileBytes: options.importMaxFileBytes } : {}),
  });
  // Every statement a request sends goes through the query log (src/test-setup/query-log.ts).
  app.addHook('onRequest', (request, _reply, done) =>
    duringRequest(`${request.method} ${request.url}`, done),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    app,
    database,
    baseUrl,
    ids,
    orgIds: { acme: acme.id, other: other.id },
    anonymous: client(baseUrl, null),
    async as(email) {
      const response = await client(baseUrl, null).request('POST', '/api/session', {
        email,
        password: PASSWORD,
      });
      if (response.status !== 200)
        throw new Error(`sign-in as ${email} failed: ${response.status}`);
      const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? null;
      return client(baseUrl, cookie);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** The SQL statements `action` sends through the server's database, read from its query hook. */
export async function statementsOf(
  server: TestServer,
  action: () => Promise<unknown>,
): Promise<string[]> {
  const statements: string[] = [];
  const stop = server.database.onQuery((sql) => statements.push(sql));
  try {
    await action();
  } finally {
    stop();
  }
  return statements;
}
