/**
 * Helpers for the offline web pages (dashboard; GraphiQL has its own copies in graphiql.ts): find
 * installed npm packages' files, serve a fixed set of files, send a page under a CSP. Nothing here
 * fetches from a CDN: every asset is a file on disk.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

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
