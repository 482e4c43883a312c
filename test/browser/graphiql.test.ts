/**
 * GraphiQL at /graphiql, in a real headless Chromium against the real server (fresh seeded
 * database): every request stays on the server (anything else is blocked and fails the test), no
 * console or page errors (CSP violations included), the default query runs and shows the papers'
 * data, the docs explorer works from introspection. Screenshot: test-results/graphiql.png.
 *
 * Chromium: CHROMIUM_PATH or /usr/bin/chromium. Missing → the browser tests are skipped, unless
 * CI is set (then they fail).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, EXTERNAL_REFERENCE, launchOfflineBrowser, type OfflineBrowser } from './browser.js';
import { DEFAULT_QUERY_FILE } from '../../src/web/graphiql.js';
import { startTestServer, type TestServer } from '../integration/testkit.js';

const SCREENSHOT = path.resolve('test-results', 'graphiql.png');

describe('GraphiQL (offline)', () => {
  let server: TestServer;
  let origin: string;
  before(async () => {
    server = await startTestServer();
    origin = new URL(server.app.url).origin;
  });
  after(() => server?.close());

  test('a browser GET of /graphql redirects to /graphiql; GraphQL GETs and API clients are not redirected', async () => {
    const browserGet = await fetch(server.app.url, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }, redirect: 'manual' });
    assert.equal(browserGet.status, 302);
    assert.equal(browserGet.headers.get('location'), '/graphiql');

    const graphqlGet = await fetch(`${server.app.url}?query=${encodeURIComponent('{ papers { doi } }')}`, { headers: { 'apollo-require-preflight': 'true' }, redirect: 'manual' });
    assert.equal(graphqlGet.status, 200);
    const body = (await graphqlGet.json()) as { data?: { papers: { doi: string }[] } };
    assert.ok(body.data?.papers.some((p) => p.doi.startsWith('10.1103/')));

    const apiGet = await fetch(server.app.url, { headers: { accept: 'application/json' }, redirect: 'manual' });
    assert.notEqual(apiGet.status, 302);
  });

  test('the page and its scripts and styles come from this server only, under a CSP', async () => {
    const response = await fetch(`${origin}/graphiql`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'(;|$)/);
    const html = await response.text();
    assert.deepEqual(html.match(EXTERNAL_REFERENCE) ?? [], [], 'the HTML references an external URL');
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/, 'inline executable script in the page');

    const refs = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((ref) => !ref.startsWith('data:'));
    assert.ok(refs.length >= 5, `expected the page's scripts and stylesheet, got ${refs.join(', ')}`);
    for (const ref of refs) {
      assert.match(ref, /^\/[^/]/, `${ref} is not a path on this server`);
      const asset = await fetch(new URL(ref, origin));
      assert.equal(asset.status, 200, ref);
      const text = await asset.text();
      // Third-party bundles (React's production UMD builds, graphiql's UMD bundle): their string
      // constants include documentation links; what they actually load is checked in the browser.
      if (/\/(?:react|react-dom)\.production\.min\.js$|\/graphiql\.min\.js$/.test(ref)) continue;
      // Our own script and graphiql's CSS (fonts inlined as data: URLs): no external references.
      assert.deepEqual(text.match(EXTERNAL_REFERENCE) ?? [], [], `${ref} references an external URL`);
      if (ref.endsWith('.js')) assert.doesNotMatch(text, /https?:\/\//, `${ref} mentions an http(s) URL`);
    }
    assert.ok(refs.some((ref) => ref.endsWith('react.production.min.js')));
    assert.ok(refs.some((ref) => ref.endsWith('react-dom.production.min.js')));
  });

  describe('in headless Chromium', { skip: browserSkip }, () => {
    let offline: OfflineBrowser;
    let page: Page;
    const errors: string[] = [];

    before(async () => {
      offline = await launchOfflineBrowser();
      page = await offline.newPage(errors);
    });
    after(() => offline?.close());

    test('loads, runs the default query and shows the papers’ data', async () => {
      const response = await page.goto(`${origin}/graphiql`);
      assert.equal(response?.status(), 200);
      const queryEditor = page.locator('.graphiql-query-editor .CodeMirror');
      await queryEditor.waitFor({ state: 'visible', timeout: 30_000 });
      const firstOperation = /^\s*query\s+(\w+)/m.exec(readFileSync(DEFAULT_QUERY_FILE, 'utf8'))?.[1];
      assert.ok(firstOperation, 'default-query.graphql names its operation');
      await page.locator('.graphiql-query-editor').getByText(firstOperation).first().waitFor({ timeout: 10_000 });

      await page.locator('.graphiql-execute-button').click();
      const resultWindow = page.locator('.graphiql-response .result-window');
      await resultWindow.getByText('10.1103/', { exact: false }).first().waitFor({ timeout: 30_000 });

      // The whole response (CodeMirror renders only the visible lines).
      const resultText = await page.evaluate(() => {
        const editor = document.querySelector('.graphiql-response .result-window .CodeMirror') as (Element & { CodeMirror?: { getValue(): string } }) | null;
        return editor?.CodeMirror?.getValue() ?? '';
      });
      const result = JSON.parse(resultText) as { data?: Record<string, unknown>; errors?: unknown[] };
      assert.equal(result.errors, undefined, resultText);
      assert.ok(result.data, resultText);
      assert.match(resultText, /"NaVO3"|"NaCrO3"/, 'the result names an ilmenite NaMO3 cathode');
      assert.match(resultText, /"10\.1103\//, 'the result cites the NaMO3 paper (DOI 10.1103/...)');
      const visible = await resultWindow.innerText();
      assert.match(visible, /NaVO3|NaCrO3/);
    });

    test('docs explorer lists Query and its materials field (from introspection)', async () => {
      await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
      const explorer = page.locator('.graphiql-doc-explorer');
      await explorer.waitFor({ state: 'visible', timeout: 10_000 });
      const queryType = explorer.locator('.graphiql-doc-explorer-type-name', { hasText: /^Query$/ }).first();
      await queryType.waitFor({ timeout: 30_000 });
      await queryType.click();
      await explorer.locator('.graphiql-doc-explorer-field-name', { hasText: /^materials$/ }).first().waitFor({ timeout: 10_000 });
      assert.match(await explorer.locator('.graphiql-doc-explorer-title').innerText(), /^Query$/);

      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
    });

    test('settings dialog opens and closes (it inserts a <style> element: the CSP allows it)', async () => {
      await page.locator('.graphiql-sidebar button[aria-label="Open settings dialog"]').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    });

    test('no request left the server, no console or page errors', () => {
      assert.deepEqual(offline.externalRequests, [], 'requests to non-loopback hosts');
      assert.deepEqual(errors, [], 'console/page errors');
    });
  });
});
