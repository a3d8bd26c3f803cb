import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../db/schema';
import type { Role } from '../domain/roles';
import { createSampleRecords, urlOf, type SampleRecords } from './test-records';
import { startTestServer, type Client, type TestServer } from './test-server';

// Every operation of the OpenAPI document × every kind of caller, with the answer the
// authorisation rules (src/services/authorization.ts and the services' role checks) give:
// - 'allow': the caller gets past authorisation (any answer but 401, 403 or 500: a 404 for a
//   record that does not exist, a 400 or 422 for a body that is not right, are still allowed);
// - 'deny': 403; 'hide': 403 or 404 (the record is not theirs to learn of).
// Signed out, an expired session and a revoked API token are always 401 except on public
// operations; another organisation's admin gets 404 for this organisation's records. rep1's own
// records (accounts, contacts, deals with their plans, activities, by their path) are hidden
// from another rep (rep2, same team) and another team's manager (manager2): 403 or 404; elsewhere
// these two are answered as their role. The records are rep1's (the rep here), so manager1, the
// leader and the admin may see them too; the user in /api/users/{id} is rep2, not rep1's to see. An operation the document has and this table has not (a new
// route) fails the test, as does an entry for an operation that no longer exists.

type Access = 'allow' | 'deny' | 'hide';
type Entry = {
  /** Who may, by role; roles left out are allowed. */
  roles?: Partial<Record<Role, Access>>;
  isPublic?: boolean;
  /** A body that passes validation, so a denied role meets authorisation, not a 400. */
  body?: unknown;
  /** The path's record belongs to the organisation: another organisation's admin gets 404. */
  isOrganisationRecord?: boolean;
  /** How another rep and another team's manager are answered, where not as their role. */
  others?: Partial<Record<OtherCaller, Access>>;
};

type OtherCaller = 'otherRep' | 'otherManager';
const OTHER_CALLERS: { caller: OtherCaller; role: Role; email: string }[] = [
  { caller: 'otherRep', role: 'rep', email: 'rep2@acme.test' },
  { caller: 'otherManager', role: 'manager', email: 'manager2@acme.test' },
];
/** Paths of rep1's own records: the sample account, contact, deal (and its plan), activity. */
const OWN_RECORD_PATH = /^\/api\/(accounts|contacts|opportunities|activities)\/\{id\}/;

/** What another rep or another team's manager meets: their role's answer, or hidden. */
function otherAccess(entry: Entry, path: string, caller: OtherCaller, role: Role): Access {
  const explicit = entry.others?.[caller];
  if (explicit) return explicit;
  return OWN_RECORD_PATH.test(path) ? 'hide' : (entry.roles?.[role] ?? 'allow');
}

const adminOnly: Entry['roles'] = { rep: 'deny', manager: 'deny', leader: 'deny' };
const record = { isOrganisationRecord: true };
// CSV import writes the whole organisation's records (domain/roles.ts IMPORTING_ROLES).
const importersOnly: Entry['roles'] = { rep: 'deny', manager: 'deny' };

