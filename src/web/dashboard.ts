/**
 * Research dashboard at /dashboard, fully offline: four panels drawn in the browser from the
 * GraphQL API with Observable Plot (voltage vs ELFmax of the NaMO3 series, coated vs pristine
 * NCM811 capacity retention, TM migration through the first cycle of LMR-NMC, NaMO3 stability
 * verdicts). Plot's and d3's UMD bundles come from the installed npm packages; no CDN, no build.
 *
 * Files: dashboard.html (the page), dashboard.js (queries and drawing; an external script so the
 * page can be served with `script-src 'self'`), dashboard.css.
 */
import path from 'node:path';
import type { Router } from 'express';
import { pageRouter, PLOT_ASSETS, PLOT_PAGE_CSP, type Asset } from './assets.js';
import { WEB_DIR } from '../paths.js';

/** Served under `${path}/assets/`. */
const ASSETS: Record<string, Asset> = {
  ...PLOT_ASSETS,
  'dashboard.js': { file: path.join(WEB_DIR, 'dashboard.js'), type: 'text/javascript' },
  'dashboard.css': { file: path.join(WEB_DIR, 'dashboard.css'), type: 'text/css' },
};

export interface DashboardOptions {
  /** Where the page is served; default `/dashboard`. */
  path?: string;
  /** The GraphQL endpoint the page queries unless the URL has `?endpoint=`; default `/graphql`. */
  endpoint?: string;
}

/** Routes: GET `${path}` (the page, under PLOT_PAGE_CSP) and GET `${path}/assets/:name`. */
export function dashboardRouter(options: DashboardOptions = {}): Router {
  return pageRouter({ path: options.path ?? '/dashboard', pageFile: path.join(WEB_DIR, 'dashboard.html'), assets: ASSETS, config: { endpoint: options.endpoint ?? '/graphql' }, csp: PLOT_PAGE_CSP });
}

/** Files served by the router, for tests (e.g. scanning them for external URLs). */
export function dashboardAssetFiles(): Record<string, string> {
  return Object.fromEntries(Object.entries(ASSETS).map(([name, { file }]) => [name, file]));
}
