/**
 * GraphiQL at /graphiql, fully offline: the page, its script and every asset are served by this
 * server from installed npm packages (graphiql@3's UMD bundle and CSS, whose fonts are inlined as
 * data: URLs; React 18's UMD production builds). No CDN, no build step.
 *
 * Files: graphiql.html (the page), graphiql-init.js (renders GraphiQL; an external script so the
 * page can be served with `script-src 'self'`), default-query.graphql (the query the editor opens
 * with, embedded in the page as JSON in a non-executable <script type="application/json">).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type Request, type Response, type NextFunction, type Router } from 'express';
import { WEB_DIR } from '../paths.js';

const require = createRequire(import.meta.url);

/** A package's folder, found through its package.json (graphiql and react export no UMD subpaths). */
function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** Served under `${path}/assets/`: name → file on disk and content type. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.production.min.js': { file: path.join(packageDir('react'), 'umd', 'react.production.min.js'), type: 'text/javascript' },
  'react-dom.production.min.js': { file: path.join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.min.js': { file: path.join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  // graphiql.min.js ends with `//# sourceMappingURL=index.umd.js.map` (fetched only by devtools).
  'index.umd.js.map': { file: path.join(packageDir('graphiql'), 'graphiql.min.js.map'), type: 'application/json' },
  'graphiql.min.css': { file: path.join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'graphiql-init.js': { file: path.join(WEB_DIR, 'graphiql-init.js'), type: 'text/javascript' },
};

export const DEFAULT_QUERY_FILE = path.join(WEB_DIR, 'default-query.graphql');
const PAGE_FILE = path.join(WEB_DIR, 'graphiql.html');

/**
 * The page's Content-Security-Policy, checked in Chromium by test/browser/graphiql.test.ts (a
 * violation is a console error there). Scripts only from this server: no inline script, no eval
 * (graphiql@3's UMD bundle needs neither). Styles need 'unsafe-inline': graphiql's dialogs
 * (react-remove-scroll) insert <style> elements at runtime, and the page has one small <style>.
 * Fonts are data: URLs inside graphiql's CSS.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface GraphiQLOptions {
  /** Where the page is served; default `/graphiql`. */
  path?: string;
  /** The GraphQL endpoint the page queries, and whose browser GETs redirect to the page; default `/graphql`. */
  endpoint?: string;
}

/** JSON safe inside a <script> element: no `</script>` or `<!--` can be formed. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A plain browser navigation to the endpoint (GET, Accept prefers text/html, no `query`): these
 * get GraphiQL instead of Apollo's landing page. GraphQL-over-HTTP GETs (`?query=`) and API
 * clients (Accept: application/json, or * / * first) are left to Apollo.
 */
export function isBrowserNavigation(req: Request): boolean {
  if (req.method !== 'GET' || req.query.query !== undefined) return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * Routes: GET `${path}` (the page), GET `${path}/assets/:name`, and GET `${endpoint}` redirecting
 * browser navigations to the page (everything else falls through to the next handler). Register
 * before the endpoint's middleware.
 */
export function graphiqlRouter(options: GraphiQLOptions = {}): Router {
  const pagePath = options.path ?? '/graphiql';
  const endpoint = options.endpoint ?? '/graphql';
  const router = express.Router({ strict: false });

  router.get(endpoint, (req: Request, res: Response, next: NextFunction) => {
    if (!isBrowserNavigation(req)) return next();
    res.redirect(302, pagePath);
  });

  router.get(pagePath, async (_req: Request, res: Response, next: NextFunction) => {
    try {
      // Read on each request: both files are small, and edits show up without a restart.
      const [template, defaultQuery] = await Promise.all([readFile(PAGE_FILE, 'utf8'), readFile(DEFAULT_QUERY_FILE, 'utf8')]);
      const html = template
        .replaceAll('{{ASSETS}}', () => escapeAttribute(`${pagePath}/assets`))
        .replace('{{CONFIG}}', () => jsonForScript({ endpoint, defaultQuery }));
      res.set({
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': GRAPHIQL_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      });
      res.send(html);
    } catch (error) {
      next(error);
    }
  });

  router.get(`${pagePath}/assets/:name`, (req: Request, res: Response, next: NextFunction) => {
    const asset = Object.hasOwn(ASSETS, req.params.name as string) ? ASSETS[req.params.name as string] : undefined;
    if (!asset) return next();
    res.type(asset.type);
    res.set('X-Content-Type-Options', 'nosniff');
    // Package files change only with a reinstall; revalidation (ETag/Last-Modified) keeps them fresh.
    res.sendFile(asset.file, { headers: { 'Cache-Control': 'no-cache' } }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  });

  return router;
}

/** Files served by the router, for tests (e.g. scanning them for external URLs). */
export function graphiqlAssetFiles(): Record<string, string> {
  return Object.fromEntries(Object.entries(ASSETS).map(([name, { file }]) => [name, file]));
}
