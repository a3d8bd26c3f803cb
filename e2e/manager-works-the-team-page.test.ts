import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segments } from '../src/db/schema';
import { addDays } from '../src/domain/calendar';
import { todayIso } from '../src/services/clock';
import { type Client, startTestServer, type TestServer } from '../src/http/test-server';
import { buildWebApp, expectNoAxeViolations, hasChromium, launchBrowser } from './browser';

const canRun = hasChromium || process.env.CI === 'true';
const today = todayIso();
const year = Number(today.slice(0, 4));

// A manager, as a new user would (issue 17): opens the Team page, sees rep1's plan waiting for
// the countersignature, countersigns it in one step with a confirmation, holds the due check-in
// from the list and sees rep1's attainment, the rep dashboard's figure.
describe.runIf(canRun)('a manager works the Team page (real browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let webDir: string;
  let manager1Api: Client;

  beforeAll(async () => {
    webDir = await buildWebApp();
    server = await startTestServer('pglite', { webDir });
    const leader = await server.as('leader@acme.test');
    manager1Api = await server.as('manager1@acme.test');
    const rep1 = await server.as('rep1@acme.test');
    const orgId = server.orgIds.acme;
    const [segA] = await server.database.db
      .insert(segments)
      .values({ orgId, code: 'A', name: 'Segment A' })
      .returning();
    const strategy = await leader.request('PUT', `/api/strategies/${year}`, {
      startMonth: 1,
      targetMinor: 3_000_000_00,
      model: 'territory',
      seasonality: { kind: 'flat' },
      segmentMix: [{ segmentId: segA?.id, shareBasisPoints: 8000 }],
      assignments: [
        { repId: server.ids.rep1, weight: 2 },
        { repId: server.ids.rep2, weight: 1 },
      ],
    });
    expect(strategy.status).toBe(200);
    const account = (
      await rep1.request('POST', '/api/accounts', {
        name: 'Alpha',
        segmentId: segA?.id,
        status: 'customer',
      })
    ).body.id as string;
    const stages = (await rep1.request('GET', '/api/reference')).body.stages as {
      name: string;
      id: string;
    }[];
    for (const amountMinor of [40_000_00, 60_000_00]) {
      const won = await rep1.request('POST', '/api/opportunities', {
        name: `Won ${amountMinor}`,
        accountId: account,
        stageId: stages.find((s) => s.name === 'Won')?.id,
        amountMinor,
        createdOn: addDays(today, -30),
        closedOn: addDays(today, -5),
      });
      expect(won.status).toBe(201);
    }
    const plan = (await rep1.request('POST', '/api/rep-plans', { year })).body;
    await rep1.request('POST', `/api/rep-plans/${plan.id}/transitions`, { to: 'proposed' });
    await rep1.request('POST', `/api/rep-plans/${plan.id}/signatures`, { as: 'rep' });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('countersigns the waiting plan, holds the due check-in and sees the attainment', async () => {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.baseUrl}/team`);
    await page.getByRole('textbox', { name: 'Email' }).fill('manager1@acme.test');
    await page.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Team' }).waitFor();

    // 1. rep1's plan waits for the countersignature: the first row, said in words.
    const table = page.getByRole('table', { name: 'Rep plans' });
    const firstRow = table.getByRole('row').nth(1);
    await firstRow.getByText(/^Waiting for your countersignature since /).waitFor();
    await firstRow.getByText('Countersign the plan').waitFor();
    await expectNoAxeViolations(page, 'the Team page');

    // 2. One step: the countersignature agrees the plan, and the page says so.
    await firstRow.getByRole('link', { name: 'rep1', exact: true }).click();
    await page.getByRole('button', { name: 'Countersign and agree' }).click();
    await page.getByText('Plan agreed').waitFor();

    // 3. Back on the Team page, the plan is agreed and the check-in due opens from the row.
    await page.getByRole('navigation').getByRole('link', { name: 'Team' }).click();
    const rep1Row = table.getByRole('row').filter({ hasText: 'rep1' }).first();
    await rep1Row.getByText(/^Agreed on /).waitFor();
    await rep1Row.getByRole('link', { name: /^(due|overdue since) /i }).click();
    await page.getByLabel('Difficulties').fill('Two renewals slipped to January');
    await expectNoAxeViolations(page, 'the check-in form');
    await page.getByRole('button', { name: 'Record check-in' }).click();
    await page.getByText(/^(Check-in recorded|Plan revised)$/).waitFor();

    // 4. The rep's attainment on the Team page is the rep dashboard's.
    const dashboard = (
      await manager1Api.request('GET', `/api/dashboards/rep?repId=${server.ids.rep1}`)
    ).body;
    expect(dashboard.attainment.wonToDate).toBe(100_000_00);
    const shown = `${(dashboard.attainment.attainment * 100).toFixed(1)}%`;
    await page.goto(`${server.baseUrl}/team`);
    const after = table.getByRole('row').filter({ hasText: 'rep1' }).first();
    await after.getByRole('cell', { name: shown, exact: true }).waitFor();
    await after.getByRole('cell', { name: '€100,000', exact: true }).waitFor();
    expect(await after.getByText('None yet').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
