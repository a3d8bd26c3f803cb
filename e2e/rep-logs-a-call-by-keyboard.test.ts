import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestServer, type TestServer } from '../src/http/test-server';
import { buildWebApp, expectNoAxeViolations, hasChromium, launchBrowser } from './browser';

const canRun = hasChromium || process.env.CI === 'true';

/** The focused element: its accessible name in short, and whether its focus can be seen. */
function focused(page: Page): Promise<{ name: string; tag: string; visible: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { name: '', tag: 'body', visible: false };
    const labelledBy = element.getAttribute('aria-labelledby');
    const name = (
      element.getAttribute('aria-label') ??
      (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
      (element as HTMLInputElement).labels?.[0]?.textContent ??
      element.textContent ??
      ''
    )
      .replace(/\s+/g, ' ')
      .trim();
    // A focus ring (outline or box shadow), or an input's border in the primary colour, as
    // Mantine draws the focus of its inputs, on the element or its wrapper (a password input
    // draws it around the field and its Show button).
    const probe = document.createElement('span');
    probe.style.color = 'var(--mantine-primary-color-filled)';
    document.body.append(probe);
    const primary = getComputedStyle(probe).color;
    probe.remove();
    const shows = (node: Element | null) => {
      if (!node) return false;
      const style = getComputedStyle(node);
      return (
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none' ||
        style.borderColor === primary
      );
    };
    const visible = shows(element) || shows(element.parentElement);
    return { name, tag: element.tagName.toLowerCase(), visible };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's name matches `name`, checking that
 * every element the focus passes shows it. Fails after `limit` presses.
 */
async function tabTo(
  page: Page,
  name: RegExp,
  { backwards = false, limit = 60 }: { backwards?: boolean; limit?: number } = {},
): Promise<void> {
  const passed: string[] = [];
  // Already there (a field the page focuses on opening).
  if (name.test((await focused(page)).name)) return;
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    // Mantine's inputs fade their border to the focus colour in 100 ms.
    await page.waitForTimeout(150);
    const now = await focused(page);
    // Past the last element the focus leaves the page for the browser's own controls.
    if (now.tag === 'body') continue;
    expect(now.visible, `focus is visible on ${now.tag} "${now.name}"`).toBe(true);
    if (name.test(now.name)) return;
    passed.push(now.name);
  }
  throw new Error(`No ${name} after ${limit} presses of Tab; passed: ${passed.join(' | ')}`);
}

// A rep logs a call with the keyboard only (issue 16): signs in, goes to Activities, logs a
// call on an account and sees it in the list; the focus is visible at every stop.
describe.runIf(canRun)('a rep logs a call with the keyboard only (real browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let webDir: string;

  beforeAll(async () => {
    webDir = await buildWebApp();
    server = await startTestServer('pglite', { webDir });
    const rep1 = await server.as('rep1@acme.test');
    const account = await rep1.request('POST', '/api/accounts', { name: 'Globex' });
    expect(account.status).toBe(201);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('signs in, opens Activities and logs a call by Tab, Enter, Space and typing', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.baseUrl}/activities`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();

    await tabTo(page, /^Email/);
    await page.keyboard.type('rep1@acme.test');
    await tabTo(page, /^Password/);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Activities', level: 1 }).waitFor();
    await tabTo(page, /^Log a call$/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Log a call' });
    await dialog.waitFor();

    // The account comes first: type, pick with the arrow keys.
    await dialog
      .getByLabel(/^Account/)
      .first()
      .waitFor();
    expect((await focused(page)).name).toMatch(/^Account/);
    await page.keyboard.type('Glob');
    await page.getByRole('option', { name: 'Globex' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tabTo(page, /^Subject/, { backwards: true });
    await page.keyboard.type('Called the CFO about the renewal');
    await expectNoAxeViolations(page, 'the Log a call dialog');
    await tabTo(page, /^Log activity$/);
    await page.keyboard.press('Space');

    await page.getByText('Activity logged').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Called the CFO about the renewal').first().waitFor();
    await expectNoAxeViolations(page, 'Activities with the call logged');
    const rep1 = await server.as('rep1@acme.test');
    const logged = (await rep1.request('GET', '/api/activities?q=renewal')).body.items as {
      subject: string;
      status: string;
      accountName: string;
    }[];
    expect(
      logged.map(({ subject, status, accountName }) => [subject, status, accountName]),
    ).toEqual([['Called the CFO about the renewal', 'done', 'Globex']]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
