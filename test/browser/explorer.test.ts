/**
 * The explorer at /explorer in headless Chromium against the real server (fresh seeded database):
 * choosing axes, filtering, colouring, log axes, iso-energy lines, hover with the source, a click
 * to the material page, the compare view, the URL holding the state (a copied URL opens the same
 * view), Back, and "download what I see". No request leaves the server, no console or page error.
 * Screenshots: test-results/explorer-{plot,material,compare}.png.
 *
 * Chromium: CHROMIUM_PATH or /usr/bin/chromium. Missing → skipped, unless CI is set.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../integration/testkit.js';
import { browserSkip, EXTERNAL_REFERENCE, launchOfflineBrowser, type OfflineBrowser } from './browser.js';

const SHOTS = path.resolve('test-results');
const NAMO3_CATHODES = ['namo3-co', 'namo3-cr', 'namo3-fe', 'namo3-mn', 'namo3-ni', 'namo3-v'];

/** Waits for the plot to settle; returns the material keys of the drawn points, sorted. */
async function plottedKeys(page: Page): Promise<string[]> {
  await page.waitForFunction(() => document.getElementById('plot-view')?.dataset.state !== 'loading', null, { timeout: 30_000 });
  assert.equal(await page.locator('#plot-view').getAttribute('data-state'), 'ready', await page.locator('#plot-status').innerText());
  const keys = await page.locator('#chart g[aria-description="materials"] circle').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')!));
  return keys.sort();
}

/** Hovers a point and returns the text of the Plot tip. */
async function tipText(page: Page, key: string): Promise<string> {
  await page.locator(`#chart circle[aria-label="${key}"]`).hover();
  const tip = page.locator('#chart g[aria-label="tip"] text');
  await tip.first().waitFor({ timeout: 5_000 });
  // Plot separates a tip's lines with zero-width spaces.
  return (await tip.allTextContents()).join('\n').replace(/\u200b/g, '\n');
}

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** Waits until the material or compare view has drawn (or failed). */
async function settled(page: Page, view: 'material' | 'compare'): Promise<void> {
  await page.waitForFunction((v) => document.body.dataset.view === v && document.getElementById(`${v}-view`)?.dataset.state !== 'loading', view, { timeout: 30_000 });
}

