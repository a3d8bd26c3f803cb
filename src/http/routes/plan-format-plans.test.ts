import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar';
import { PLAN_DOCUMENT_KINDS } from '../../domain/plan-format';
import { testEngines } from '../../test-setup/test-database';
import type { Client } from '../test-server';
import { type RepPlanWorld, startRepPlanWorld, today, year } from './rep-plan-test-world';

// The open plan format beyond deal plans, over a real server: a rep plan, a key-account plan
// and the strategy out as documents, back in, and out again the same; whoever may not write the
// plan is refused before the document is read; every problem of a bad document by its path.

const fields = (res: { body: { error: { issues: { field: string }[] } } }) =>
  res.body.error.issues.map((i) => i.field).sort();

describe.each(testEngines())(
  'plan documents of rep, key-account plans and the strategy on %s',
  (engine) => {
    let world: RepPlanWorld;
    let rep2: Client;
    let admin: Client;

    beforeAll(async () => {
      world = await startRepPlanWorld(engine);
      rep2 = await world.server.as('rep2@acme.test');
      admin = await world.server.as('admin@acme.test');
    }, 120_000);
    afterAll(() => world.server.close());

    it.each(PLAN_DOCUMENT_KINDS)('serves the published %s schema to anyone', async (kind) => {
      const res = await world.server.anonymous.request('GET', `/api/schemas/${kind}`);
      expect(res.status).toBe(200);
      const file = path.resolve(
        import.meta.dirname,
        `../../../docs/plan-format/${kind}.schema.json`,
      );
      expect(res.body).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
    });

    describe('the strategy', () => {
      const url = (y: number) => `/api/strategies/${y}/document`;

      it('goes out with segments by code and reps by email, and into another year unchanged', async () => {
        const { leader } = world;
        const out = await leader.request('GET', url(year));
        expect(out.status).toBe(200);
        expect(out.body).toMatchObject({
          format: 'salesplan-strategy',
          formatVersion: 1,
          year,
          target: { amountMinor: 3_000_000_00 },
          model: 'territory',
          seasonality: { kind: 'flat', weights: null },
          segmentMix: [
            { segment: { code: 'A', name: 'Segment A' }, shareBasisPoints: 6000 },
            { segment: { code: 'B', name: 'Segment B' }, shareBasisPoints: 2000 },
          ],
          assignments: [
            { rep: { externalId: null, email: 'rep1@acme.test' }, segment: null, weight: 2 },
            { rep: { externalId: null, email: 'rep2@acme.test' }, segment: null, weight: 1 },
          ],
        });
        expect(out.body.norms).toHaveLength(3);
        const next = await leader.request('POST', url(year + 1), out.body);
        expect(next.status, JSON.stringify(next.body)).toBe(200);
        expect(next.body).toMatchObject({ year: year + 1, version: 1 });
        expect(next.headers.get('etag')).toBe('"1"');
        const again = await leader.request('GET', url(year + 1));
        expect(again.body).toEqual({ ...out.body, year: year + 1 });
        // Importing the same document again is a new version of the same strategy.
        const replaced = await leader.request('POST', url(year + 1), out.body);
        expect(replaced.body.version).toBe(2);
      });

      it('is set by leaders and admins only, whatever the document says', async () => {
        for (const body of [{}, { format: 'salesplan-strategy' }])
          expect((await world.rep1.request('POST', url(year), body)).status).toBe(403);
        expect((await world.manager1.request('GET', url(year))).status).toBe(200);
        expect((await world.leader.request('GET', url(1999))).status).toBe(400);
        expect((await world.leader.request('GET', url(2090))).status).toBe(404);
      });

      it('names the path of every problem: the shape, then segments and reps', async () => {
        const document = (await world.leader.request('GET', url(year))).body;
        const shape = await admin.request('POST', url(year + 2), {
          ...document,
          model: 'pyramid',
          target: { amountMinor: -1, currency: 'EUR' },
          norms: [{ ...document.norms[0], countPerYear: 1.5 }],
        });
        expect(shape.status).toBe(422);
        expect(fields(shape)).toEqual([
          '$.model',
          '$.norms[0].countPerYear',
          '$.target.amountMinor',
        ]);
        const records = await admin.request('POST', url(year + 2), {
          ...document,
          segmentMix: [{ segment: { code: 'Z', name: 'Nowhere' }, shareBasisPoints: 100 }],
          assignments: [
            document.assignments[0],
            { rep: { externalId: 'crm-77', email: null }, segment: null, weight: 1 },
            { rep: { externalId: null, email: 'rep9@other.test' }, segment: null, weight: 1 },
          ],
        });
        expect(records.status).toBe(422);
        expect(records.body.error.issues).toEqual([
          { field: '$.segmentMix[0].segment', reason: 'is not a segment of this organisation' },
          { field: '$.assignments[1].rep', reason: 'is not a user of this organisation' },
          { field: '$.assignments[2].rep', reason: 'is not a user of this organisation' },
        ]);
        expect((await admin.request('GET', url(year + 2))).status).toBe(404);
      });
    });

    describe('a rep plan', () => {
      let planId: string;
      const url = () => `/api/rep-plans/${planId}/document`;

      beforeAll(async () => {
        const { rep1, accounts } = world;
        const plan = (await rep1.request('POST', '/api/rep-plans', { year })).body;
        planId = plan.id;
        const patched = await rep1.request(
          'PATCH',
          `/api/rep-plans/${planId}`,
          {
            cadence: 'quarterly',
            targetAccountIds: [accounts.A1, accounts.B1],
            funnelInputs: {
              closingRatio: { value: 0.4, reason: 'New territory' },
              callsPerMeeting: 5,
            },
            weeklyPlanOverrides: { call: { perWeek: 9, reason: 'Trade fair season' } },
            qualitative: {
              stages: [
                { stage: 'Discovery', salesMethods: 'SPIN', expectedResults: 'Needs named' },
              ],
            },
          },
          { 'if-match': String(plan.version) },
        );
        expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      });

      it('goes out with accounts by name and the targets, and back in unchanged', async () => {
        const { rep1, manager1 } = world;
        const out = await rep1.request('GET', url());
        expect(out.status).toBe(200);
        expect(out.body).toMatchObject({
          format: 'salesplan-rep-plan',
          rep: { externalId: null, email: 'rep1@acme.test', name: 'rep1' },
          year,
          cadence: 'quarterly',
          targets: {
            totalMinor: 2_000_000_00,
            segments: [
              { segment: { code: 'A' }, targetMinor: 1_200_000_00 },
              { segment: { code: 'B' }, targetMinor: 400_000_00 },
              // The share the mix leaves to no segment.
              { segment: { code: 'other', name: 'Other' }, targetMinor: 400_000_00 },
            ],
          },
          targetAccounts: [
            { externalId: null, name: 'Alpha' },
            { externalId: null, name: 'Beta' },
          ],
          funnelInputs: {
            closingRatio: { value: 0.4, reason: 'New territory' },
            callsPerMeeting: 5,
          },
          weeklyPlanOverrides: { call: { perWeek: 9, reason: 'Trade fair season' } },
          qualitative: { stages: [{ stage: 'Discovery', salesMethods: 'SPIN' }] },
        });
        expect(out.body.targets.months).toHaveLength(12);
        expect(out.body.activityPlan.yearly).toMatchObject({ call: 12, meeting: 10 });
        // Emptied, then filled from the document by the manager: the same plan comes out.
        const before = (await rep1.request('GET', `/api/rep-plans/${planId}`)).body;
        await rep1.request(
          'PATCH',
          `/api/rep-plans/${planId}`,
          {
            cadence: 'monthly',
            targetAccountIds: [],
            funnelInputs: {},
            weeklyPlanOverrides: {},
            qualitative: { stages: [] },
          },
          { 'if-match': String(before.version) },
        );
        const imported = await manager1.request('POST', url(), out.body);
        expect(imported.status, JSON.stringify(imported.body)).toBe(200);
        expect(imported.body).toMatchObject({ state: 'draft', version: before.version + 2 });
        expect(imported.headers.get('etag')).toBe(`"${before.version + 2}"`);
        expect((await rep1.request('GET', url())).body).toEqual(out.body);
      });

      it('is written by the rep and their manager only, before the document is read', async () => {
        expect((await rep2.request('GET', url())).status).toBe(404);
        expect((await rep2.request('POST', url(), { junk: true })).status).toBe(404);
        expect((await world.leader.request('GET', url())).status).toBe(200);
        expect((await world.leader.request('POST', url(), { junk: true })).status).toBe(403);
      });

      it('names the path of every problem, its own and the plan rules', async () => {
        const { rep1, accounts } = world;
        const document = (await rep1.request('GET', url())).body;
        const version = (await rep1.request('GET', `/api/rep-plans/${planId}`)).body.version;
        const shape = await rep1.request('POST', url(), {
          ...document,
          cadence: 'weekly',
          funnelInputs: { closingRatio: { value: 2, reason: '' } },
        });
        expect(shape.status).toBe(422);
        expect(fields(shape)).toEqual([
          '$.cadence',
          '$.funnelInputs.closingRatio.reason',
          '$.funnelInputs.closingRatio.value',
        ]);
        const unknown = await rep1.request('POST', url(), {
          ...document,
          targetAccounts: [...document.targetAccounts, { externalId: 'crm-1', name: 'Alpha' }],
        });
        expect(unknown.body.error.issues).toEqual([
          { field: '$.targetAccounts[2]', reason: 'is not an account of this organisation' },
        ]);
        // Xylo is rep2's: the plan's own rule, said at the document's path.
        const notTheirs = await rep1.request('POST', url(), {
          ...document,
          targetAccounts: [document.targetAccounts[0], { externalId: null, name: 'Xylo' }],
          weeklyPlanOverrides: { juggling: { perWeek: 1, reason: 'Fun' } },
        });
        expect(notTheirs.status).toBe(422);
        expect(notTheirs.body.error.issues).toEqual([
          { field: '$.targetAccounts[1]', reason: 'not one of the rep’s accounts' },
        ]);
        expect(accounts.X).toBeTruthy();
        const juggling = await rep1.request('POST', url(), {
          ...document,
          weeklyPlanOverrides: { juggling: { perWeek: 1, reason: 'Fun' } },
        });
        expect(juggling.body.error.issues).toEqual([
          {
            field: '$.weeklyPlanOverrides.juggling',
            reason: 'not one of the organisation’s activity types',
          },
        ]);
        expect((await rep1.request('GET', `/api/rep-plans/${planId}`)).body.version).toBe(version);
      });

      it('refuses a plan that is not a draft', async () => {
        const { rep1, manager1 } = world;
        const document = (await rep1.request('GET', url())).body;
        await rep1.request('POST', `/api/rep-plans/${planId}/transitions`, { to: 'proposed' });
        await rep1.request('POST', `/api/rep-plans/${planId}/signatures`, { as: 'rep' });
        await manager1.request('POST', `/api/rep-plans/${planId}/signatures`, { as: 'manager' });
        const res = await rep1.request('POST', url(), document);
        expect(res.status).toBe(409);
      });
    });

    describe('a key-account plan', () => {
      let accountId: string;
      const url = () => `/api/key-accounts/${accountId}/plan/document`;

      beforeAll(async () => {
        const { rep1, leader, server } = world;
        accountId = (
          await rep1.request('POST', '/api/accounts', { name: 'Globex', employees: 90_000 })
        ).body.id;
        const contactId = (
          await rep1.request('POST', '/api/contacts', {
            accountId,
            firstName: 'Dana',
            lastName: 'Ortiz',
            email: 'dana@globex.test',
          })
        ).body.id;
        await leader.request(
          'PUT',
          '/api/key-accounts/model',
          { cutPercent: 5, criteria: [{ name: 'Employees', source: 'employees', weight: 1 }] },
          { 'if-match': '0' },
        );
        expect(
          (await leader.request('POST', '/api/key-accounts/confirmation', { modelVersion: 1 }))
            .status,
        ).toBe(200);
        const saved = await rep1.request(
          'PUT',
          `/api/key-accounts/${accountId}/plan`,
          {
            cadence: 'monthly',
            commitment: 'Globex becomes our reference.',
            relationships: [
              {
                id: crypto.randomUUID(),
                contactId,
                role: 'economic',
                currentStrength: 2,
                targetStrength: 4,
              },
            ],
            objectives: [],
            steps: [],
            benchmarks: [
              {
                id: crypto.randomUUID(),
                metric: 'Meetings held',
                source: 'meetings_held',
                target: 12,
              },
              { id: crypto.randomUUID(), metric: 'Wallet %', baseline: 10, target: 30, actual: 15 },
            ],
          },
          { 'if-match': '0' },
        );
        expect(saved.status, JSON.stringify(saved.body)).toBe(200);
        const plan = saved.body;
        const objective = crypto.randomUUID();
        const resaved = await rep1.request(
          'PUT',
          `/api/key-accounts/${accountId}/plan`,
          {
            ...plan,
            objectives: [
              {
                id: objective,
                term: 'short',
                description: 'Meet the CFO',
                dueOn: addDays(today, 30),
              },
            ],
            steps: [
              {
                id: crypto.randomUUID(),
                what: 'Lunch with the CFO',
                ownerId: server.ids.rep1,
                dueOn: addDays(today, 10),
                objectiveId: objective,
                relationshipId: plan.relationships[0].id,
              },
              { id: crypto.randomUUID(), what: 'Send the case study', ownerId: null },
            ],
            benchmarks: plan.benchmarks.map((b: { isComputed: boolean; status: string }) => {
              const { isComputed: _computed, status: _status, ...rest } = b;
              return rest;
            }),
            relationships: plan.relationships.map(
              (r: { contactName: string; contactTitle: string | null }) => {
                const { contactName: _name, contactTitle: _title, ...rest } = r;
                return rest;
              },
            ),
          },
          { 'if-match': '1' },
        );
        expect(resaved.status, JSON.stringify(resaved.body)).toBe(200);
      }, 60_000);

      it('goes out with keys, contacts and owners by email, and back in unchanged', async () => {
        const { rep1 } = world;
        const out = await rep1.request('GET', url());
        expect(out.status).toBe(200);
        expect(out.body).toMatchObject({
          format: 'salesplan-key-account-plan',
          account: { externalId: null, name: 'Globex' },
          cadence: 'monthly',
          commitment: 'Globex becomes our reference.',
          relationships: [
            {
              key: 'relationship-1',
              contact: { email: 'dana@globex.test', firstName: 'Dana', lastName: 'Ortiz' },
              role: 'economic',
              currentStrength: 2,
              targetStrength: 4,
            },
          ],
          objectives: [{ key: 'objective-1', term: 'short', description: 'Meet the CFO' }],
          steps: [
            {
              what: 'Lunch with the CFO',
              owner: { externalId: null, email: 'rep1@acme.test' },
              objective: 'objective-1',
              relationship: 'relationship-1',
            },
            { what: 'Send the case study', owner: null, objective: null, relationship: null },
          ],
          benchmarks: [
            { metric: 'Meetings held', source: 'meetings_held', target: 12 },
            { metric: 'Wallet %', source: null, baseline: 10, target: 30, actual: 15 },
          ],
        });
        const contactsBefore = (await rep1.request('GET', `/api/key-accounts/${accountId}/plan`))
          .body.contacts;
        const imported = await rep1.request('POST', url(), out.body);
        expect(imported.status, JSON.stringify(imported.body)).toBe(200);
        expect(imported.body).toMatchObject({ version: 3, repSignedAt: null });
        // Dana was found by email, not made twice.
        expect(imported.body.contacts).toEqual(contactsBefore);
        expect((await rep1.request('GET', url())).body).toEqual(out.body);
      });

      it("is written by the account's owner only, before the document is read", async () => {
        expect((await rep2.request('GET', url())).status).toBe(404);
        expect((await rep2.request('POST', url(), { junk: true })).status).toBe(404);
        expect((await world.leader.request('GET', url())).status).toBe(200);
        expect((await world.manager1.request('POST', url(), { junk: true })).status).toBe(403);
      });

      it('names the path of every problem: the shape, then keys and people', async () => {
        const { rep1 } = world;
        const document = (await rep1.request('GET', url())).body;
        const shape = await rep1.request('POST', url(), {
          ...document,
          relationships: [{ ...document.relationships[0], currentStrength: 9 }],
          steps: [{ ...document.steps[0], status: 'maybe' }],
        });
        expect(fields(shape)).toEqual(['$.relationships[0].currentStrength', '$.steps[0].status']);
        const references = await rep1.request('POST', url(), {
          ...document,
          objectives: [document.objectives[0], document.objectives[0]],
          steps: [
            { ...document.steps[0], objective: 'objective-9' },
            { ...document.steps[1], owner: { externalId: null, email: 'nobody@acme.test' } },
          ],
        });
        expect(references.status).toBe(422);
        expect(references.body.error.issues).toEqual([
          { field: '$.objectives[1].key', reason: 'is used twice in this part' },
          { field: '$.steps[0].objective', reason: 'is not the key of an objective here' },
          { field: '$.steps[1].owner', reason: 'is not a user of this organisation' },
        ]);
        const twice = await rep1.request('POST', url(), {
          ...document,
          relationships: [
            document.relationships[0],
            { ...document.relationships[0], key: 'relationship-2' },
          ],
        });
        expect(twice.body.error.issues).toEqual([
          { field: '$.relationships[1].contact', reason: 'is already in the plan' },
        ]);
        expect(
          (await rep1.request('GET', `/api/key-accounts/${accountId}/plan`)).body.version,
        ).toBe(3);
      });
    });
  },
);
