import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { build } from 'vite';
import { expect } from 'vitest';

// Debian's chromium: `npx playwright install` cannot download browsers here.
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);

/** Headless Chromium; Playwright gives every launch a fresh, empty profile of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without the background-networking flags Chromium keeps dialling out on a closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Builds the web app from the current sources into a folder of its own, so a test never sees a stale build. */
export async function buildWebApp(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-web-'));
  await build({
    configFile: path.resolve(import.meta.dirname, '../vite.config.ts'),
    build: { outDir, emptyOutDir: true },
    logLevel: 'error',
  });
  return outDir;
}

/**
 * A person in a browser context of their own (US English, UTC, so "this year" and formatted
 * dates agree with the server's), signed in through the form at `url`; the page's uncaught
 * errors go into `pageErrors`, named by the email.
 */
export async function signInThroughForm(
  browser: Browser,
  {
    baseUrl,
    email,
    password,
    url,
    pageErrors,
    width = 1440,
  }: {
    baseUrl: string;
    email: string;
    password: string;
    url: string;
    pageErrors: string[];
    width?: number;
  },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width, height: 1000 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${email}: ${error.message}`));
  await page.goto(`${baseUrl}${url}`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return { context, page };
}

/** Picks `option` in a Mantine Select (its input comes first: its listbox has the same name). */
export async function pickOption(page: Page, field: Locator, option: string): Promise<void> {
  await field.first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The axe rules a page must pass: WCAG 2, levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa'];

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, listing
 * each rule with the first few elements it found (`label` names the page in the failure). The
 * page must come from `browser.newContext()` (axe cannot run in `browser.newPage()`'s).
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // Let transitions (a notification sliding in, a modal fading) end: axe reads the colours as
  // drawn, and a half-faded element fails contrast.
  await page.waitForTimeout(250);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const failures = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}, ${violation.nodes.length} elements): ${violation.help}\n` +
        violation.nodes
          .slice(0, 5)
          .map(
            (node) =>
              `    ${node.target.join(' ')} ${node.html.slice(0, 160)}: ${(node.failureSummary ?? '').split('\n').slice(1, 3).join(' ').trim()}`,
          )
          .join('\n'),
    );
  expect(failures, `axe on ${label} (${page.url()})`).toEqual([]);
}
