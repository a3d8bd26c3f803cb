import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';

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
