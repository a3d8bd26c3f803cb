import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/http/test-server';
import { buildWebApp, expectNoAxeViolations, hasChromium, launchBrowser } from './browser';

// In CI a missing browser is a failure; on a developer machine without Debian's chromium the
// journey is skipped with this reason.
const canRun = hasChromium || process.env.CI === 'true';

describe.runIf(canRun)('a rep signs in and sees their opportunities (real browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let webDir: string;

  beforeAll(async () => {
    webDir = await buildWebApp();
    server = await startTestServer('pglite', { webDir });
    const rep1 = await server.as('rep1@acme.test');
    const rep2 = await server.as('rep2@acme.test');
    const stageId = (await rep1.request('GET', '/api/reference')).body.stages[0].id;
    await rep1.request('POST', '/api/opportunities', {
      name: 'Globex expansion',
      stageId,
      amountMinor: 4_200_000,
    });
    await rep2.request('POST', '/api/opportunities', { name: 'Someone else’s deal', stageId });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('signs in with the form and lands on a list showing only their own deals', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${server.baseUrl}/opportunities`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expectNoAxeViolations(page, 'the sign-in page');
    await page.getByRole('textbox', { name: 'Email' }).fill('rep1@acme.test');
    await page.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'Deals' }).waitFor();
    const row = page.getByRole('row', { name: /Globex expansion/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('42,000');
    expect(await page.getByText('Someone else’s deal').count()).toBe(0);
    await expectNoAxeViolations(page, 'the rep’s Deals list');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