describe('explorer (offline)', () => {
  let server: TestServer;
  let origin: string;
  before(async () => {
    server = await startTestServer();
    origin = new URL(server.app.url).origin;
    mkdirSync(SHOTS, { recursive: true });
  });
  after(() => server?.close());

  test('the page and its own script and style come from this server, under a CSP without inline script', async () => {
    const response = await fetch(`${origin}/explorer`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'(;|$)/);
    const html = await response.text();
    assert.deepEqual(html.match(EXTERNAL_REFERENCE) ?? [], []);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/, 'inline executable script');
    for (const name of ['explorer.js', 'explorer.css']) {
      const asset = await fetch(`${origin}/explorer/assets/${name}`);
      assert.equal(asset.status, 200, name);
      assert.doesNotMatch(await asset.text(), /https?:\/\//, `${name} mentions an http(s) URL`);
    }
    assert.equal((await fetch(`${origin}/explorer/assets/package.json`)).status, 404);
  });

  describe('in headless Chromium', { skip: browserSkip }, () => {
    let browser: OfflineBrowser;
    let page: Page;
    const errors: string[] = [];
    before(async () => {
      browser = await launchOfflineBrowser({ width: 1400, height: 950 });
      page = await browser.newPage(errors);
    });
    after(() => browser?.close());

    test('opens on voltage vs capacity of the voltage steps with iso-specific-energy lines: the NaMO3 cathodes among the points', async () => {
      assert.equal((await page.goto(`${origin}/explorer`))?.status(), 200);
      const keys = await plottedKeys(page);
      for (const key of NAMO3_CATHODES) assert.ok(keys.includes(key), `${key} is plotted (${keys.join(', ')})`);
      assert.ok((await page.locator('#chart g[aria-description="iso-specific-energy lines"] path').count()) >= 1, 'iso-energy lines');
      assert.match(await page.locator('#chart').innerText(), /Wh\/kg/);
      assert.match(await page.locator('#plot-status').innerText(), /\d+ materials plotted/);
    });

    test('hovering a point shows its values, how they were obtained and their sources', async () => {
      const text = await tipText(page, 'namo3-cr');
      assert.match(text, /NaCrO3/);
      assert.match(text, /4\.239 V/, 'the HSE06 voltage of NaCrO3 (Table III) for Na1 → Na0.5');
      assert.match(text, /108\.96 mAh\/g/, 'F/3.6 × 0.5 / M(NaCrO3)');
      assert.match(text, /derived for NaCrO3 → Na0\.5CrO3/);
      assert.match(text, /source: Physical Review Materials 2020/);
    });

    test('filters, colour and log axes change the plot and the URL', async () => {
      await page.selectOption('#family', 'ilmenite-namo3');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('family') === 'ilmenite-namo3');
      const keys = await plottedKeys(page);
      assert.ok(keys.length > 0 && keys.every((k) => k.startsWith('namo3-')), keys.join(', '));

      await page.selectOption('#role', 'CATHODE');
      assert.deepEqual(await plottedKeys(page), NAMO3_CATHODES);

      await page.selectOption('#colour', 'ion');
      await plottedKeys(page);
      assert.equal(param(page, 'colour'), 'ion');
      assert.match(await page.locator('#chart').innerText(), /\bNa\b/, 'legend names the working ion');

      await page.check('#ylog');
      await plottedKeys(page);
      assert.equal(param(page, 'ylog'), '1');

      await page.fill('#elements', 'Ni, O');
      await page.locator('#elements').dispatchEvent('change');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('elements') === 'Ni, O');
      assert.deepEqual(await plottedKeys(page), ['namo3-ni']);
      await page.fill('#elements', '');
      await page.locator('#elements').dispatchEvent('change');
      await page.uncheck('#ylog');
      assert.deepEqual(await plottedKeys(page), NAMO3_CATHODES);
    });

    test('any two properties: ELFmax against the computed voltage, measured-only leaves nothing', async () => {
      await page.selectOption('#x', 'property:elf_max');
      await page.selectOption('#y', 'property:average_voltage');
      await page.selectOption('#kind', 'COMPUTED');
      assert.deepEqual(await plottedKeys(page), NAMO3_CATHODES);
      assert.equal(param(page, 'x'), 'property:elf_max');
      assert.equal(await page.locator('#chart g[aria-description="iso-specific-energy lines"]').count(), 0, 'no iso-energy lines off a capacity–voltage plot');
      const tip = await tipText(page, 'namo3-cr');
      assert.match(tip, /ELFmax = 0\.678 \(computed, namo3-hse06\)\s+source: Physical Review Materials 2020, Table I\b/);
      assert.match(tip, /Average voltage = 4\.239 V \(computed, namo3-hse06\)\s+source: Physical Review Materials 2020, Table III/);
      await page.screenshot({ path: path.join(SHOTS, 'explorer-plot.png'), fullPage: true });

      // "Download what I see": the facts behind the points, for the same filter.
      const href = await page.locator('#download-csv').getAttribute('href');
      const rows: Record<string, string>[] = parse(await (await fetch(new URL(href!, origin))).text(), { columns: true });
      assert.ok(rows.length > 0);
      assert.deepEqual([...new Set(rows.map((r) => r.property))].sort(), ['average_voltage', 'elf_max']);
      assert.ok(rows.every((r) => r.kind === 'COMPUTED' && NAMO3_CATHODES.includes(r.materialKey!)), 'computed facts of the filtered materials only');
      assert.ok(rows.every((r) => r.sourceDoi && r.locator), 'each row names its source and locator');

      await page.selectOption('#kind', 'MEASURED');
      assert.deepEqual(await plottedKeys(page), []);
      assert.match(await page.locator('#chart').innerText(), /No material has values on both axes/);
      await page.selectOption('#kind', 'ANY');
    });

    test('a click opens the material page: facts grouped with method and source, derived values with traces, structures and lattices', async () => {
      await plottedKeys(page);
      await page.locator('#chart circle[aria-label="namo3-v"]').hover();
      await page.locator('#chart g[aria-label="tip"] text').first().waitFor({ timeout: 5_000 });
      await page.locator('#chart circle[aria-label="namo3-v"]').click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'material');
      assert.equal(param(page, 'key'), 'namo3-v');
      await settled(page, 'material');
      assert.equal(await page.locator('#material-name').innerText(), 'NaVO3 (ilmenite R-3)');

      const voltage = page.locator('section.fact-group[data-property="average_voltage"]');
      assert.match(await voltage.innerText(), /5\.907 V/);
      assert.match(await voltage.innerText(), /namo3-hse06/);
      assert.match(await voltage.innerText(), /Table III/);

      const capacity = page.locator('details.derived[data-quantity="theoretical capacity (1 ion)"]');
      await capacity.locator('summary').click();
      assert.match(await capacity.innerText(), /mAh\/g/);
      assert.match(await capacity.innerText(), /derived/);
      assert.ok((await capacity.locator('ul.inputs li').count()) >= 1, 'the trace lists its inputs');

      assert.ok((await page.locator('section.structure').count()) >= 2, 'Na1 and Na0.5 structures');
      assert.match(await page.locator('section.structure').first().innerText(), /R-3/);
      assert.ok((await page.locator('table.lattices tbody tr').count()) >= 1, 'lattice parameters');
      assert.match(await page.locator('#comparison-title').innerText(), /NaO3V/);
      await page.screenshot({ path: path.join(SHOTS, 'explorer-material.png'), fullPage: true });
    });

    test('coatings and coated forms link both ways; Back returns to the plot as it was', async () => {
      await page.goto(`${origin}/explorer?view=material&key=ncm811`);
      await settled(page, 'material');
      await page.locator('ul.coatings a[data-material="ncm811-coxb"]').click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('key') === 'ncm811-coxb');
      await settled(page, 'material');
      assert.match(await page.locator('ul.coatings').innerText(), /Coated with .*CoxB|Coated with/);
      assert.ok((await page.locator('table.coating-effects tbody tr').count()) >= 1, 'coated vs pristine under identical conditions');
      await page.goBack();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('key') === 'ncm811');
      await settled(page, 'material'); // a navigation now would abort its request
      await page.goto(`${origin}/explorer?family=ilmenite-namo3&role=CATHODE`);
      assert.deepEqual(await plottedKeys(page), NAMO3_CATHODES);
      await page.locator('#chart circle[aria-label="namo3-fe"]').hover();
      await page.locator('#chart circle[aria-label="namo3-fe"]').click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('key') === 'namo3-fe');
      await page.goBack();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === null);
      assert.deepEqual(await plottedKeys(page), NAMO3_CATHODES, 'the filtered plot again');
      assert.equal(await page.locator('#family').inputValue(), 'ilmenite-namo3');
    });

    test('compare puts selected materials side by side, and the URL opens the same comparison elsewhere', async () => {
      await page.locator('#chart circle[aria-label="namo3-cr"]').hover();
      await page.locator('#chart circle[aria-label="namo3-cr"]').click({ modifiers: ['Shift'] });
      await page.waitForFunction(() => new URL(location.href).searchParams.get('compare') === 'namo3-cr');
      await page.goto(`${origin}/explorer?view=material&key=namo3-mn&compare=namo3-cr`);
      await settled(page, 'material');
      await page.click('#add-to-compare');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('compare') === 'namo3-cr,namo3-mn');
      await page.click('#nav-compare');
      await settled(page, 'compare');
      const headers = await page.locator('table.compare thead th[data-material]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-material')));
      assert.deepEqual(headers, ['namo3-cr', 'namo3-mn']);
      const voltageRow = await page.locator('table.compare tr[data-property="average_voltage"]').innerText();
      assert.match(voltageRow, /4\.239 V/);
      assert.match(voltageRow, /4\.53 V/);
      await page.screenshot({ path: path.join(SHOTS, 'explorer-compare.png'), fullPage: true });

      const shared = page.url();
      const other = await browser.newPage(errors);
      await other.goto(shared);
      await settled(other, 'compare');
      assert.deepEqual(await other.locator('table.compare thead th[data-material]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-material'))), ['namo3-cr', 'namo3-mn']);
      await other.locator('table.compare button.remove').first().click();
      await other.waitForFunction(() => new URL(location.href).searchParams.get('compare') === 'namo3-mn');
      await other.close();
    });

    test('an unknown material key and a failing export say so in the page', async () => {
      await page.goto(`${origin}/explorer?view=material&key=no-such-material`);
      await settled(page, 'material');
      assert.match(await page.locator('#material-status').innerText(), /No material with key "no-such-material"/);
      await page.goto(`${origin}/explorer?elements=Xx1`);
      await page.waitForFunction(() => document.getElementById('plot-view')?.dataset.state !== 'loading');
      assert.equal(await page.locator('#plot-view').getAttribute('data-state'), 'error');
      assert.match(await page.locator('#plot-status').innerText(), /not an element symbol/);
      // The expected 400 is logged by Chromium as a failed resource; drop it before the final check.
      const expected = errors.filter((e) => /400 \(Bad Request\)/.test(e));
      errors.splice(0, errors.length, ...errors.filter((e) => !expected.includes(e)));
    });

    test('no request left the server and no console or page error', () => {
      assert.deepEqual(browser.externalRequests, []);
      assert.deepEqual(errors, []);
    });
  });
});

