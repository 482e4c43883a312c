/**
 * The front page (`/`) and the project's documentation rendered as HTML (`/docs/…`), so that a
 * newcomer who opens the server's address finds GraphiQL, the dashboard and the docs, offline.
 * The Markdown files are the repository's own (README.md, docs/*.md, …), read on each request,
 * rendered with markdown-it with raw HTML off; links between them are rewritten to their pages.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { slug } from 'github-slugger';
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import { PROJECT_ROOT, WEB_DIR } from '../paths.js';
import { escapeAttribute, sendPage } from './assets.js';

const DEFAULT_ORIGIN = 'http://localhost:4000/';

/** No script at all; our stylesheet only. */
export const DOCS_CSP = ["default-src 'none'", "style-src 'self'", "img-src 'self' data:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join('; ');

export interface WebLink {
  href: string;
  label: string;
  description: string;
}

/** The pages the front page lists and start-up prints (paths on this server). */
export const FRONT_PAGE_LINKS: readonly WebLink[] = [
  { href: '/graphiql', label: 'GraphiQL', description: 'write and run GraphQL queries, with the schema’s documentation' },
  { href: '/explorer', label: 'Explorer', description: 'plot any two properties of any family, open a material with all its sources, compare, download' },
  { href: '/dashboard', label: 'Dashboard', description: 'plots drawn from the API, each point citing its paper and table' },
  { href: '/docs/', label: 'Documentation', description: 'set-up, example queries, derivations, data, curation, operations' },
  { href: '/graphql', label: 'GraphQL endpoint', description: 'POST queries here (a browser is sent on to GraphiQL)' },
];

/** Repository Markdown file → its page under /docs/. */
export function docPages(): Map<string, string> {
  const pages = new Map<string, string>([
    ['README.md', '/docs/'],
    ['BENCHMARKS.md', '/docs/BENCHMARKS.md'],
    ['seeds/README.md', '/docs/seeds.md'],
  ]);
  for (const file of readdirSync(path.join(PROJECT_ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort()) pages.set(`docs/${file}`, `/docs/${file}`);
  return pages;
}

function renderer(file: string, pages: Map<string, string>) {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(anchor, { slugify: slug });
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const href = token.attrGet('href')?.toString();
    // The docs' examples name the default port; on this server they mean this server.
    if (href?.startsWith(DEFAULT_ORIGIN)) token.attrSet('href', href.slice(DEFAULT_ORIGIN.length - 1));
    else if (href && !/^[a-z]+:|^\/|^#/i.test(href)) {
      const [target = '', hash] = href.split('#');
      const page = pages.get(path.posix.normalize(path.posix.join(path.posix.dirname(file), target)));
      if (page) token.attrSet('href', page + (hash ? `#${hash}` : ''));
    }
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeAttribute(title)}</title>
<link rel="stylesheet" href="/docs/assets/docs.css">
</head>
<body>
<nav><a href="/">cathode-kb</a> · ${FRONT_PAGE_LINKS.map((l) => `<a href="${escapeAttribute(l.href)}">${escapeAttribute(l.label)}</a>`).join(' · ')}</nav>
<main>
${body}
</main>
</body>
</html>
`;
}

export function frontPage(): string {
  const items = FRONT_PAGE_LINKS.map((l) => `<li><a href="${escapeAttribute(l.href)}">${escapeAttribute(l.label)}</a> — ${escapeAttribute(l.description)}</li>`).join('\n');
  const docs = [...docPages()]
    .filter(([file]) => file.startsWith('docs/'))
    .map(([file, href]) => `<li><a href="${escapeAttribute(href)}">${escapeAttribute(file.slice('docs/'.length, -'.md'.length))}</a></li>`)
    .join('\n');
  return page(
    'cathode-kb',
    `<h1>cathode-kb</h1>
<p>A GraphQL knowledge base of battery cathode materials: every number with its paper, table or figure, unit and conditions; derived quantities with their formula and inputs.</p>
<ul class="links">
${items}
</ul>
<h2>Documentation</h2>
<ul>
<li><a href="/docs/">README</a> (start here)</li>
${docs}
</ul>`,
  );
}

/** Routes: GET `/` (front page), `/docs/` and `/docs/<file>.md`, `/docs/assets/docs.css`. */
export function docsRouter(): Router {
  const router = express.Router({ strict: true });
  router.get('/', (_req, res) => sendPage(res, frontPage(), DOCS_CSP));
  router.get('/docs', (_req, res) => res.redirect(301, '/docs/'));
  router.get('/docs/assets/docs.css', (_req, res, next) => {
    res.type('text/css').set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' });
    res.sendFile(path.join(WEB_DIR, 'docs.css'), (error) => error && !res.headersSent && next(error));
  });
  router.get(['/docs/', '/docs/:name'], async (req: Request, res: Response, next: NextFunction) => {
    try {
      const pages = docPages();
      const wanted = req.params.name ? `/docs/${req.params.name as string}` : '/docs/';
      const file = [...pages].find(([, href]) => href === wanted)?.[0];
      if (!file) return next();
      const markdown = await readFile(path.join(PROJECT_ROOT, file), 'utf8');
      const title = /^# (.+)$/m.exec(markdown)?.[1] ?? file;
      sendPage(res, page(`${title} — cathode-kb`, renderer(file, pages).render(markdown)), DOCS_CSP);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
