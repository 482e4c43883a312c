/**
 * The explorer at /explorer, offline like the dashboard: choose any two numeric properties or
 * derived quantities, filter and colour, open a material page, compare materials side by side,
 * download what is shown. Drawn in the browser with Observable Plot from the GraphQL API (the
 * vocabulary, material pages, comparisons) and the streaming export (the points: every row
 * without meeting the cost limit). The URL holds the whole state. See docs/explorer.md.
 *
 * Files: explorer.html, explorer.js (plain script, no build step), explorer.css.
 */
import path from 'node:path';
import { MaterialRole, WorkingIon } from '@prisma/client';
import type { Router } from 'express';
import { pageRouter, PLOT_ASSETS, PLOT_PAGE_CSP, type Asset } from './assets.js';
import { WEB_DIR } from '../paths.js';

const ASSETS: Record<string, Asset> = {
  ...PLOT_ASSETS,
  'explorer.js': { file: path.join(WEB_DIR, 'explorer.js'), type: 'text/javascript' },
  'explorer.css': { file: path.join(WEB_DIR, 'explorer.css'), type: 'text/css' },
};

export interface ExplorerOptions {
  path?: string;
  /** GraphQL endpoint (default `/graphql`; `?endpoint=` overrides it in the page). */
  endpoint?: string;
  /** Where GET /export/… is served (default `/export`). */
  exportBase?: string;
}

export function explorerRouter(options: ExplorerOptions = {}): Router {
  return pageRouter({
    path: options.path ?? '/explorer',
    pageFile: path.join(WEB_DIR, 'explorer.html'),
    assets: ASSETS,
    // The enums' values come with the page: introspection (`__type`) is refused in production.
    config: { endpoint: options.endpoint ?? '/graphql', exportBase: options.exportBase ?? '/export', workingIons: Object.values(WorkingIon), roles: Object.values(MaterialRole) },
    csp: PLOT_PAGE_CSP,
  });
}
