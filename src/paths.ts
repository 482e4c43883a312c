/**
 * Where the project's own files are, the same whether this module runs as src/paths.ts (tsx:
 * tests, scripts) or as dist/src/paths.js (`npm start`'s compiled server): the project root is
 * the nearest folder above this file whose package.json is cathode-kb's. Files that are not
 * TypeScript (schema/, seeds/, docs/, the pages' assets in src/web/) are read from the project,
 * never from dist/, which holds only tsc's output (and its own explorer.js, dashboard.js: the
 * compiled modules, not the browser scripts of the same names).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'cathode-kb') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no cathode-kb package.json in any folder above ${from}`);
  }
}

/** The folder holding package.json, schema/, seeds/, src/ and (once built) dist/. */
export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The web pages' HTML, CSS, browser scripts and default query (src/web/, beside their routers' source). */
export const WEB_DIR = path.join(PROJECT_ROOT, 'src', 'web');