describe('explorer with Materials Project electrodes beside the papers (the 14-row fixture, production mode)', { skip: browserSkip }, () => {
  let server: TestServer;
  let origin: string;
  let browser: OfflineBrowser;
  let page: Page;
  const errors: string[] = [];
  before(async () => {
    // Production: the explorer's GraphQL queries must pass the cost limits there.
    server = await startTestServer({ materialsProject: 'fixture', production: true });
    origin = new URL(server.app.url).origin;
    browser = await launchOfflineBrowser({ width: 1400, height: 950 });
    page = await browser.newPage(errors);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Material keys of the drawn database electrodes (triangles) and paper materials (circles). */
  async function plotted(): Promise<{ database: string[]; papers: string[] }> {
    await page.waitForFunction(() => document.getElementById('plot-view')?.dataset.state !== 'loading', null, { timeout: 30_000 });
    assert.equal(await page.locator('#plot-view').getAttribute('data-state'), 'ready', await page.locator('#plot-status').innerText());
    const keys = (description: string) => page.locator(`#chart g[aria-description="${description}"] [aria-label]`).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')!).sort());
    return { database: await keys('database electrodes'), papers: await keys('materials') };
  }

  test('voltage vs capacity shows the electrodes as triangles beside the papers; papers only hides them, Materials Project only keeps just them', async () => {
    assert.equal((await page.goto(`${origin}/explorer`))?.status(), 200);
    const both = await plotted();
    assert.ok(both.database.includes('mp-1076642_na.discharged'), `NaCrO3's electrode is plotted (${both.database.join(', ')})`);
    assert.ok(both.papers.includes('namo3-cr'), 'the paper point of NaCrO3 too');
    assert.match(await page.locator('#plot-status').innerText(), /database electrodes as triangles/);

    await page.selectOption('#sourceKind', 'PAPER');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sourceKind') === 'PAPER');
    const papersOnly = await plotted();
    assert.deepEqual(papersOnly.database, []);
    assert.ok(papersOnly.papers.includes('namo3-cr'));

    await page.selectOption('#sourceKind', 'DATABASE');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sourceKind') === 'DATABASE');
    const databaseOnly = await plotted();
    assert.deepEqual(databaseOnly.papers, []);
    assert.deepEqual(databaseOnly.database, both.database);
  });

  test('hovering an electrode cites the Materials Project and its battery id; its material page too', async () => {
    await page.selectOption('#colour', 'sourceKind');
    await plotted();
    assert.match(await page.locator('#chart').innerText(), /Materials Project/, 'legend names the source kind');
    await page.locator('#chart path[aria-label="mp-1076642_na.discharged"]').hover();
    const tip = page.locator('#chart g[aria-label="tip"] text');
    await tip.first().waitFor({ timeout: 5_000 });
    const text = (await tip.allTextContents()).join('\n').replace(/\u200b/g, '\n');
    assert.match(text, /NaCrO3/);
    assert.match(text, /3\.9394 V/, "MP's average voltage of mp-1076642_Na");
    assert.match(text, /source: Materials Project, battery id mp-1076642_Na/);

    await page.locator('#chart path[aria-label="mp-1076642_na.discharged"]').click();
    await page.waitForFunction(() => document.body.dataset.view === 'material' && document.getElementById('material-view')?.dataset.state !== 'loading', null, { timeout: 30_000 });
    assert.equal(await page.locator('#material-view').getAttribute('data-state'), 'ready', await page.locator('#material-status').innerText());
    assert.match(await page.locator('#material').innerText(), /Defined in Materials Project, battery id mp-1076642_Na\./);
    assert.match(await page.locator('#material').innerText(), /Materials Project, battery id mp-1076642_Na/);
    // The state (source kind, colour) is in the URL, and Back returns to the plot as it was.
    await page.goBack();
    await plotted();
    assert.equal(param(page, 'sourceKind'), 'DATABASE');
    assert.equal(param(page, 'colour'), 'sourceKind');
  });

  test("compare puts the paper's NaCrO3 beside MP's, each with its source", async () => {
    await page.goto(`${origin}/explorer?view=compare&compare=namo3-cr,mp-1076642_na.discharged`);
    await settled(page, 'compare');
    assert.equal(await page.locator('#compare-view').getAttribute('data-state'), 'ready', await page.locator('#compare-status').innerText());
    const header = await page.locator('#compare thead').innerText();
    assert.match(header, /Physical Review Materials 2020/);
    assert.match(header, /Materials Project/);
    assert.match(await page.locator('#compare tbody').innerText(), /mp-1076642_Na/, "MP's values carry the battery id");
  });

  test('no request left the server and no console or page error', () => {
    assert.deepEqual(browser.externalRequests, []);
    assert.deepEqual(errors, []);
  });
});
