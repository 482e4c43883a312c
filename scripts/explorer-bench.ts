/**
 * `npm run bench:explorer [-- --rounds N]`: how long the explorer's plot takes in headless
 * Chromium for many points. The export requests of the page are answered with N synthetic
 * materials (voltage vs theoretical capacity, one value each): 48 from three papers (circles), the
 * rest as a database's electrodes (triangles, as the Materials Project's are drawn), so the figure
 * measures the browser side: parsing the JSON Lines, joining the axes, Plot's rendering, and the
 * tip on hover. Sizes run interleaved, round by round; medians are printed. A benchmark, not a
 * test: nothing here passes or fails on a time.
 */
import { performance } from 'node:perf_hooks';
import { startTestServer } from '../test/integration/testkit.js';
import { launchOfflineBrowser } from '../test/browser/browser.js';

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] || 3) || 3;
const SIZES = [48, 4351, 43510];
const SOURCES = ['10.1103/PhysRevMaterials.4.015401', '10.1038/s41560-021-00782-0', '10.1038/s41467-017-02041-x'];
const PAPER_POINTS = 48;
/** The i-th synthetic material's source: a paper for the first 48, then the Materials Project (its citation DOI). */
const source = (i: number) => (i < PAPER_POINTS ? { sourceDoi: SOURCES[i % 3], sourceKind: 'PAPER', locator: `row ${i}` } : { sourceDoi: '10.1063/1.4812323', sourceKind: 'DATABASE', locator: `mp-${i}_Li` });

/** Deterministic pseudo-random numbers (the same points in every run). */
function random(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

function facts(n: number): string {
  const rand = random(7);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(JSON.stringify({ materialKey: `syn-${i}`, materialName: `synthetic ${i}`, formula: 'NaMO3', family: null, workingIon: 'Na', role: 'CATHODE', kind: 'COMPUTED', value: 1 + 4 * rand(), unit: 'V', method: 'synthetic', configuration: null, conditions: null, ...source(i) }));
  }
  return `${lines.join('\n')}\n`;
}

function materials(n: number): string {
  const rand = random(11);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(JSON.stringify({ key: `syn-${i}`, name: `synthetic ${i}`, formula: 'NaMO3', family: null, workingIon: 'Na', role: 'CATHODE', ...source(i), theoreticalCapacityMAhPerG: 50 + 300 * rand() }));
  }
  return `${lines.join('\n')}\n`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const server = await startTestServer();
const origin = new URL(server.app.url).origin;
const browser = await launchOfflineBrowser({ width: 1400, height: 950 });
const bodies = new Map(SIZES.map((n) => [n, { facts: facts(n), materials: materials(n) }]));
const results = new Map(SIZES.map((n) => [n, { total: [] as number[], render: [] as number[], hover: [] as number[] }]));
try {
  for (let round = 0; round < rounds; round++) {
    for (const n of SIZES) {
      const errors: string[] = [];
      const page = await browser.newPage(errors);
      const body = bodies.get(n)!;
      await page.route('**/export/facts.jsonl*', (route) => route.fulfill({ status: 200, contentType: 'application/jsonl', body: body.facts }));
      await page.route('**/export/materials.jsonl*', (route) => route.fulfill({ status: 200, contentType: 'application/jsonl', body: body.materials }));
      const started = performance.now();
      await page.goto(`${origin}/explorer?x=derived:theoreticalCapacityMAhPerG&y=property:average_voltage`);
      await page.waitForFunction(() => document.getElementById('plot-view')?.dataset.state === 'ready', null, { timeout: 120_000 });
      const total = performance.now() - started;
      const plotted = Number(await page.locator('#chart').getAttribute('data-points'));
      if (plotted !== n) throw new Error(`${n} synthetic materials, ${plotted} plotted`);
      const render = Number(await page.locator('#chart').getAttribute('data-render-ms'));
      // Hover: from the pointer's move to the tip being drawn.
      const box = (await page.locator(`#chart [aria-label="syn-${Math.floor(n / 2)}"]`).boundingBox())!;
      const hoverStarted = performance.now();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.locator('#chart g[aria-label="tip"] text').first().waitFor({ timeout: 30_000 });
      const hover = performance.now() - hoverStarted;
      if (errors.length) throw new Error(errors.join('\n'));
      const r = results.get(n)!;
      r.total.push(total);
      r.render.push(render);
      r.hover.push(hover);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`explorer plot in headless Chromium (${rounds} interleaved rounds, medians; synthetic points, the page's export requests answered locally)`);
console.log('points   | load → ready (ms) | join + Plot render (ms) | hover → tip (ms)');
for (const n of SIZES) {
  const r = results.get(n)!;
  console.log(`${String(n).padStart(8)} | ${median(r.total).toFixed(0).padStart(17)} | ${median(r.render).toFixed(0).padStart(23)} | ${median(r.hover).toFixed(0).padStart(16)}`);
}