const MATRIX: Record<string, Entry> = {
  'GET /api/health': { isPublic: true },
  'GET /api/reference': {},
  'POST /api/session': { isPublic: true, body: { email: 'nobody@acme.test', password: 'x' } },
  'DELETE /api/session': { isPublic: true },
  'GET /api/me': {},
  'GET /api/tokens': {},
  'POST /api/tokens': { body: { name: 'matrix' } },
  'DELETE /api/tokens/{id}': {},
  'GET /api/calendar-feed': {},
  'POST /api/calendar-feed': {},
  'DELETE /api/calendar-feed': {},
  'GET /api/calendar-feed/{token}': { isPublic: true },
  'GET /api/organisation': {},
  'PATCH /api/organisation': { roles: adminOnly, body: {} },
  'GET /api/users': {},
  'POST /api/users': {
    roles: adminOnly,
    body: { email: 'matrix@acme.test', name: 'Matrix', role: 'rep' },
  },
  // The user is rep2: rep2 reads themself.
  'GET /api/users/{id}': { ...record, roles: { rep: 'hide' }, others: { otherRep: 'allow' } },
  'PATCH /api/users/{id}': { ...record, roles: adminOnly, body: {} },
  'GET /api/users/{id}/tokens': { ...record, roles: adminOnly },
  'DELETE /api/users/{id}/tokens/{tokenId}': { ...record, roles: adminOnly },
  'POST /api/users/{id}/password-link': { ...record, roles: adminOnly },
  'GET /api/password-links/{token}': { isPublic: true },
  'POST /api/password-links/{token}': { isPublic: true, body: { password: 'a long new password' } },
  'GET /api/stages': {},
  'POST /api/stages': {
    roles: adminOnly,
    body: { name: 'Matrix', position: 9, probabilityPercent: 10, kind: 'open' },
  },
  'GET /api/stages/{id}': record,
  'PATCH /api/stages/{id}': { ...record, roles: adminOnly, body: {} },
  'DELETE /api/stages/{id}': { ...record, roles: adminOnly },
  'GET /api/segments': {},
  'POST /api/segments': { roles: adminOnly, body: { code: 'MX', name: 'Matrix' } },
  'GET /api/segments/{id}': record,
  'PATCH /api/segments/{id}': { ...record, roles: adminOnly, body: {} },
  'DELETE /api/segments/{id}': { ...record, roles: adminOnly },
  'GET /api/territories': {},
  'POST /api/territories': { roles: adminOnly, body: { name: 'Matrix' } },
  'GET /api/territories/{id}': record,
  'PATCH /api/territories/{id}': { ...record, roles: adminOnly, body: {} },
  'DELETE /api/territories/{id}': { ...record, roles: adminOnly },
  'GET /api/activity-types': {},
  'POST /api/activity-types': {
    roles: adminOnly,
    body: { key: 'matrix_type', label: 'Matrix', hours: 1 },
  },
  'GET /api/activity-types/{key}': record,
  'PATCH /api/activity-types/{key}': { ...record, roles: adminOnly, body: {} },
  'DELETE /api/activity-types/{key}': { ...record, roles: adminOnly },
  'GET /api/audit-log': { roles: adminOnly },
  'GET /api/audit-log/entity-types': { roles: adminOnly },
  'GET /api/accounts': {},
  'POST /api/accounts': {},
  'GET /api/accounts/{id}': record,
  'PATCH /api/accounts/{id}': { ...record, roles: { leader: 'deny' }, body: {} },
  'DELETE /api/accounts/{id}': { ...record, roles: { leader: 'deny' } },
  'GET /api/contacts': {},
  'POST /api/contacts': {},
  'GET /api/contacts/{id}': record,
  'PATCH /api/contacts/{id}': { ...record, roles: { leader: 'deny' }, body: {} },
  'DELETE /api/contacts/{id}': { ...record, roles: { leader: 'deny' } },
  'GET /api/products': {},
  'POST /api/products': { roles: adminOnly, body: { name: 'Matrix product' } },
  'GET /api/products/{id}': record,
  'PATCH /api/products/{id}': { ...record, roles: adminOnly, body: {} },
  'DELETE /api/products/{id}': { ...record, roles: adminOnly },
  'GET /api/opportunities': {},
  'GET /api/opportunities/summary': {},
  'POST /api/opportunities': {},
  'GET /api/opportunities/{id}': record,
  'PATCH /api/opportunities/{id}': { ...record, roles: { leader: 'deny' }, body: {} },
  'DELETE /api/opportunities/{id}': { ...record, roles: { leader: 'deny' } },
  'GET /api/activities': {},
  'POST /api/activities': {},
  'GET /api/activities/{id}': record,
  'PATCH /api/activities/{id}': { ...record, roles: { leader: 'deny' }, body: {} },
  'DELETE /api/activities/{id}': { ...record, roles: { leader: 'deny' } },
  'GET /api/import/setup': { roles: importersOnly },
  'POST /api/import/preview': { roles: importersOnly, body: { content: 'Name\nAcme\n' } },
  // A JSON body is not an upload: the importers get 400, the others 403 before it is read.
  'POST /api/import': { roles: importersOnly },
  'GET /api/opportunities/{id}/plan': record,
  'GET /api/opportunities/{id}/plan/document': record,
  'POST /api/opportunities/{id}/plan/document': { ...record, roles: { leader: 'deny' }, body: {} },
  'GET /api/schemas/{name}': { isPublic: true },
  'GET /api/deal-plans/health': {},
  'PUT /api/opportunities/{id}/plan/win-win': record,
  'GET /api/opportunities/{id}/plan/comments': record,
  // The deal's owner and their manager write in the plan's comments; others who see it read.
  'POST /api/opportunities/{id}/plan/comments': {
    ...record,
    roles: { leader: 'deny', admin: 'deny' },
    body: { body: 'Can you join the call?' },
  },
  'POST /api/opportunities/{id}/plan/objectives': record,
  'PATCH /api/opportunities/{id}/plan/objectives/{itemId}': record,
  'DELETE /api/opportunities/{id}/plan/objectives/{itemId}': record,
  'POST /api/opportunities/{id}/plan/influences': record,
  'PATCH /api/opportunities/{id}/plan/influences/{itemId}': record,
  'DELETE /api/opportunities/{id}/plan/influences/{itemId}': record,
  'POST /api/opportunities/{id}/plan/competition': record,
  'PATCH /api/opportunities/{id}/plan/competition/{itemId}': record,
  'DELETE /api/opportunities/{id}/plan/competition/{itemId}': record,
  'POST /api/opportunities/{id}/plan/steps': record,
  'PUT /api/opportunities/{id}/plan/steps/order': record,
  'PATCH /api/opportunities/{id}/plan/steps/{itemId}': record,
  'DELETE /api/opportunities/{id}/plan/steps/{itemId}': record,
  'GET /api/strategies/{year}': {},
  'PUT /api/strategies/{year}': {},
  'GET /api/strategies/{year}/document': {},
  'POST /api/strategies/{year}/document': { roles: { rep: 'deny', manager: 'deny' }, body: {} },
  'GET /api/rep-plans': {},
  'POST /api/rep-plans': {},
  'GET /api/rep-plans/{id}': {},
  'PATCH /api/rep-plans/{id}': {},
  'GET /api/rep-plans/{id}/document': {},
  'POST /api/rep-plans/{id}/document': { body: {} },
  'POST /api/rep-plans/{id}/transitions': {},
  'POST /api/rep-plans/{id}/signatures': {},
  'GET /api/rep-plans/{id}/versions': {},
  'GET /api/rep-plans/{id}/versions/compare': {},
  'GET /api/rep-plans/{id}/comments': {},
  'POST /api/rep-plans/{id}/comments': {},
  'GET /api/check-ins/due': {},
  'GET /api/rep-plans/{id}/check-ins/{checkInId}': {},
  'POST /api/rep-plans/{id}/check-ins/{checkInId}': {},
  'GET /api/team-plans': {},
  'POST /api/team-plans': {},
  'GET /api/team-plans/{id}': {},
  'PUT /api/team-plans/{id}': {},
  'GET /api/team-plans/{id}/document': {},
  'POST /api/team-plans/{id}/document': { body: {} },
  'GET /api/exchange-rates': {},
  'PUT /api/exchange-rates/{currency}/{month}': { roles: adminOnly, body: { rate: '0.9' } },
  'DELETE /api/exchange-rates/{currency}/{month}': { roles: adminOnly },
  'POST /api/exchange-rates/import': {
    roles: adminOnly,
    body: { csv: 'currency,month,rate\nUSD,2026-02,0.9\n' },
  },
  'GET /api/planning-calendar': {},
  'GET /api/reports/{kind}': {},
  'GET /api/dashboards/rep': {},
  'GET /api/dashboards/team': {},
  'GET /api/dashboards/organisation': {},
  'GET /api/search': {},
  'GET /api/key-accounts/model': {},
  'PUT /api/key-accounts/model': {},
  'PUT /api/key-accounts/ratings/{id}': {},
  'GET /api/key-accounts/ranking': {},
  'POST /api/key-accounts/confirmation': {},
  'GET /api/key-accounts': {},
  'GET /api/key-accounts/{accountId}/plan': {},
  'PUT /api/key-accounts/{accountId}/plan': {},
  'GET /api/key-accounts/{accountId}/plan/document': {},
  // The owner writes the plan; another team's manager does not see the account at all.
  'POST /api/key-accounts/{accountId}/plan/document': {
    roles: { manager: 'deny', leader: 'deny' },
    others: { otherManager: 'hide' },
    body: {},
  },
  'POST /api/key-accounts/{accountId}/plan/signature': {},
  'POST /api/key-accounts/{accountId}/plan/acknowledgement': {},
  'POST /api/key-accounts/{accountId}/plan/reviews': {},
  'GET /api/key-accounts/{accountId}/whitespace': {},
  'PUT /api/key-accounts/{accountId}/whitespace': {},
};

