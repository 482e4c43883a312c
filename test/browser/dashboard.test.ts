/**
 * The research dashboard at /dashboard, in a real headless Chromium against the real server
 * (fresh seeded database): every request stays on the server (anything else is blocked and fails
 * the test), no console or page errors (CSP violations included), the four panels draw the
 * papers' data (voltage vs ELFmax with its fit, coated vs pristine retention, TM migration,
 * stability table), tooltips cite DOI and locator, a failing endpoint shows an error in every
 * panel, `?endpoint=` pointed at a federation gateway (another origin) over this server draws the
 * same data. Screenshot: test-results/dashboard.png (full page).
 *
 * Chromium: CHROMIUM_PATH or /usr/bin/chromium. Missing → skipped, unless CI is set.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { composeSupergraph, fetchSubgraphSdl, startGateway } from '../../examples/gateway/compose.js';
import { startTestServer, type TestServer } from '../integration/testkit.js';
import { browserSkip, EXTERNAL_REFERENCE, launchOfflineBrowser, type OfflineBrowser } from './browser.js';

const SCREENSHOT = path.resolve('test-results', 'dashboard.png');
const NAMO3_DOI = '10.1103/PhysRevMaterials.4.015401';
const COXB_DOI = '10.1038/s41560-021-00782-0';
const PANELS = ['voltage-elf', 'coating-retention', 'tm-migration', 'stability'];

/** Waits until no panel is loading; returns each panel's state and status message. */
async function settledPanels(page: Page): Promise<Record<string, { state: string; message: string }>> {
  await page.waitForFunction((ids) => ids.every((id) => document.getElementById(id)?.dataset.state !== 'loading'), PANELS, { timeout: 30_000 });
  return page.evaluate((ids) => {
    const result: Record<string, { state: string; message: string }> = {};
    for (const id of ids) {
      const section = document.getElementById(id)!;
      result[id] = { state: section.dataset.state ?? '', message: section.querySelector('.panel-status')?.textContent ?? '' };
    }
    return result;
  }, PANELS);
}

/** Hovers an element and returns the text of the Plot tip that appears in the same panel. */
async function tipTextAfterHover(page: Page, panel: string, selector: string): Promise<string> {
  await page.locator(`#${panel} ${selector}`).first().hover();
  const tip = page.locator(`#${panel} g[aria-label="tip"]`);
  await tip.locator('text').first().waitFor({ timeout: 5_000 });
  return (await tip.locator('text').allTextContents()).join('\n');
}

