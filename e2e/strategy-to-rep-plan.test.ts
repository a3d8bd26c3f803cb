import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segments } from '../src/db/schema';
import { addDays } from '../src/domain/calendar';
import { todayIso } from '../src/services/clock';
import { PASSWORD, startTestServer, type Client, type TestServer } from '../src/http/test-server';
import { STANDING_WORDS, standingOf } from '../src/domain/standing';
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
const year = Number(today.slice(0, 4));
const daysAgo = (days: number) => addDays(today, -days);
const euros = (minor: number) => formatWholeMoney(minor, 'EUR', 'en-US');
// The rep plan shows targets in whole euros.
const wholeEuros = (minor: number) =>
  new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(Math.round(minor / 100));
// How RepPlanWeeklyPlan shows a figure that may be missing.
const shown = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : String(value);
const screenshot = (page: Page, name: string) =>
  page.screenshot({
    path: path.join(os.tmpdir(), `strategy-to-rep-plan-${name}.png`),
    fullPage: true,
  });

type WeeklyPlanLine = {
  type: string;
  fromNorms: number;
  fromFunnel: number | null;
  planned: number;
  doneThisWeek: number;
  doneToDate: number;
};
type PlanVsActualRow = { isBehind: boolean };

// The "done means": a leader sets the strategy, a manager and a rep co-build and sign
// the rep's plan in the browser, the rep sees their weekly numbers, and a monthly check-in
// records a discrepancy and a revision. Only what a user would already have is set up through
// the API (segments, accounts, a year of won/lost deals and first meetings); the rest is clicked.
describe.runIf(canRun)('from the strategy to a revised rep plan (real browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let webDir: string;
  let leaderApi: Client;
  let rep1Api: Client;
  let manager1Api: Client;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    webDir = await buildWebApp();
    server = await startTestServer('pglite', { webDir });
    leaderApi = await server.as('leader@acme.test');
    manager1Api = await server.as('manager1@acme.test');
    rep1Api = await server.as('rep1@acme.test');
    // The organisation's segments are set up before anyone plans; there is no API for them yet.
    const orgId = server.orgIds.acme;
    const rows = await server.database.db
      .insert(segments)
      .values(['A', 'B'].map((code) => ({ orgId, code, name: `Segment ${code}` })))
      .returning();
    const segmentId = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    const account = async (name: string, segment: string, status: string) =>
      (
        await rep1Api.request('POST', '/api/accounts', {
          name,
          segmentId: segmentId[segment],
          status,
        })
      ).body.id as string;
    const alpha = await account('Alpha', 'A', 'prospect');
    await account('Beta', 'B', 'customer');
    // The history's deals sit on a customer already: a won deal makes a prospect a customer, and
    // Alpha must stay a prospect for the norms below.
    const gamma = await account('Gamma', 'A', 'customer');
    const stages = Object.fromEntries(
      (await rep1Api.request('GET', '/api/reference')).body.stages.map(
        (s: { name: string; id: string }) => [s.name, s.id],
      ),
    );
    // rep1's last 12 months: 3 won and 2 lost deals, 10 first meetings held. The won deals
    // closed in two days, so the sales cycle leaves weeks for first meetings until late December.
    const deal = (stage: string, amountMinor: number, createdOn: string, closedOn: string) =>
      rep1Api.request('POST', '/api/opportunities', {
        name: `${stage} ${amountMinor}`,
        accountId: gamma,
        stageId: stages[stage],
        amountMinor,
        createdOn,
        closedOn,
      });
    for (const amount of [10_000_00, 20_000_00, 30_000_00])
      expect((await deal('Won', amount, daysAgo(22), daysAgo(20))).status).toBe(201);
    for (const amount of [5_000_00, 7_000_00])
      expect((await deal('Lost', amount, daysAgo(90), daysAgo(40))).status).toBe(201);
    for (let week = 1; week <= 10; week++) {
      const activity = await rep1Api.request('POST', '/api/activities', {
        type: 'first_meeting',
        status: 'done',
        occursOn: daysAgo(week * 7),
        accountId: alpha,
      });
      expect(activity.status).toBe(201);
    }
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  });

  // Each person in a browser of their own; the clock's zone is the server's, so "this year" agrees.
  const signIn = (email: string, url: string) =>
    signInThroughForm(browser, {
      baseUrl: server.baseUrl,
      email,
      password: PASSWORD,
      url,
      pageErrors,
    });
  const pick = pickOption;

  it('goes from the strategy to an agreed plan, the week, and a check-in that revises it', async () => {
    // 1. The leader sets the year's strategy.
    const leader = await signIn('leader@acme.test', '/opportunities');
    let page = leader.page;
    await page.getByRole('link', { name: 'Strategy' }).click();
    await page.getByRole('heading', { name: `Strategy ${year}` }).waitFor();
    await page.getByText(`No strategy is set for ${year} yet.`).waitFor();
    const form = page.getByRole('form', { name: `Strategy ${year}` });
    await form.getByRole('textbox', { name: 'Revenue target' }).fill('1000000');
    await form.getByText('Mixed', { exact: true }).click();
    await form.getByLabel('Share of Segment A (%)').fill('60');
    await form.getByLabel('Share of Segment B (%)').fill('30');
    await form.getByText('10% other').waitFor();
    await form.getByRole('button', { name: 'Add assignment' }).click();
    await pick(page, form.getByLabel('Rep, row 1', { exact: true }), 'rep1');
    await pick(page, form.getByLabel('Segment, row 1', { exact: true }), 'Segment A');
    await form.getByRole('button', { name: 'Add assignment' }).click();
    await pick(page, form.getByLabel('Rep, row 2', { exact: true }), 'rep2');
    await form.getByText('Entered', { exact: true }).click();
    await form.getByLabel('November', { exact: true }).fill('2');
    await form.getByLabel('December', { exact: true }).fill('2');
    await form.getByLabel('Segment A, prospect, Call per year').fill('48');
    await form.getByLabel('Segment A, prospect, Meeting per year').fill('24');
    await form.getByLabel('Segment B, customer, Meeting per year').fill('12');
    await form.getByRole('button', { name: 'Create strategy' }).click();
    await page.getByText(`Strategy ${year} saved.`).waitFor();
    await expectNoAxeViolations(page, 'the leader’s saved strategy');

    const strategy = (await leaderApi.request('GET', `/api/strategies/${year}`)).body;
    expect(strategy).toMatchObject({ model: 'mixed', targetMinor: 1_000_000_00 });
    expect(strategy.seasonality.kind).toBe('entered');
    const rep1Target = strategy.cascade.reps.find(
      (r: { repId: string }) => r.repId === server.ids.rep1,
    ).targetMinor as number;
    // rep1 holds segment A alone: 60% of the target.
    expect(rep1Target).toBe(600_000_00);
    const cascade = page.getByRole('table', { name: 'Targets by rep and segment' });
    const rep1Row = cascade.getByRole('row', { name: /^rep1/ });
    await rep1Row.waitFor();
    expect(await rep1Row.getByRole('cell').last().textContent()).toBe(euros(rep1Target));
    await screenshot(page, '1-strategy');
    await leader.context.close();

    // 2. rep1 starts their plan, fills the draft, proposes it and signs.
    const rep1 = await signIn('rep1@acme.test', '/opportunities');
    page = rep1.page;
    await page.getByRole('link', { name: 'My plan' }).click();
    await page.getByRole('button', { name: `Start my ${year} plan` }).click();
    await page.getByRole('heading', { name: `Targets ${wholeEuros(rep1Target)}` }).waitFor();
    const draft = page.getByRole('region', { name: 'Edit the draft' });
    await draft.getByRole('combobox', { name: 'Target accounts' }).click();
    await page.getByRole('option', { name: 'Alpha', exact: true }).click();
    await page.getByRole('option', { name: 'Beta', exact: true }).click();
    await page.keyboard.press('Escape');
    await draft.getByText('2 picked').waitFor();
    await draft
      .getByRole('textbox', { name: 'Sales methods: Prospecting' })
      .fill('Referrals from customers in segment A');
    await draft
      .getByRole('textbox', { name: 'Expected results: Prospecting' })
      .fill('Two first meetings a week');
    await draft.getByRole('textbox', { name: 'Calls per meeting (outreach)' }).fill('5');
    await draft.getByRole('button', { name: 'Save draft' }).click();
    // The activity plan follows the target accounts and their segments' norms.
    const planned = page.getByRole('table', { name: 'Planned activities' });
    await planned.getByRole('row', { name: /^Call \d+ 48$/ }).waitFor();
    await planned.getByRole('row', { name: /^Meeting \d+ 36$/ }).waitFor();
    await page.getByRole('button', { name: 'Propose to my manager' }).click();
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await page.getByText(/^Rep rep1: signed/).waitFor();
    await page.getByText('Manager manager1: not signed').waitFor();
    await screenshot(page, '2-rep-proposed');

    // 3. manager1 opens the plan from Team; the countersignature agrees it in one step.
    const manager1 = await signIn('manager1@acme.test', '/team');
    const managerPage = manager1.page;
    await managerPage.getByRole('heading', { name: 'Team' }).waitFor();
    await managerPage
      .getByRole('table', { name: 'Rep plans' })
      .getByRole('link', { name: 'rep1', exact: true })
      .click();
    await managerPage.getByText('Referrals from customers in segment A').waitFor();
    await managerPage.getByRole('heading', { name: `rep1’s plan ${year}` }).waitFor();
    await managerPage.getByRole('button', { name: 'Countersign and agree' }).click();
    await managerPage.getByText('Plan agreed').waitFor();
    await managerPage.getByText(/^Manager manager1: signed/).waitFor();
    const versions = managerPage.getByRole('region', { name: 'Versions' });
    await versions.getByRole('cell', { name: 'Agreed by the rep and the manager' }).waitFor();
    const planId = new URL(managerPage.url()).searchParams.get('plan') ?? '';
    expect((await rep1Api.request('GET', `/api/rep-plans/${planId}`)).body.state).toBe('agreed');

    // 4. rep1 sees this week's plan per activity type, the same the API computes.
    await page.reload();
    const weeklyTable = page.getByRole('table', { name: 'Weekly plan' });
    await weeklyTable.waitFor();
    const plan = (await rep1Api.request('GET', `/api/rep-plans/${planId}`)).body;
    expect(plan.state).toBe('agreed');
    await page.getByRole('heading', { name: `This week’s plan (${plan.weekly.week})` }).waitFor();
    await expectNoAxeViolations(page, 'the rep’s agreed plan with the weekly plan');
    const lines = plan.weeklyPlan as WeeklyPlanLine[];
    expect(lines.map((line) => line.type)).toContain('first_meeting');
    for (const line of lines) {
      const cells = weeklyTable
        .getByRole('row', { name: new RegExp(`^${line.type.replace('_', ' ')}`, 'i') })
        .getByRole('cell');
      expect(await cells.nth(1).textContent()).toBe(String(line.fromNorms));
      expect(await cells.nth(2).textContent()).toBe(shown(line.fromFunnel));
      expect(await cells.nth(4).textContent()).toMatch(new RegExp(`^${line.planned}by `));
      expect(await cells.nth(5).textContent()).toBe(String(line.doneThisWeek));
      expect(await cells.nth(6).textContent()).toBe(String(line.doneToDate));
    }
    await screenshot(page, '3-rep-agreed-week');
    await rep1.context.close();

    // 5. manager1 records this month's check-in: a discrepancy, and an agreed plan change.
    const current = plan.checkIns.findIndex(
      (c: { periodStart: string; periodEnd: string }) =>
        c.periodStart <= today && today <= c.periodEnd,
    );
    expect(current).toBeGreaterThanOrEqual(0);
    const checkInId = plan.checkIns[current].id as string;
    page = managerPage;
    const checkIns = page.getByRole('table', { name: 'Check-ins' });
    await checkIns
      .getByRole('row')
      .nth(current + 1)
      .getByRole('button')
      .click();
    const checkInForm = page.getByLabel('Check-in', { exact: true });
    await checkInForm.getByText(/^Plan vs actual as of/).waitFor();
    await expectNoAxeViolations(manager1.page, 'the check-in form');

    // Plan vs actual comes pre-filled; what is behind is in bold red, as the API says.
    const prefilled = (
      await manager1Api.request('GET', `/api/rep-plans/${planId}/check-ins/${checkInId}`)
    ).body.planVsActual as {
      activities: (PlanVsActualRow & { activityType: string; planned: number; done: number })[];
      targets: (PlanVsActualRow & {
        label: string;
        wonToDateMinor: number;
        targetToDateMinor: number;
      })[];
    };
    const call = prefilled.activities.find((row) => row.activityType === 'call');
    expect(call).toMatchObject({ done: 0, isBehind: true });
    const isHighlighted = (cell: Locator) =>
      cell.evaluate((element) => {
        const style = getComputedStyle(element);
        const [r = 0, g = 0, b = 0] = (style.color.match(/\d+/g) ?? []).map(Number);
        return Number(style.fontWeight) >= 700 && r > g + 60 && r > b + 60;
      });
    const activityTable = checkInForm.getByRole('table', { name: 'Activities plan vs actual' });
    for (const row of prefilled.activities) {
      const cells = activityTable
        .getByRole('row', { name: new RegExp(`^${row.activityType.replace('_', ' ')}`, 'i') })
        .getByRole('cell');
      expect(await cells.nth(1).textContent()).toBe(String(row.planned));
      expect(await cells.nth(2).textContent()).toBe(String(row.done));
      expect(await isHighlighted(cells.nth(2))).toBe(row.isBehind);
    }
    const targetTable = checkInForm.getByRole('table', { name: 'Targets to date' });
    for (const row of prefilled.targets) {
      const cell = targetTable
        .getByRole('row', { name: new RegExp(`^${row.label}`) })
        .getByRole('cell')
        .last();
      // The attainment cell says the one verdict rule's word (domain/standing.ts), as every page.
      const standing = standingOf(row.wonToDateMinor, row.targetToDateMinor);
      const text = await cell.textContent();
      if (standing === null) expect(text).toBe('nothing due yet');
      else expect(text).toContain(STANDING_WORDS.attainment[standing]);
    }

    await checkInForm
      .getByRole('textbox', { name: 'Discrepancies' })
      .fill('Calls behind plan this month');
    await checkInForm
      .getByRole('textbox', { name: 'Difficulties' })
      .fill('Beta is in a budget freeze');
    await checkInForm
      .getByRole('switch', { name: 'Agree plan changes (makes a revised version)' })
      .check();
    const changes = checkInForm.getByRole('group', { name: 'Agreed plan changes' });
    await changes.getByRole('textbox', { name: 'Closing ratio (%), blank for history' }).fill('40');
    await changes
      .getByRole('textbox', { name: 'Reason for closing ratio' })
      .fill('Two large deals lost to a competitor');
    await checkInForm
      .getByRole('textbox', { name: 'Agreed adjustments' })
      .fill('Plan on a 40% closing ratio until the budget freeze ends');
    await screenshot(page, '4-check-in');
    await checkInForm.getByRole('button', { name: 'Record check-in' }).click();
    await page.getByText(/^The agreed changes are kept as version 2\./).waitFor();

    // The plan is revised: its state, and version 2 in Versions, made by this check-in.
    const agreement = page
      .locator('.mantine-Card-root')
      .filter({ has: page.getByRole('heading', { name: 'Agreement' }) });
    await agreement.getByText('Revised', { exact: true }).waitFor();
    await versions
      .getByRole('cell', { name: 'Plan on a 40% closing ratio until the budget freeze ends' })
      .waitFor();
    const version2 = versions
      .getByRole('table', { name: 'Agreed versions' })
      .getByRole('row')
      .nth(2);
    expect(await version2.getByRole('cell').first().textContent()).toBe('2');
    expect(await version2.getByText('Revised', { exact: true }).count()).toBe(1);
    await checkIns.getByRole('cell', { name: 'version 2' }).waitFor();
    const revised = (await manager1Api.request('GET', `/api/rep-plans/${planId}`)).body;
    expect(revised.state).toBe('revised');
    expect(revised.funnelInputs.closingRatio).toEqual({
      value: 0.4,
      reason: 'Two large deals lost to a competitor',
    });
    const held = (
      await manager1Api.request('GET', `/api/rep-plans/${planId}/check-ins/${checkInId}`)
    ).body;
    expect(held).toMatchObject({
      status: 'held',
      discrepancies: 'Calls behind plan this month',
      difficulties: 'Beta is in a budget freeze',
      resultingVersionNumber: 2,
    });
    await screenshot(page, '5-revised');

    expect(pageErrors).toEqual([]);
    await manager1.context.close();
  }, 180_000);
});
