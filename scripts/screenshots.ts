// `npm run screenshots`: the README's pictures. Builds the web app and starts the real server in
// a temporary folder over a fresh demo database (on SALESPLAN_SCREENSHOTS_PORT, 4469 unless
// set, so it runs beside `npm start`), signs in as each role in Debian's Chromium and saves the
// main pages as PNG into docs/screenshots/ (1280 wide, the phone at 390), then stops the server
// and removes the folder. Takes two to three minutes, most of it loading the demo.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser } from '../e2e/browser';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'docs/screenshots');
const port = Number(process.env.SALESPLAN_SCREENSHOTS_PORT ?? 4469);
const baseUrl = `http://127.0.0.1:${port}`;
const PASSWORD = 'salesplan-demo';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

type Shot = {
  file: string;
  who: string;
  /** A path, or a way to get there from the signed-in page. */
  open: string | ((page: Page) => Promise<void>);
  /** What to wait for before taking the picture. */
  ready: (page: Page) => Promise<unknown>;
  viewport?: { width: number; height: number };
};

const heading = (name: string | RegExp) => (page: Page) =>
  page.getByRole('heading', { name, level: 1 }).first().waitFor();

const SHOTS: Shot[] = [
  { file: 'rep-dashboard.png', who: 'rep1', open: '/dashboards/rep', ready: heading(/dashboard/i) },
  {
    // A plan with something to fix, so the checks show what they find.
    file: 'deal-plan.png',
    who: 'rep1',
    open: async (page) => {
      const firstDeal = async (plan: string) => {
        await page.goto(`${baseUrl}/opportunities?plan=${plan}`);
        await settle(page);
        return page
          .locator('main a[href^="/opportunities/"]:not([href="/opportunities/new"])')
          .first()
          .getAttribute('href', {
            timeout: 5_000,
          });
      };
      const href = await firstDeal('plan-errors').catch(() => firstDeal('with-plan'));
      await page.goto(`${baseUrl}${href}/plan`);
    },
    ready: (page) => page.getByRole('region', { name: 'Plan checks' }).first().waitFor(),
  },
  { file: 'rep-plan.png', who: 'rep1', open: '/my-plan', ready: heading(/plan/i) },
  {
    file: 'team-dashboard.png',
    who: 'manager1',
    open: '/dashboards/team',
    ready: heading(/dashboard/i),
  },
  {
    file: 'team-page.png',
    who: 'manager1',
    open: '/team',
    ready: (page) => page.getByRole('table', { name: 'Rep plans' }).waitFor(),
  },
  {
    file: 'organisation-dashboard.png',
    who: 'leader',
    open: '/dashboards/organisation',
    ready: heading('Organisation dashboard'),
  },
  {
    file: 'key-accounts.png',
    who: 'leader',
    open: '/key-accounts',
    ready: heading('Key accounts'),
  },
  {
    file: 'key-account-plan.png',
    who: 'manager1',
    open: async (page) => {
      await page.goto(`${baseUrl}/key-accounts`);
      const account = page.locator('a[href^="/key-accounts/"]').first();
      await account.waitFor();
      await page.goto(`${baseUrl}${await account.getAttribute('href')}`);
    },
    ready: heading(/key-account plan/),
  },
  {
    file: 'phone-rep-dashboard.png',
    who: 'rep1',
    open: '/dashboards/rep',
    ready: heading(/dashboard/i),
    viewport: PHONE,
  },
  {
    file: 'phone-deals.png',
    who: 'rep1',
    open: '/opportunities',
    ready: heading('Deals'),
    viewport: PHONE,
  },
];

function log(message: string) {
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

async function waitForServer(server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 5 * 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped:\n${output()}`);
    try {
      if ((await fetch(`${baseUrl}/api/me`)).status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the server did not answer within 5 minutes:\n${output()}`);
}

/** Waits until the page has loaded what it shows: no request running, no loader on screen. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  for (let tries = 0; tries < 60; tries += 1) {
    const busy = await page.locator('[aria-busy="true"]:visible, .mantine-Loader-root:visible');
    if ((await busy.count()) === 0) break;
    await page.waitForTimeout(250);
  }
  // Charts animate in; notifications slide out.
  await page.waitForTimeout(1200);
}

async function takeShots(browser: Browser): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: shot.viewport ?? DESKTOP,
      locale: 'en-US',
      timezoneId: 'UTC',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const signIn = await page.request.post(`${baseUrl}/api/session`, {
      data: { email: `${shot.who}@demo.salesplan.test`, password: PASSWORD },
    });
    if (!signIn.ok()) throw new Error(`sign-in as ${shot.who} failed: ${signIn.status()}`);
    if (typeof shot.open === 'string') await page.goto(`${baseUrl}${shot.open}`);
    else await shot.open(page);
    await shot.ready(page);
    await settle(page);
    const file = path.join(outDir, shot.file);
    await page.screenshot({ path: file, animations: 'disabled' });
    log(`${shot.file}: ${Math.round(fs.statSync(file).size / 1024)} KB`);
    await context.close();
  }
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'salesplan-screenshots-'));
  const webDir = path.join(work, 'web');
  const dataDir = path.join(work, 'data');
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    log('building the web app');
    await build({
      configFile: path.join(root, 'vite.config.ts'),
      build: { outDir: webDir, emptyOutDir: true },
      logLevel: 'error',
    });
    log(`starting the server on ${baseUrl} over a fresh demo database`);
    let output = '';
    // Its own process group, so stopping it stops everything it started.
    server = spawn(process.execPath, [path.join(root, 'bin/salesplan.js'), 'serve'], {
      cwd: root,
      detached: true,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        SALESPLAN_DATA_DIR: dataDir,
        SALESPLAN_WEB_DIR: webDir,
        SALESPLAN_DEMO: '1',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForServer(server, () => output);
    log('taking the screenshots');
    browser = await launchBrowser();
    await takeShots(browser);
    const total = SHOTS.reduce(
      (sum, shot) => sum + fs.statSync(path.join(outDir, shot.file)).size,
      0,
    );
    log(`${SHOTS.length} screenshots in docs/screenshots/, ${(total / 1024 / 1024).toFixed(2)} MB`);
  } finally {
    await browser?.close();
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
