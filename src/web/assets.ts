/**
 * Helpers for the offline web pages (dashboard, explorer; GraphiQL has its own copies in graphiql.ts): find
 * installed npm packages' files, serve a fixed set of files, send a page under a CSP. Nothing here
 * fetches from a CDN: every asset is a file on disk.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';

const require = createRequire(import.meta.url);

/**
 * An installed package's folder. Through its package.json when the package exports it; otherwise
 * (e.g. @observablehq/plot and d3, whose `exports` name no `./package.json`) by looking for
 * `<name>/package.json` in the folders Node would search.
 */
export function packageDir(name: string): string {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch (error) {
    for (const dir of require.resolve.paths(name) ?? []) {
      if (existsSync(path.join(dir, name, 'package.json'))) return path.join(dir, name);
    }
    throw new Error(`package ${name} is not installed`, { cause: error });
  }
}

export interface Asset {
  /** Absolute path on disk. */
  file: string;
  /** Content type, e.g. `text/javascript`. */
  type: string;
}

/**
 * Handler for GET `…/:name` serving only the listed files (anything else falls through to the
 * next handler). `Cache-Control: no-cache` with ETag/Last-Modified: package files change only with
 * a reinstall, our own files with an edit, and revalidation picks up both.
 */
export function serveAssets(assets: Record<string, Asset>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const name = req.params.name as string;
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!asset) return next();
    res.type(asset.type);
    res.set('X-Content-Type-Options', 'nosniff');
    res.sendFile(asset.file, { headers: { 'Cache-Control': 'no-cache' } }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  };
}

/** Sends an HTML page with its Content-Security-Policy and the usual hardening headers. */
export function sendPage(res: Response, html: string, csp: string): void {
  res.set({
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
  res.send(html);
}

/** JSON safe inside a <script> element: no `</script>` or `<!--` can be formed. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** d3's and Observable Plot's UMD bundles from the installed packages (Plot reads the `d3` global). */
export const PLOT_ASSETS: Record<string, Asset> = {
  'd3.min.js': { file: path.join(packageDir('d3'), 'dist', 'd3.min.js'), type: 'text/javascript' },
  'plot.umd.min.js': { file: path.join(packageDir('@observablehq/plot'), 'dist', 'plot.umd.min.js'), type: 'text/javascript' },
};

/**
 * The CSP of the Plot pages (dashboard, explorer). Scripts only from this server (no inline
 * script, no eval). Styles need 'unsafe-inline': Plot puts a <style> element in every chart.
 * connect-src allows any http(s) origin so that `?endpoint=` can name a federation gateway on
 * another origin (which must answer CORS); the pages write the data they receive as text only.
 */
export const PLOT_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' http: https:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface PageRouterOptions {
  /** Where the page is served, e.g. `/explorer`; assets under `${path}/assets/`. */
  path: string;
  /** The HTML template: `{{ASSETS}}` becomes the assets path, `{{CONFIG}}` the JSON config. */
  pageFile: string;
  assets: Record<string, Asset>;
  config: unknown;
  csp: string;
}

/** Routes: GET `${path}` (the page, read on each request so edits show without a restart) and its assets. */
export function pageRouter(options: PageRouterOptions): Router {
  const router = express.Router({ strict: false });
  router.get(options.path, async (_req: Request, res: Response, next: NextFunction) => {
    try {
      const template = await readFile(options.pageFile, 'utf8');
      const html = template
        .replaceAll('{{ASSETS}}', () => escapeAttribute(`${options.path}/assets`))
        .replace('{{CONFIG}}', () => jsonForScript(options.config));
      sendPage(res, html, options.csp);
    } catch (error) {
      next(error);
    }
  });
  router.get(`${options.path}/assets/:name`, serveAssets(options.assets));
  return router;
}
