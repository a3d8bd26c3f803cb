import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../src/db/schema';
import { importTemplateCsv } from '../src/schemas/import';
import { todayIso } from '../src/services/clock';
import { PASSWORD, startTestServer, type TestServer } from '../src/http/test-server';
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

// The two roles without a quota, each at their main work, with axe on every page they pass
// (issue 16): the leader goes from the organisation dashboard to a conversion outlier and the
// deals behind it; the admin adds a user, imports accounts from a CSV file and finds the new
// user in the audit log.
describe.runIf(canRun)('a leader and an admin at their work (real browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let webDir: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    webDir = await buildWebApp();
    server = await startTestServer('pglite', { webDir });
    const [product] = await server.database.db
      .insert(products)
      .values({ orgId: server.orgIds.acme, name: 'Fleet Pro', currency: 'EUR' })
      .returning();
    const stages = (await (await server.as('rep1@acme.test')).request('GET', '/api/reference')).body
      .stages as { name: string; id: string }[];
    const won = stages.find((stage) => stage.name === 'Won')?.id;
    const lost = stages.find((stage) => stage.name === 'Lost')?.id;
    // rep1 wins 2 of 12 Fleet Pro deals, rep2 11 of 12: rep1 is below the rest (|z| > 1.96).
    for (const [rep, wins] of [
      ['rep1', 2],
      ['rep2', 11],
    ] as const) {
      const client = await server.as(`${rep}@acme.test`);
      for (let index = 0; index < 12; index += 1) {
        const created = await client.request('POST', '/api/opportunities', {
          name: `${rep} Fleet Pro ${index + 1}`,
          productId: product?.id,
          stageId: index < wins ? won : lost,
          amountMinor: 10_000_00,
          createdOn: today,
          closedOn: today,
        });
        expect(created.status).toBe(201);
      }
    }
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('the leader goes from the organisation dashboard to an outlier and its deals', async () => {
    const { context, page } = await signInThroughForm(browser, {
      baseUrl: server.baseUrl,
      email: 'leader@acme.test',
      password: PASSWORD,
      url: '/',
      pageErrors,
    });
    // A leader starts at the organisation's dashboard.
    await page.getByRole('heading', { name: 'Organisation dashboard', level: 1 }).waitFor();
    const outliers = page.getByRole('list', { name: 'Conversion outliers' });
    const outlier = outliers.getByRole('link', { name: /^rep1 wins 16\.7% of Fleet Pro deals/ });
    await outlier.waitFor();
    await page.getByRole('heading', { name: 'Attainment per rep' }).waitFor();
    await expectNoAxeViolations(page, 'the organisation dashboard');

    // The outlier opens rep1's closed Fleet Pro deals: the twelve behind the figure.
    await outlier.click();
    await page.getByRole('heading', { name: 'Deals', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'rep1 Fleet Pro 12' }).waitFor();
    expect(await page.getByRole('link', { name: /^rep2 Fleet Pro/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the deals behind an outlier');

    await page.getByRole('link', { name: 'rep1 Fleet Pro 1', exact: true }).click();
    await page.getByRole('heading', { name: 'rep1 Fleet Pro 1', level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'a deal opened from the outlier');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it('the admin adds a user, imports accounts and finds the user in the audit log', async () => {
    const { context, page } = await signInThroughForm(browser, {
      baseUrl: server.baseUrl,
      email: 'admin@acme.test',
      password: PASSWORD,
      url: '/admin/users',
      pageErrors,
    });
    const users = page.getByRole('table', { name: 'Users' });
    await users.getByRole('row').filter({ hasText: 'rep1@acme.test' }).waitFor();
    await expectNoAxeViolations(page, 'the Users page');

    // A new rep under manager1, with a set-password link to send them.
    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('form', { name: 'User' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Robin New');
    await form.getByRole('textbox', { name: 'Email' }).fill('robin@acme.test');
    await pickOption(page, form.getByLabel('Manager'), 'manager1 (Manager)');
    await form.getByRole('checkbox', { name: /^Make a set-password link now/ }).check();
    await expectNoAxeViolations(page, 'the new-user form');
    await form.getByRole('button', { name: 'Create user' }).click();
    const created = page.getByRole('dialog', { name: 'Robin New is created' });
    await created.waitFor();
    await expectNoAxeViolations(page, 'the one-time set-password link');
    await created.getByRole('button', { name: 'Done' }).click();
    await users.getByRole('row').filter({ hasText: 'robin@acme.test' }).waitFor();

    // Accounts from a filled-in template: it maps itself, a dry run, then the import.
    await page.getByRole('navigation').getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'the Import page');
    // The template's header (Account ID, Account name, ...) over two rows of an ID and a name.
    const [header] = importTemplateCsv('accounts').split('\r\n');
    const columns = (header ?? '').split(',').length;
    const row = (id: string, name: string) =>
      [id, name, ...Array<string>(columns - 2).fill('')].join(',');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'accounts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [header, row('I-1', 'Initech'), row('U-1', 'Umbrella')].join('\r\n') + '\r\n',
      ),
    });
    await page.getByRole('table', { name: 'Preview of accounts.csv' }).waitFor();
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.getByText(/^Dry run: nothing was saved/).waitFor();
    await expectNoAxeViolations(page, 'the dry run’s report');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported.').waitFor();
    await expectNoAxeViolations(page, 'the import’s report');

    // The new user in the audit log.
    await page.goto(`${server.baseUrl}/admin/audit-log`);
    const log = page.getByRole('table', { name: 'Audit log' });
    await log.getByRole('row').filter({ hasText: 'Robin New' }).first().waitFor();
    await expectNoAxeViolations(page, 'the audit log');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
