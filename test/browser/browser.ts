/**
 * Headless Chromium for the browser tests, offline: every request to a non-loopback host is
 * blocked and recorded, console errors, page errors and failed requests are recorded.
 *
 * Chromium: CHROMIUM_PATH or /usr/bin/chromium. Missing → `browserSkip` is a reason to skip,
 * unless CI is set (then the tests run and fail).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const browserSkip: string | false =
  !existsSync(CHROMIUM_PATH) && !process.env.CI
    ? `Chromium not found at ${CHROMIUM_PATH} (install Debian's chromium or set CHROMIUM_PATH); skipped because CI is not set`
    : false;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface OfflineBrowser {
  browser: Browser;
  context: BrowserContext;
  /** Requests to non-loopback hosts (all blocked). */
  externalRequests: string[];
  /** Opens a page whose console errors, page errors and failed requests go to `errors`. */
  newPage(errors: string[]): Promise<Page>;
  close(): Promise<void>;
}

export async function launchOfflineBrowser(viewport = { width: 1440, height: 900 }): Promise<OfflineBrowser> {
  assert.ok(existsSync(CHROMIUM_PATH), `Chromium not found at ${CHROMIUM_PATH} (CI is set, so this fails instead of skipping)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport });
  const externalRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && !LOOPBACK_HOSTS.has(url.hostname)) {
      externalRequests.push(url.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  return {
    browser,
    context,
    externalRequests,
    async newPage(errors) {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
      return page;
    },
    close: () => browser.close(),
  };
}

/** Matches a script/link/import/url() pointing off the server. */
export const EXTERNAL_REFERENCE = /(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\/|@import\s+(?:url\()?\s*["']?(?:https?:)?\/\/|url\(\s*["']?(?:https?:)?\/\//gi;