const CALLERS: { role: Role; email: string }[] = [
  { role: 'rep', email: 'rep1@acme.test' },
  { role: 'manager', email: 'manager1@acme.test' },
  { role: 'leader', email: 'leader@acme.test' },
  { role: 'admin', email: 'admin@acme.test' },
];

type Operation = { method: string; path: string; key: string };

function statusMatches(access: Access, status: number): boolean {
  if (status >= 500) return false;
  if (access === 'deny') return status === 403;
  if (access === 'hide') return status === 403 || status === 404;
  return status !== 401 && status !== 403;
}

describe('the access matrix: every operation × every kind of caller', () => {
  let server: TestServer;
  let operations: Operation[];
  const clients = {} as Record<Role | OtherCaller | 'otherAdmin', Client>;
  /** Callers whose credentials no longer work: every non-public operation is 401 for them. */
  const lapsed = {} as Record<'expiredSession' | 'revokedToken', Client>;
  let records: SampleRecords;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    for (const { role, email } of CALLERS) clients[role] = await server.as(email);
    // Another organisation's admin: made here, the test server's other organisation has a rep.
    const { addUser } = await import('../services/users');
    await addUser(server.database.db, server.orgIds.other, {
      email: 'admin9@other.test',
      name: 'admin9',
      role: 'admin',
      password: 'correct horse battery',
    });
    clients.otherAdmin = await server.as('admin9@other.test');
    for (const { caller, email } of OTHER_CALLERS) clients[caller] = await server.as(email);
    // rep3's session, expired; rep1's token, revoked.
    lapsed.expiredSession = await server.as('rep3@acme.test');
    await server.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(sessions.userId, server.ids.rep3 ?? ''));
    const token = await clients.rep.request('POST', '/api/tokens', { name: 'lapsed' });
    expect((await clients.rep.request('DELETE', `/api/tokens/${token.body.id}`)).status).toBe(204);
    lapsed.revokedToken = {
      cookie: null,
      request: (method, path, body, headers = {}) =>
        server.anonymous.request(method, path, body, {
          authorization: `Bearer ${token.body.token}`,
          ...headers,
        }),
    };
    const document = (await server.anonymous.request('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
      })),
    );
    records = await createSampleRecords(server, clients);
  }, 120_000);
  afterAll(() => server.close());

  it('has an entry for every operation of the OpenAPI document, and none for operations it lacks', () => {
    const documented = operations.map((operation) => operation.key).sort();
    expect(documented.filter((key) => !(key in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !documented.includes(key))).toEqual([]);
  });

  /** Operations whose success answers carried an ETag, and those whose did not. */
  const etags = { sent: new Set<string>(), missing: new Set<string>() };

  it('answers each caller as the matrix says, and never 500', async () => {
    const mismatches: string[] = [];
    // Deletes last (they remove the records), signing out last of all.
    const order = (operation: Operation) =>
      operation.key === 'DELETE /api/session' ? 2 : operation.method === 'DELETE' ? 1 : 0;
    const ordered = [...operations].sort((a, b) => order(a) - order(b));
    for (const operation of ordered) {
      const entry = MATRIX[operation.key];
      if (!entry) continue;
      const url = urlOf(records, operation.path);
      const body = ['POST', 'PUT', 'PATCH'].includes(operation.method)
        ? (entry.body ?? {})
        : undefined;
      const ask = (client: Client) => client.request(operation.method, url, body);

      const anonymous = await ask(server.anonymous);
      // A public operation answers a stranger (sign-in's 401 is its wrong-password answer).
      const isAnonymousRight = entry.isPublic ? anonymous.status < 500 : anonymous.status === 401;
      if (!isAnonymousRight) mismatches.push(`${operation.key} signed out: ${anonymous.status}`);
      if (entry.isPublic) continue;
      for (const [name, client] of Object.entries(lapsed)) {
        const status = (await ask(client)).status;
        if (status !== 401) mismatches.push(`${operation.key} ${name}: ${status}`);
      }

      const other = await ask(clients.otherAdmin);
      // A request its schema refuses (no sample body, no If-Match) is 400 before the record is
      // looked up: that tells another organisation nothing either.
      const otherOk = entry.isOrganisationRecord
        ? other.status === 404 || (entry.body === undefined && other.status === 400)
        : statusMatches('allow', other.status);
      if (!otherOk) mismatches.push(`${operation.key} other organisation's admin: ${other.status}`);

      // Denied callers first, so an allowed write (a delete) does not change what they meet.
      const callers = [
        ...CALLERS.map(({ role }) => ({
          name: role,
          client: clients[role],
          access: entry.roles?.[role] ?? 'allow',
        })),
        ...OTHER_CALLERS.map(({ caller, role }) => ({
          name: caller,
          client: clients[caller],
          access: otherAccess(entry, operation.path, caller, role),
        })),
      ].sort((a, b) => Number(a.access === 'allow') - Number(b.access === 'allow'));
      for (const { name, client, access } of callers) {
        const response = await ask(client);
        if (response.status >= 200 && response.status < 300)
          etags[response.headers.has('etag') ? 'sent' : 'missing'].add(operation.key);
        // As for another organisation: a body its schema refuses is 400 before the record.
        const refusedUnseen =
          access === 'hide' && entry.body === undefined && response.status === 400;
        if (!statusMatches(access, response.status) && !refusedUnseen)
          mismatches.push(
            `${operation.key} ${name} (${access}): ${response.status} ${JSON.stringify(response.body?.error?.message ?? '')}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('sends an ETag exactly where the OpenAPI document declares one', async () => {
    const document = (await server.anonymous.request('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: object }> }>>;
    };
    const declared = new Set(
      Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.entries(methods)
          .filter(([, operation]) =>
            Object.values(operation.responses).some(
              (response) => 'ETag' in (response.headers ?? {}),
            ),
          )
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      ),
    );
    expect(etags.sent.size).toBeGreaterThan(5);
    expect([...etags.sent].filter((key) => !declared.has(key))).toEqual([]);
    expect([...etags.missing].filter((key) => declared.has(key))).toEqual([]);
  });
});
