import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../src/services/clock';
import { PASSWORD, startTestServer, type Client, type TestServer } from '../src/http/test-server';
import { formatDay } from '../src/web/components/dates';
import { formatWholeMoney } from '../src/web/components/money';
import {
  buildWebApp,
  expectNoAxeViolations,
  hasChromium,
  launchBrowser,
  pickOption,
  signInThroughForm,
} from './browser';

const canRun = hasChromium || process.env.CI === 'true';

const today = todayIso();
const euros = (minor: number) => formatWholeMoney(minor, 'EUR', 'en-US');
const screenshot = (page: Page, name: string) =>
  page.screenshot({
    path: path.join(os.tmpdir(), `key-account-plan-journey-${name}.png`),
    fullPage: true,
  });

// Issue #13's "done means": a leader defines the scoring criteria and confirms the key accounts,
// a rep writes and signs a key-account plan, the manager acknowledges it, and a review shows
// benchmark actuals from real activity. What a user would already have (accounts, contacts,
// deals, meetings) is set up through the API; the key-account work is clicked.
describe.runIf(canRun)(
  'from the scoring model to a reviewed key-account plan (real browser)',
  () => {
    let server: TestServer;
    let browser: Browser;
    let webDir: string;
    let rep1Api: Client;
    let year: number;
    const accountIds: Record<string, string> = {};
    const pageErrors: string[] = [];

    beforeAll(async () => {
      webDir = await buildWebApp();
      server = await startTestServer('pglite', { webDir });
      rep1Api = await server.as('rep1@acme.test');
      const rep2Api = await server.as('rep2@acme.test');
      const reference = (await rep1Api.request('GET', '/api/reference')).body as {
        stages: { id: string; name: string; kind: string }[];
      };
      const stageOf = (kind: string) => reference.stages.find((s) => s.kind === kind)?.id;
      // Borealis has the most open pipeline and won revenue; Cobalt and Dunmore much less.
      const accounts: [Client, string, { won: number[]; open: number }][] = [
        [rep1Api, 'Borealis', { won: [30_000_00, 12_000_00], open: 80_000_00 }],
        [rep1Api, 'Cobalt', { won: [], open: 5_000_00 }],
        [rep1Api, 'Fir', { won: [2_000_00], open: 0 }],
        [rep2Api, 'Dunmore', { won: [4_000_00], open: 10_000_00 }],
        [rep2Api, 'Elm', { won: [], open: 1_000_00 }],
      ];
      for (const [api, name, deals] of accounts) {
        const account = await api.request('POST', '/api/accounts', { name, status: 'customer' });
        expect(account.status).toBe(201);
        const accountId = account.body.id as string;
        accountIds[name] = accountId;
        const deal = (amountMinor: number, kind: string) =>
          api.request('POST', '/api/opportunities', {
            name: `${name} ${kind} ${amountMinor}`,
            accountId,
            stageId: stageOf(kind),
            amountMinor,
            ...(kind === 'won' ? { createdOn: today, closedOn: today } : {}),
          });
        for (const amount of deals.won) expect((await deal(amount, 'won')).status).toBe(201);
        if (deals.open > 0) expect((await deal(deals.open, 'open')).status).toBe(201);
      }
      for (const lastName of ['Lind', 'Berg']) {
        const contact = await rep1Api.request('POST', '/api/contacts', {
          accountId: accountIds.Borealis,
          firstName: lastName === 'Lind' ? 'Ada' : 'Bo',
          lastName,
          title: lastName === 'Lind' ? 'CFO' : 'Head of IT',
        });
        expect(contact.status).toBe(201);
      }
      // Three meetings held with Borealis this fiscal year (today, so the year has begun).
      for (let n = 0; n < 3; n++) {
        const meeting = await rep1Api.request('POST', '/api/activities', {
          type: 'meeting',
          status: 'done',
          occursOn: today,
          accountId: accountIds.Borealis,
        });
        expect(meeting.status).toBe(201);
      }
      // The organisation's fiscal year, as the pages name it.
      year = (await rep1Api.request('GET', '/api/key-accounts')).body.fiscalYear as number;
      browser = await launchBrowser();
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
    });

    const signIn = (email: string, url: string) =>
      signInThroughForm(browser, {
        baseUrl: server.baseUrl,
        email,
        password: PASSWORD,
        url,
        pageErrors,
      });
    const pick = pickOption;

    it('scores, confirms, plans, signs, acknowledges and reviews a key account', async () => {
      // 1. The leader defines the criteria: open pipeline twice as much as won revenue, top 20%.
      const leader = await signIn('leader@acme.test', '/key-accounts');
      let page = leader.page;
      await page.getByRole('heading', { name: 'Key accounts' }).waitFor();
      await expectNoAxeViolations(page, 'the leader’s Key accounts page');
      await page.getByRole('tab', { name: 'Scoring model' }).click();
      const criteria: [string, string, string][] = [
        ['Open pipeline', 'Open pipeline', '2'],
        ['Won revenue', 'Won revenue, last 12 months', '1'],
      ];
      for (const [index, [name, source, weight]] of criteria.entries()) {
        await page.getByRole('button', { name: 'Add a criterion' }).click();
        await page.getByRole('textbox', { name: `Criterion ${index + 1} name` }).fill(name);
        await pick(
          page,
          page.getByLabel(`Criterion ${index + 1} value from`, { exact: true }),
          source,
        );
        await page.getByRole('textbox', { name: `Criterion ${index + 1} weight` }).fill(weight);
      }
      await page.getByRole('textbox', { name: 'Key accounts: the top … percent' }).fill('20');
      await page.getByRole('button', { name: 'Save as version 1' }).click();
      await page.getByText('Scoring model version 1 saved').waitFor();

      // 2. The ranking proposes Borealis (top 20% of 5 accounts); the leader adds Cobalt, with why.
      await page.getByRole('tab', { name: 'Ranking' }).click();
      await page.getByText('Model version 1: 1 of 5 accounts proposed').waitFor();
      const ranking = page.getByRole('table', { name: 'Ranking' });
      const borealisRow = ranking.getByRole('row').filter({ hasText: 'Borealis' });
      // The highest on both criteria: score 100, and each criterion's value and part shown.
      await expect.poll(() => borealisRow.textContent()).toContain('100.0');
      expect(await borealisRow.textContent()).toContain(euros(80_000_00));
      expect(await borealisRow.textContent()).toContain('Proposed');
      await page.getByRole('checkbox', { name: 'Include Cobalt' }).click();
      await page.getByRole('button', { name: 'Confirm the key accounts (1 override)' }).click();
      const dialog = page.getByRole('dialog', { name: 'Confirm the key accounts' });
      await dialog
        .getByRole('textbox', { name: 'Include Cobalt: why?' })
        .fill('New CIO, budget for 2027');
      await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
      await page.getByText(`2 key accounts for ${year}`).waitFor();
      await expectNoAxeViolations(page, 'the confirmed key accounts');
      await expect.poll(() => borealisRow.textContent()).toContain('Confirmed');
      expect(await ranking.getByRole('row').filter({ hasText: 'Cobalt' }).textContent()).toContain(
        'Included: New CIO, budget for 2027',
      );
      await screenshot(page, '1-leader-ranking');
      await leader.context.close();

      // 3. rep1 finds Borealis on the list without a plan, writes it, and signs the commitment.
      const rep = await signIn('rep1@acme.test', '/key-accounts');
      page = rep.page;
      const list = page.getByRole('table', { name: 'Key accounts' });
      expect(await list.getByRole('row').filter({ hasText: 'Borealis' }).textContent()).toContain(
        'Not written',
      );
      await list.getByRole('link', { name: 'Borealis' }).click();
      await page.getByRole('heading', { name: `Borealis: key-account plan ${year}` }).waitFor();
      // The deals in the account are on the plan, before anything is written.
      await page.getByRole('link', { name: `Borealis open ${80_000_00}` }).waitFor();
      await expectNoAxeViolations(page, 'the unwritten key-account plan');
      await page.getByRole('button', { name: 'Write the plan' }).click();
      const form = page.getByRole('form', { name: 'Key-account plan' });
      const section = (name: string) => form.getByRole('region', { name });

      const relationships = section('Relationships');
      await relationships.getByRole('button', { name: 'Add' }).click();
      await pick(page, relationships.getByLabel('Contact', { exact: true }), 'Ada Lind');
      await pick(page, relationships.getByLabel('Role', { exact: true }), 'economic');
      await relationships
        .getByRole('textbox', { name: 'Next step to get there' })
        .fill('Quarterly business review with the CFO');

      const objectives = section('Objectives');
      await objectives.getByRole('button', { name: 'Add' }).click();
      await objectives
        .getByRole('textbox', { name: 'Objective' })
        .fill('Sign the 2027 framework agreement');
      await objectives.getByLabel('Due').fill(`${year}-12-20`);

      const steps = section('Action sequence');
      await steps.getByRole('button', { name: 'Add' }).click();
      await steps.getByRole('textbox', { name: 'Step' }).fill('Present the savings case to Ada');
      await steps.getByLabel('Due').fill(`${year}-12-15`);
      await pick(
        page,
        steps.getByLabel('Serves objective', { exact: true }),
        'Sign the 2027 framework agreement',
      );
      await pick(page, steps.getByLabel('Aimed at', { exact: true }), 'Ada Lind');

      const benchmarks = section('Benchmarks');
      const benchmarkRows: [string, string, string][] = [
        ['Won revenue', 'Won revenue this fiscal year', '50000'],
        ['Meetings held', 'Meetings held this fiscal year', '6'],
      ];
      for (const [index, [metric, source, target]] of benchmarkRows.entries()) {
        await benchmarks.getByRole('button', { name: 'Add' }).click();
        await benchmarks.getByRole('textbox', { name: 'Metric' }).nth(index).fill(metric);
        await pick(page, benchmarks.getByLabel('Actual from', { exact: true }).nth(index), source);
        // Money in whole euros, as a person says it; the API keeps cents.
        await benchmarks.getByRole('textbox', { name: 'Target' }).nth(index).fill(target);
      }
      await form
        .getByRole('textbox', { name: 'Written commitment' })
        .fill('I will grow Borealis to €50,000 won this year and bring the CFO on side.');
      await screenshot(page, '2-rep-writes');
      await expectNoAxeViolations(page, 'the key-account plan form');
      await form.getByRole('button', { name: 'Save the plan' }).click();
      await page.getByRole('button', { name: 'Edit the plan' }).waitFor();

      // The benchmark actuals come from the deals and meetings already in the database.
      const benchmarkTable = page.getByRole('region', { name: 'Benchmarks' });
      const wonRow = benchmarkTable.getByRole('row').filter({ hasText: 'Won revenue' });
      expect(await wonRow.textContent()).toContain(euros(50_000_00));
      expect(await wonRow.textContent()).toContain(euros(42_000_00));
      const meetingsRow = benchmarkTable.getByRole('row').filter({ hasText: 'Meetings held' });
      expect(await meetingsRow.textContent()).toMatch(/^Meetings held—6—3from the data/);
      const saved = await rep1Api.request('GET', `/api/key-accounts/${accountIds.Borealis}/plan`);
      expect(
        saved.body.benchmarks.map((b: { metric: string; target: number; actual: number }) => [
          b.metric,
          b.target,
          b.actual,
        ]),
      ).toEqual([
        ['Won revenue', 50_000_00, 42_000_00],
        ['Meetings held', 6, 3],
      ]);
      await page.getByRole('button', { name: 'Sign the commitment' }).click();
      await page.getByText(`Signed by the rep: ${formatDay(today)}`).waitFor();
      await rep.context.close();

      // 4. manager1 acknowledges the signed plan with a comment.
      const manager = await signIn('manager1@acme.test', `/key-accounts/${accountIds.Borealis}`);
      page = manager.page;
      await page.getByRole('heading', { name: `Borealis: key-account plan ${year}` }).waitFor();
      await page.getByRole('textbox', { name: 'Comment' }).fill('Good plan; bring me to the QBR.');
      await page.getByRole('button', { name: 'Acknowledge' }).click();
      await page.getByText(`Acknowledged by the manager: ${formatDay(today)}`).waitFor();
      await page.getByText('Manager: Good plan; bring me to the QBR.').waitFor();
      await expectNoAxeViolations(page, 'the acknowledged key-account plan');

      // 5. A fourth meeting is held; the review records the actuals as they stand now.
      const fourth = await rep1Api.request('POST', '/api/activities', {
        type: 'meeting',
        status: 'done',
        occursOn: today,
        accountId: accountIds.Borealis,
      });
      expect(fourth.status).toBe(201);
      await page.reload();
      await page
        .getByLabel('What changed since the last review')
        .fill('CFO met twice; budget approved');
      await page.getByLabel('Adjustments to the plan').fill('Add the IT head to the relationships');
      await page.getByRole('button', { name: "Record today's review" }).click();
      const review = page
        .getByRole('region', { name: 'Reviews' })
        .getByText(`${today} — version`)
        .locator('..');
      await review.waitFor();
      const reviewText = await review.textContent();
      expect(reviewText).toContain('by manager1');
      expect(reviewText).toContain('What changed: CFO met twice; budget approved');
      expect(reviewText).toContain(`Won revenue ${euros(42_000_00)} of ${euros(50_000_00)}`);
      expect(reviewText).toContain('Meetings held 4 of 6');
      await screenshot(page, '3-manager-review');
      await manager.context.close();

      // 6. On rep1's dashboard the key account they have not planned yet waits for a plan.
      const back = await signIn('rep1@acme.test', '/dashboards/rep');
      page = back.page;
      const due = page.getByRole('region', { name: 'Key-account reviews due' });
      await due.waitFor();
      expect(await due.textContent()).toContain('2 key accounts in');
      expect(await due.getByRole('listitem').allTextContents()).toEqual(['CobaltPlan not written']);
      await back.context.close();
      expect(pageErrors).toEqual([]);
    }, 300_000);
  },
);