describe('research dashboard (offline)', () => {
  let server: TestServer;
  let origin: string;
  before(async () => {
    server = await startTestServer();
    origin = new URL(server.app.url).origin;
  });
  after(() => server?.close());

  test('the page and its scripts and styles come from this server only, under a CSP', async () => {
    const response = await fetch(`${origin}/dashboard`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'(;|$)/);
    const html = await response.text();
    assert.deepEqual(html.match(EXTERNAL_REFERENCE) ?? [], [], 'the HTML references an external URL');
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/, 'inline executable script in the page');

    const refs = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((ref) => !ref.startsWith('data:'));
    for (const name of ['d3.min.js', 'plot.umd.min.js', 'dashboard.js', 'dashboard.css']) {
      assert.ok(refs.some((ref) => ref.endsWith(`/${name}`)), `the page loads ${name}`);
    }
    for (const ref of refs) {
      assert.match(ref, /^\/[^/]/, `${ref} is not a path on this server`);
      const asset = await fetch(new URL(ref, origin));
      assert.equal(asset.status, 200, ref);
      const text = await asset.text();
      // d3's and Plot's bundles name XML namespaces and d3js.org in strings; what they actually
      // load is checked in the browser.
      if (/\/(?:d3\.min|plot\.umd\.min)\.js$/.test(ref)) continue;
      assert.deepEqual(text.match(EXTERNAL_REFERENCE) ?? [], [], `${ref} references an external URL`);
      assert.doesNotMatch(text, /https?:\/\//, `${ref} mentions an http(s) URL`);
    }
    assert.equal((await fetch(`${origin}/dashboard/assets/package.json`)).status, 404, 'only the listed assets are served');
  });

  describe('in headless Chromium', { skip: browserSkip }, () => {
    let browser: OfflineBrowser;
    let page: Page;
    const errors: string[] = [];

    before(async () => {
      browser = await launchOfflineBrowser({ width: 1440, height: 900 });
      page = await browser.newPage(errors);
    });
    after(() => browser?.close());

    test('all four panels draw', async () => {
      const response = await page.goto(`${origin}/dashboard`);
      assert.equal(response?.status(), 200);
      const panels = await settledPanels(page);
      for (const id of PANELS) assert.equal(panels[id]!.state, 'ready', `${id}: ${panels[id]!.message}`);
      assert.equal(await page.locator('#endpoint').innerText(), `${origin}/graphql`);
    });

    test('voltage vs ELFmax: 6 points, the regression line, NaCoO3 marked differently, r and ρ with and without Co', async () => {
      const points = page.locator('#voltage-elf g[aria-description="materials"] > [aria-label]');
      assert.equal(await points.count(), 6);
      const labels = await points.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
      assert.deepEqual([...labels].sort(), ['NaCoO3', 'NaCrO3', 'NaFeO3', 'NaMnO3', 'NaNiO3', 'NaVO3']);

      const fit = page.locator('#voltage-elf g[aria-description="least-squares fit"] path');
      assert.equal(await fit.count(), 1, 'one regression line');
      assert.match((await fit.getAttribute('d')) ?? '', /^M[\d.,-]+L[\d.,-]+$/, 'a straight line');
      assert.equal(await page.locator('#voltage-elf g[aria-description="least-squares fit without Co"] path').count(), 1);

      const style = (label: string) => points.and(page.locator(`[aria-label="${label}"]`)).evaluate((n) => ({ fill: n.getAttribute('fill'), d: n.getAttribute('d') }));
      const co = await style('NaCoO3');
      const others = await Promise.all(['NaVO3', 'NaCrO3', 'NaMnO3', 'NaFeO3', 'NaNiO3'].map(style));
      for (const other of others) {
        assert.notEqual(co.fill, other.fill, 'NaCoO3 has its own colour');
        assert.notEqual(co.d, other.d, 'NaCoO3 has its own symbol');
        assert.equal(other.fill, others[0]!.fill);
      }

      const stats = await page.locator('#voltage-elf table.stats').innerText();
      assert.match(stats, /all materials\s+6\s+−0\.658\s+−0\.657/);
      assert.match(stats, /without NaCoO3\s+5\s+−0\.992\s+−1\.000/);
    });

    test('retention: at least one coated/pristine pair under the same condition', async () => {
      const bars = page.locator('#coating-retention g[aria-description="capacity retention"] rect');
      const labels = await bars.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
      const byCondition = new Map<string, Set<string>>();
      for (const label of labels) {
        const [series, condition] = label.split(/: (.*)/s) as [string, string];
        byCondition.set(condition, (byCondition.get(condition) ?? new Set()).add(series));
      }
      const pairs = [...byCondition].filter(([, series]) => series.has('pristine') && series.has('coated'));
      assert.ok(pairs.length >= 1, `coated/pristine pairs in ${JSON.stringify(labels)}`);
      assert.ok(pairs.some(([condition]) => condition === 'pouch full cell, 25 °C, 1C, 500 cycles'), JSON.stringify(labels));
      assert.match(await page.locator('#coating-retention .panel-caption').innerText(), /95\.0 % vs 79\.2 % pristine/);

      const tip = await tipTextAfterHover(page, 'coating-retention', 'rect[aria-label^="coated"]');
      assert.ok(tip.includes(COXB_DOI) && tip.includes('Fig. 3e'), tip);
    });

    test('TM migration: 3 points pristine → charged → discharged, reversible fraction in the caption', async () => {
      const points = page.locator('#tm-migration g[aria-description="TM in Li layer"] > [aria-label]');
      assert.equal(await points.count(), 3);
      const states = await points.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
      assert.match(states[0] ?? '', /^pristine/);
      assert.match(states[1] ?? '', /^charged/);
      assert.match(states[2] ?? '', /^discharged/);
      assert.match(await page.locator('#tm-migration .panel-caption').innerText(), /Reversible fraction: 69\.4 %/);
    });

    test('stability table: 6 NaMO3 rows, NaVO3 STABLE, answers as cell titles', async () => {
      const rows = page.locator('#stability table.verdicts tbody tr');
      assert.equal(await rows.count(), 6);
      const navo3 = page.locator('#stability tr[data-material="namo3-v"]');
      assert.match(await navo3.locator('th').innerText(), /^NaVO3/);
      assert.equal(await navo3.locator('td.verdict').innerText(), 'STABLE');
      assert.equal(await page.locator('#stability tr[data-material="namo3-cr"] td.verdict').innerText(), 'UNSTABLE');
      const reduction = navo3.locator('td[data-criterion="reduction"]');
      assert.equal(await reduction.innerText(), '✓');
      assert.match((await reduction.getAttribute('title')) ?? '', /ΔE_reduction/);
      assert.equal(await page.locator('#stability tr[data-material="namo3-cr"] td[data-criterion="reduction"]').innerText(), '✗');
    });

    test('hovering a scatter point shows its sources (DOI and locator); full-page screenshot', async () => {
      const tip = await tipTextAfterHover(page, 'voltage-elf', 'g[aria-description="materials"] > [aria-label="NaVO3"]');
      assert.ok(tip.includes('NaVO3'), tip);
      assert.ok(tip.includes(NAMO3_DOI), tip);
      assert.ok(tip.includes('Table I') && tip.includes('Table III'), tip);

      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
    });

    test('a failing endpoint shows an error in every panel', async () => {
      // Its own page: the 404s it provokes are logged to the console on purpose.
      const expectedErrors: string[] = [];
      const failing = await browser.newPage(expectedErrors);
      try {
        await failing.goto(`${origin}/dashboard?endpoint=/no-such-endpoint`);
        for (const [id, panel] of Object.entries(await settledPanels(failing))) {
          assert.equal(panel.state, 'error', id);
          assert.match(panel.message, /^Query failed: .*no-such-endpoint answered HTTP 404/, id);
          assert.ok(await failing.locator(`#${id} .panel-status`).isVisible(), id);
        }
        await failing.goto(`${origin}/dashboard?endpoint=${encodeURIComponent('javascript:alert(1)')}`);
        for (const [id, panel] of Object.entries(await settledPanels(failing))) {
          assert.equal(panel.state, 'error', id);
          assert.match(panel.message, /must be an http\(s\) URL/, id);
        }
      } finally {
        await failing.close();
      }
    });

    test('?endpoint= a federation gateway on another origin: the same panels, through the gateway', async () => {
      const sdl = await fetchSubgraphSdl(server.app.url);
      const gateway = await startGateway({ supergraphSdl: composeSupergraph([{ name: 'cathode-kb', url: server.app.url, sdl }]), port: 0, host: '127.0.0.1' });
      const gatewayErrors: string[] = [];
      const viaGateway = await browser.newPage(gatewayErrors);
      try {
        const requested: string[] = [];
        viaGateway.on('request', (request) => {
          if (request.method() === 'POST') requested.push(request.url());
        });
        await viaGateway.goto(`${origin}/dashboard?endpoint=${encodeURIComponent(gateway.url)}`);
        const panels = await settledPanels(viaGateway);
        for (const id of PANELS) assert.equal(panels[id]!.state, 'ready', `${id}: ${panels[id]!.message}`);
        assert.equal(await viaGateway.locator('#endpoint').innerText(), gateway.url);
        assert.deepEqual([...new Set(requested)], [gateway.url], 'every query went to the gateway');
        assert.match(await viaGateway.locator('#voltage-elf table.stats').innerText(), /all materials\s+6\s+−0\.658/);
        assert.equal(await viaGateway.locator('#stability tr[data-material="namo3-v"] td.verdict').innerText(), 'STABLE');
        assert.deepEqual(gatewayErrors, [], 'console/page errors');
      } finally {
        await viaGateway.close();
        await gateway.stop();
      }
    });

    test('no request left the server, no console or page errors', () => {
      assert.deepEqual(browser.externalRequests, [], 'requests to non-loopback hosts');
      assert.deepEqual(errors, [], 'console/page errors');
    });
  });
});
