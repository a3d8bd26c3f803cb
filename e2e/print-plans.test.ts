import fs from 'node:fs';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestServer, type TestServer } from '../src/http/test-server';
import { buildWebApp, expectNoAxeViolations, hasChromium, launchBrowser } from './browser';

// The rep plan, the team plan, a key-account plan and the dashboards printed to PDF in Chromium (issue #14): each
// page on paper says whose organisation, what it is, its version and the print date, leaves the
// navigation and buttons out, and the PDF has text on it (not a blank page).

const canRun = hasChromium || process.env.CI === 'true';

/** How many text-showing operators (Tj, TJ) the PDF's content streams hold. */
function textOperatorsIn(pdf: Buffer): number {
  let count = 0;
  const binary = pdf.toString('latin1');
  for (const match of binary.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = binary.indexOf('endstream', start);
    try {
      const content = zlib.inflateSync(pdf.subarray(start, end)).toString('latin1');
      count += (content.match(/\bT[jJ]\b/g) ?? []).length;
    } catch {
      // Not a Flate stream (an image, a font): no text operators in it.
    }
  }
  return count;
}

describe.runIf(canRun)('plans and dashboards print as clean pages (real browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let webDir: string;
  let globexId = '';
  let keyAccountYear = 0;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    webDir = await buildWebApp();
    server = await startTestServer('pglite', { webDir });
    const rep1 = await server.as('rep1@acme.test');
    const manager1 = await server.as('manager1@acme.test');
    expect((await rep1.request('POST', '/api/rep-plans', { year })).status).toBe(201);
    expect((await manager1.request('POST', '/api/team-plans', { year })).status).toBe(201);
    // Globex, rep1's, is the key account the model picks; rep1 writes its plan.
    const leader = await server.as('leader@acme.test');
    globexId = (await rep1.request('POST', '/api/accounts', { name: 'Globex', employees: 90_000 }))
      .body.id;
    await leader.request(
      'PUT',
      '/api/key-accounts/model',
      { cutPercent: 5, criteria: [{ name: 'Employees', source: 'employees', weight: 1 }] },
      { 'if-match': '0' },
    );
    expect(
      (await leader.request('POST', '/api/key-accounts/confirmation', { modelVersion: 1 })).status,
    ).toBe(200);
    const keyAccountPlan = await rep1.request(
      'PUT',
      `/api/key-accounts/${globexId}/plan`,
      {
        cadence: 'quarterly',
        commitment: 'Globex becomes our reference.',
        relationships: [],
        objectives: [],
        steps: [],
        benchmarks: [],
      },
      { 'if-match': '0' },
    );
    expect(keyAccountPlan.status).toBe(200);
    keyAccountYear = keyAccountPlan.body.fiscalYear;
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  });

  const pages: { who: string; path: string; tab?: string; header: string }[] = [
    { who: 'rep1', path: '/my-plan', header: `Acme · Rep plan ${year}, rep1 · version 1` },
    {
      who: 'manager1',
      path: '/team',
      tab: 'Team plan',
      header: `Acme · Team sales & marketing plan ${year}, manager1’s team · version 1`,
    },
    {
      who: 'manager1',
      path: '/key-accounts/{globex}',
      header: 'Acme · Key-account plan {year}, Globex · version 1',
    },
    { who: 'rep1', path: '/dashboards/rep', header: 'Acme · Rep dashboard, rep1' },
    { who: 'manager1', path: '/dashboards/team', header: 'Acme · Team dashboard' },
    { who: 'leader', path: '/dashboards/organisation', header: 'Acme · Organisation dashboard' },
  ];

  it.each(pages)(
    'prints $path for $who',
    { timeout: 90_000 },
    async ({ who, path, tab, header }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const signIn = await page.request.post(`${server.baseUrl}/api/session`, {
        data: { email: `${who}@acme.test`, password: PASSWORD },
      });
      expect(signIn.ok()).toBe(true);
      await page.goto(`${server.baseUrl}${path.replace('{globex}', globexId)}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      if (tab) await page.getByRole('tab', { name: tab }).click();
      await page.waitForLoadState('networkidle');
      // Hidden tab panels keep their own loading states; what prints is what is shown.
      await expect
        .poll(() => page.locator('[aria-busy="true"]:visible').count(), { timeout: 30_000 })
        .toBe(0);
      await expectNoAxeViolations(page, `${path} for ${who}`);

      await page.emulateMedia({ media: 'print' });
      const printHeader = page.getByTestId('print-header').first();
      expect(await printHeader.isVisible()).toBe(true);
      const text = (await printHeader.textContent()) ?? '';
      expect(text).toContain(header.replace('{year}', String(keyAccountYear)));
      expect(text).toMatch(/Printed \S+/);
      expect(await page.locator('.mantine-AppShell-navbar').isVisible()).toBe(false);
      expect(
        await page.locator('.mantine-AppShell-main .mantine-Button-root:visible').count(),
      ).toBe(0);

      // The key-account plan prints its whitespace figures (product | potential | won | open | gap).
      if (path.startsWith('/key-accounts/'))
        expect(await page.getByRole('region', { name: 'Whitespace' }).isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(textOperatorsIn(pdf)).toBeGreaterThan(20);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );
});
