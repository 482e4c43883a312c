/**
 * The front page and the rendered docs (src/web/docs.ts) over real HTTP, without a database:
 * the front page links to GraphiQL, the dashboard and the docs; every doc file has a page; every
 * link between pages, anchors included, arrives somewhere.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import express from 'express';
import { docPages, docsRouter } from '../../src/web/docs.js';

describe('front page and docs pages', () => {
  let server: ReturnType<ReturnType<typeof express>['listen']>;
  let origin: string;
  before(async () => {
    const app = express().use(docsRouter());
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server?.close());

  const get = async (path: string) => {
    const response = await fetch(origin + path, { redirect: 'manual' });
    return { status: response.status, csp: response.headers.get('content-security-policy'), text: await response.text() };
  };
  const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

  test('/ is a small page linking to GraphiQL, the dashboard, the docs and the endpoint, with no script', async () => {
    const page = await get('/');
    assert.equal(page.status, 200);
    for (const href of ['/graphiql', '/explorer', '/dashboard', '/docs/', '/graphql', '/docs/operations.md']) assert.ok(hrefs(page.text).includes(href), `no link to ${href}`);
    assert.doesNotMatch(page.text, /<script/);
    assert.match(page.csp!, /default-src 'none'/);
    assert.doesNotMatch(page.csp!, /script-src/);
  });

  test('README.md, docs/*.md, BENCHMARKS.md and seeds/README.md each render as a page; an unknown name is a 404', async () => {
    const pages = docPages();
    assert.ok(pages.has('README.md') && pages.has('docs/operations.md') && pages.has('seeds/README.md'));
    for (const [file, href] of pages) {
      const page = await get(href);
      assert.equal(page.status, 200, `${file} at ${href}`);
      assert.match(page.text, /<h1[^>]*>/, `${file} has a title`);
    }
    assert.equal((await get('/docs/package.json')).status, 404);
    assert.equal((await get('/docs/..%2Fpackage.json')).status, 404);
  });

  test('every link between the pages, with its anchor, arrives at a page and a heading', async () => {
    const broken: string[] = [];
    for (const [file, href] of docPages()) {
      for (const link of hrefs((await get(href)).text)) {
        // Other pages of the server (GraphiQL, explorer, export…) are not the docs router's.
        if (/^[a-z]+:/i.test(link) || (link.startsWith('/') && !link.startsWith('/docs'))) continue;
        const [target, anchor] = link.startsWith('#') ? [href, link.slice(1)] : link.split('#');
        if (!target!.startsWith('/')) {
          broken.push(`${file}: ${link} (a repository path without a page)`);
          continue;
        }
        const page = await get(target!);
        if (page.status !== 200) broken.push(`${file}: ${link} (${page.status})`);
        else if (anchor && !page.text.includes(`id="${anchor}"`)) broken.push(`${file}: ${link} (no heading #${anchor})`);
      }
    }
    assert.deepEqual(broken, []);
  });
});
