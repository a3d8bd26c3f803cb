import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestServer, type TestServer } from '../src/http/test-server';
import {
  buildWebApp,
  expectNoAxeViolations,
  hasChromium,
  launchBrowser,
  signInThroughForm,
} from './browser';

const canRun = hasChromium || process.env.CI === 'true';

// A phone held upright (issue 16, items 6 and 7): the other journeys run axe at 1440 px, where
// a phone's cards, folded filters and drawer navigation never show.
const PHONE = { width: 390, height: 844 };

// Each role's main pages, in one signed-in context per role; `{deal}` is rep1's open deal.
const PAGES_BY_ROLE = [
  {
    email: 'rep1@acme.test',
    pages: [
      '/dashboards/rep',
      '/opportunities',
      '/opportunities/{deal}/plan',
      '/activities',
      '/accounts',
      '/my-plan',
    ],
  },
  { email: 'manager1@acme.test', pages: ['/dashboards/team', '/team', '/key-accounts'] },
  {
    email: 'leader@acme.test',
    pages: ['/dashboards/organisation', '/strategy', '/key-accounts'],
  },
  { email: 'admin@acme.test', pages: ['/admin', '/import'] },
] as const;

describe.runIf(canRun)('each role’s main pages on a phone (real browser, 390 × 844)', () => {
  let server: TestServer;
  let browser: Browser;
  let webDir: string;
  let dealId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    webDir = await buildWebApp();
    server = await startTestServer('pglite', { webDir });
    // One customer with an open deal, so the lists and the deal plan have a row to lay out.
    const rep1 = await server.as('rep1@acme.test');
    const account = await rep1.request('POST', '/api/accounts', {
      name: 'Northwind Logistics International',
      status: 'customer',
    });
    expect(account.status).toBe(201);
    const stages = (await rep1.request('GET', '/api/reference')).body.stages as {
      id: string;
      kind: string;
    }[];
    const deal = await rep1.request('POST', '/api/opportunities', {
      name: 'Northwind fleet renewal 2027',
      accountId: account.body.id,
      stageId: stages.find((stage) => stage.kind === 'open')?.id,
      amountMinor: 125_000_00,
    });
    expect(deal.status).toBe(201);
    dealId = deal.body.id as string;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  });

  it.each(PAGES_BY_ROLE)(
    '$email: every main page passes axe and nothing scrolls sideways',
    async ({ email, pages }) => {
      const { context, page } = await signInThroughForm(browser, {
        baseUrl: server.baseUrl,
        email,
        password: PASSWORD,
        url: pages[0],
        pageErrors,
        width: PHONE.width,
      });
      // Signed in once the form has gone: a page.goto before that aborts the sign-in's request.
      await page.getByRole('button', { name: 'Sign in' }).waitFor({ state: 'detached' });
      await page.setViewportSize(PHONE);
      try {
        for (const path of pages) {
          await page.goto(`${server.baseUrl}${path.replace('{deal}', dealId)}`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await page.waitForLoadState('networkidle');
          // The phone's layout: the navigation folded behind its button.
          expect(await page.getByRole('button', { name: 'Toggle navigation' }).isVisible()).toBe(
            true,
          );
          // The page itself never scrolls sideways (a table may, inside its own card).
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(width, `${email} ${path}: page width`).toBeLessThanOrEqual(PHONE.width);
          await expectNoAxeViolations(page, `${path} as ${email} on a phone`);
        }
      } finally {
        await context.close();
      }
      expect(pageErrors).toEqual([]);
    },
    120_000,
  );
});
