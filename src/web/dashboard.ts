/**
 * Research dashboard at /dashboard, fully offline: four panels drawn in the browser from the
 * GraphQL API with Observable Plot (voltage vs ELFmax of the NaMO3 series, coated vs pristine
 * NCM811 capacity retention, TM migration through the first cycle of LMR-NMC, NaMO3 stability
 * verdicts). Plot's and d3's UMD bundles come from the installed npm packages; no CDN, no build.
 *
 * Files: dashboard.html (the page), dashboard.js (queries and drawing; an external script so the
 * page can be served with `script-src 'self'`), dashboard.css.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { escapeAttribute, jsonForScript, packageDir, sendPage, serveAssets, type Asset } from './assets.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const PAGE_FILE = path.join(here, 'dashboard.html');

/** Served under `${path}/assets/`. Plot's UMD bundle reads d3 from the global set by d3.min.js. */
const ASSETS: Record<string, Asset> = {
  'd3.min.js': { file: path.join(packageDir('d3'), 'dist', 'd3.min.js'), type: 'text/javascript' },
  'plot.umd.min.js': { file: path.join(packageDir('@observablehq/plot'), 'dist', 'plot.umd.min.js'), type: 'text/javascript' },
  'dashboard.js': { file: path.join(here, 'dashboard.js'), type: 'text/javascript' },
  'dashboard.css': { file: path.join(here, 'dashboard.css'), type: 'text/css' },
};

/**
 * The page's Content-Security-Policy, checked in Chromium by test/browser/dashboard.test.ts.
 * Scripts only from this server (no inline script, no eval). Styles need 'unsafe-inline': Plot
 * puts a <style> element in every chart. connect-src allows any http(s) origin so that
 * `?endpoint=` can name a federation gateway on another origin (which must answer CORS); the page
 * writes the data it receives as text only, never as HTML.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' http: https:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface DashboardOptions {
  /** Where the page is served; default `/dashboard`. */
  path?: string;
  /** The GraphQL endpoint the page queries unless the URL has `?endpoint=`; default `/graphql`. */
  endpoint?: string;
}

/** Routes: GET `${path}` (the page) and GET `${path}/assets/:name`. */
export function dashboardRouter(options: DashboardOptions = {}): Router {
  const pagePath = options.path ?? '/dashboard';
  const endpoint = options.endpoint ?? '/graphql';
  const router = express.Router({ strict: false });

  router.get(pagePath, async (_req: Request, res: Response, next: NextFunction) => {
    try {
      // Read on each request: the file is small, and edits show up without a restart.
      const template = await readFile(PAGE_FILE, 'utf8');
      const html = template
        .replaceAll('{{ASSETS}}', () => escapeAttribute(`${pagePath}/assets`))
        .replace('{{CONFIG}}', () => jsonForScript({ endpoint }));
      sendPage(res, html, DASHBOARD_CSP);
    } catch (error) {
      next(error);
    }
  });

  router.get(`${pagePath}/assets/:name`, serveAssets(ASSETS));
  return router;
}

/** Files served by the router, for tests (e.g. scanning them for external URLs). */
export function dashboardAssetFiles(): Record<string, string> {
  return Object.fromEntries(Object.entries(ASSETS).map(([name, { file }]) => [name, file]));
}
