// The load benchmark's servers, each in a process of its own (the load generator runs in the
// parent): `--mode app` is the real app (buildServer) over the bench database; `--mode floor` is
// a bare Fastify app on the same database (a pg pool of the app's size, no authentication, no
// validation) whose routes run the real routes' main statements, handed over IPC, as they are.
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import pg from 'pg';
import { openPostgres } from '../../src/db/client';
import { buildServer } from '../../src/http/server';

export type Statement = { sql: string; params: unknown[] };
export type ChildRequest =
  | { type: 'capture' }
  | { type: 'captured' }
  | { type: 'floors'; floors: Record<string, Statement> }
  | { type: 'rss' }
  | { type: 'exit' };

/** The floor's plan write: the win-win saved and the version bumped in one statement. */
export const FLOOR_PLAN_WRITE = `insert into deal_plans (org_id, opportunity_id, buyer_result, buyer_personal_win, our_win)
  values ($1, $2, $3, $4, $5)
  on conflict (org_id, opportunity_id) do update set buyer_result = excluded.buyer_result,
    buyer_personal_win = excluded.buyer_personal_win, our_win = excluded.our_win,
    version = deal_plans.version + 1, updated_at = now()
  returning version`;

async function main() {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string', default: 'app' },
      url: { type: 'string' },
      port: { type: 'string', default: '0' },
    },
  });
  if (!values.url) throw new Error('--url is required');
  const port = Number(values.port);
  let close: () => Promise<void>;
  let answerMode: (request: ChildRequest) => unknown = () => null;

  if (values.mode === 'app') {
    const handle = openPostgres(values.url);
    const app = await buildServer({
      database: handle,
      sessionDays: 1,
      secureCookies: false,
      logLevel: 'silent',
      webDir: '/nonexistent',
    });
    await app.listen({ port, host: '127.0.0.1' });
    let captured: Statement[] | null = null;
    handle.onQuery((sql, params) => captured?.push({ sql, params: [...params] }));
    answerMode = (request) => {
      if (request.type === 'capture') captured = [];
      if (request.type !== 'captured') return null;
      const list = captured ?? [];
      captured = null;
      return list;
    };
    close = async () => {
      await app.close();
      await handle.close();
    };
  } else {
    // The same pool settings as openPostgres (src/db/client.ts).
    const pool = new pg.Pool({ connectionString: values.url, max: 10, options: '-c jit=off' });
    let floors: Record<string, Statement> = {};
    const app = Fastify({ logger: false });
    app.get<{ Params: { name: string } }>('/floor/:name', async (request, reply) => {
      const statement = floors[request.params.name];
      if (!statement) return reply.code(404).send({ error: 'no such floor' });
      const result = await pool.query(statement.sql, statement.params);
      return { items: result.rows };
    });
    app.put<{
      Params: { orgId: string; opportunityId: string };
      Body: { buyerResult: string; buyerPersonalWin: string; ourWin: string };
    }>('/floor/plan/:orgId/:opportunityId', async (request) => {
      const { orgId, opportunityId } = request.params;
      const body = request.body;
      const result = await pool.query<{ version: number }>(FLOOR_PLAN_WRITE, [
        orgId,
        opportunityId,
        body.buyerResult,
        body.buyerPersonalWin,
        body.ourWin,
      ]);
      return { version: result.rows[0]?.version };
    });
    await app.listen({ port, host: '127.0.0.1' });
    answerMode = (request) => {
      if (request.type === 'floors') floors = request.floors;
      return null;
    };
    close = async () => {
      await app.close();
      await pool.end();
    };
  }

  const answer = async (request: ChildRequest): Promise<unknown> => {
    switch (request.type) {
      case 'rss':
        return {
          peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
          rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
        };
      case 'exit':
        await close();
        setImmediate(() => process.exit(0));
        return null;
      default:
        return answerMode(request);
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
