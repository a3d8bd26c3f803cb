// The benchmark's server: the real app (buildServer) over the loaded database, in a process of
// its own so its peak RSS is the server's alone. Over IPC it also times the SQL floors through the
// same connection pool or PGlite instance the app uses, captures the statements a request sends
// (with their parameters) and runs EXPLAIN (ANALYZE, BUFFERS) on them.
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/db/client';
import { buildServer } from '../../src/http/server';

export type Statement = { sql: string; params: unknown[] };
export type ChildRequest =
  | { type: 'floor'; sql: string; params: unknown[]; warmups: number; requests: number }
  | { type: 'query'; sql: string; params: unknown[] }
  | { type: 'capture' }
  | { type: 'captured' }
  | { type: 'explain'; statements: Statement[] }
  | { type: 'rss' }
  | { type: 'exit' };

type RawClient = { query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }> };
type Logger = { logQuery(sql: string, params: unknown[]): void };

async function main() {
  const { values } = parseArgs({
    options: { url: { type: 'string' }, dir: { type: 'string' }, port: { type: 'string' } },
  });
  const handle = await openDatabase({
    databaseUrl: values.url,
    dataDir: values.dir ?? '',
    purpose: 'bench-dashboards server',
  });
  const app = await buildServer({
    database: handle,
    sessionDays: 1,
    secureCookies: false,
    logLevel: 'silent',
    webDir: '/nonexistent',
  });
  // The HTTP floor: a route that does nothing, through the same Fastify instance.
  app.get('/bench/hello', async () => ({ hello: 'world' }));
  await app.listen({ port: Number(values.port ?? 0), host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  // Drizzle's logger sees every statement with its parameters (transactions share the object).
  const internals = handle.db as unknown as { $client: RawClient; session: { logger: Logger } };
  const raw = internals.$client;
  const logger = internals.session.logger;
  const logQuery = logger.logQuery.bind(logger);
  let captured: Statement[] | null = null;
  logger.logQuery = (sql, params) => {
    captured?.push({ sql, params });
    logQuery(sql, params);
  };

  const answer = async (request: ChildRequest): Promise<unknown> => {
    switch (request.type) {
      case 'floor': {
        const times: number[] = [];
        for (let i = 0; i < request.warmups + request.requests; i++) {
          const started = performance.now();
          await raw.query(request.sql, request.params);
          if (i >= request.warmups) times.push(performance.now() - started);
        }
        return times;
      }
      case 'query':
        return (await raw.query(request.sql, request.params)).rows;
      case 'capture':
        captured = [];
        return null;
      case 'captured': {
        const list = captured ?? [];
        captured = null;
        return list;
      }
      case 'explain': {
        const plans: string[] = [];
        for (const statement of request.statements) {
          const result = await raw.query(
            `explain (analyze, buffers) ${statement.sql}`,
            statement.params,
          );
          plans.push(
            (result.rows as Record<string, string>[]).map((row) => row['QUERY PLAN']).join('\n'),
          );
        }
        return plans;
      }
      case 'rss':
        return {
          peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
          rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
        };
      case 'exit':
        await app.close();
        await handle.close();
        setImmediate(() => process.exit(0));
        return null;
    }
  };
  process.on('message', (message: { id: number; request: ChildRequest }) => {
    answer(message.request).then(
      (result) => process.send?.({ id: message.id, result }),
      (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
    );
  });
  process.send?.({ ready: port });
}

await main();
