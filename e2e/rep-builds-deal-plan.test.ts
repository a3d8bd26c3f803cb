import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/http/test-server';
import { buildWebApp, expectNoAxeViolations, hasChromium, launchBrowser } from './browser';

const canRun = hasChromium || process.env.CI === 'true';

// A rep, as a new user would, opens a deal, builds its plan, watches the checks change while
// typing, prints it and reads its history.
describe.runIf(canRun)('a rep builds a deal plan (real browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let webDir: string;
  let dealId: string;

  beforeAll(async () => {
    webDir = await buildWebApp();
    server = await startTestServer('pglite', { webDir });
    const rep1 = await server.as('rep1@acme.test');
    const stageId = (await rep1.request('GET', '/api/reference')).body.stages[0].id;
    const accountId = (await rep1.request('POST', '/api/accounts', { name: 'Globex' })).body.id;
    await rep1.request('POST', '/api/contacts', {
      accountId,
      firstName: 'Dana',
      lastName: 'Ortiz',
      title: 'CFO',
    });
    const close = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    dealId = (
      await rep1.request('POST', '/api/opportunities', {
        name: 'Globex fleet',
        accountId,
        stageId,
        expectedCloseOn: close,
      })
    ).body.id;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('builds the plan, sees the checks update while typing, prints it and sees its history', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${server.baseUrl}/opportunities/${dealId}`);
    await page.getByRole('textbox', { name: 'Email' }).fill('rep1@acme.test');
    await page.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Deal plan' }).waitFor();
    await expectNoAxeViolations(page, 'the deal page');
    await page.getByRole('link', { name: 'Deal plan' }).click();
    await page.getByRole('heading', { name: 'Deal plan: Globex fleet' }).waitFor();
    const checks = page.getByRole('region', { name: 'Plan checks' });
    await checks.getByText('No economic buyer is named on this deal.').waitFor();
    await expectNoAxeViolations(page, 'the empty deal plan with its checks');

    // A buying influence from the account's contacts.
    await page.getByRole('button', { name: 'Add buying influence' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Contact', { exact: true }).click();
    await page.getByRole('option', { name: /Dana Ortiz/ }).click();
    await dialog.getByLabel('Response mode', { exact: true }).click();
    await page.getByRole('option', { name: 'Trouble' }).click();
    await expectNoAxeViolations(page, 'the buying-influence dialog');
    await dialog.getByRole('button', { name: 'Add to the map' }).click();
    await page.getByLabel('Dana Ortiz, Economic buyer').waitFor();
    expect(await checks.getByText('No economic buyer is named on this deal.').count()).toBe(0);

    // The win-win: the finding goes away while typing, before saving.
    await checks.getByText('The win-win does not state our win.').waitFor();
    await page.getByRole('textbox', { name: 'Our win' }).fill('A reference customer');
    await checks.getByText('Including what you are typing (not saved yet).').waitFor();
    expect(await checks.getByText('The win-win does not state our win.').count()).toBe(0);
    await page.getByRole('button', { name: 'Save win-win' }).click();
    await page.getByText('Win-win: our win').waitFor();

    // An action step aimed at the CFO.
    await page.getByRole('button', { name: 'Add step' }).click();
    await page.getByRole('textbox', { name: 'What' }).fill('Send the CFO the business case');
    await page.getByRole('button', { name: 'Add step' }).click();
    await page.getByRole('cell', { name: /Send the CFO the business case/ }).waitFor();
    await page.getByRole('checkbox', { name: 'Complete step 1' }).click();
    await page.getByText('Completed step 1 “Send the CFO the business case”').first().waitFor();
    await expectNoAxeViolations(page, 'the deal plan with an influence, a win-win and a step');

    // On paper: no buttons, the plan and its checks.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Add step' }).isVisible()).toBe(false);
    expect(await checks.isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    fs.writeFileSync(path.join(os.tmpdir(), 'deal-plan-print.pdf'), pdf);
    await page.screenshot({ path: path.join(os.tmpdir(), 'deal-plan-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: path.join(os.tmpdir(), 'deal-plan.png'), fullPage: true });

    const history = page.getByRole('region', { name: 'Plan history' });
    expect(await history.getByText(/as the economic buyer/).count()).toBe(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
