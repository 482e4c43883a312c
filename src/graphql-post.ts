/**
 * POST /graphql on node:http, without express: the request every client and gateway sends
 * (`Content-Type: application/json`, a Content-Length within the body limit, no content
 * encoding) goes from the socket to Apollo Server's `executeHTTPGraphQLRequest` and back.
 * express's router, body-parser, response wrappers and ETag hashing cost about a third of the
 * server's CPU on a small query (BENCHMARKS.md, issue 13). Every other request, including the
 * unusual /graphql ones (a charset other than UTF-8, gzip, chunked bodies, GET), goes to express,
 * which answers as before; the guards (the allow-list, the JSON error bodies) are shared.
 */
import type http from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';
import { allowlistRefusal, bodyReadError, type AllowlistGuard } from './security/http.js';

export interface GraphqlPostOptions<TContext extends BaseContext> {
  server: ApolloServer<TContext>;
  context: (req: http.IncomingMessage) => Promise<TContext>;
  /** The path served, without query string. */
  path: string;
  maxBodyBytes: number;
  allowlist?: AllowlistGuard;
}

/** Whether a Content-Type is plain JSON in UTF-8, the one body-parser would read as we do here. */
function isPlainJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  // Anything less plain (other parameters, odd spacing) is express's to judge.
  const type = contentType.toLowerCase().trim().replace(/\s*;\s*/g, ';');
  return type === 'application/json' || type === 'application/json;charset=utf-8' || type === 'application/json;charset="utf-8"';
}

/**
 * The handler, or false when a request is not one it takes (express then answers it). It takes
 * only what it answers exactly as express.json + the Apollo integration would.
 */
export function graphqlPostHandler<TContext extends BaseContext>(options: GraphqlPostOptions<TContext>): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  const { server, context, path, maxBodyBytes, allowlist } = options;
  return (req, res) => {
    if (req.method !== 'POST' || req.url !== path || !isPlainJson(req.headers['content-type'])) return false;
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
    // No length (a chunked body), an empty body or one past the limit: express's answers.
    const length = Number(req.headers['content-length']);
    if (!(length > 0 && length <= maxBodyBytes)) return false;
    const chunks: Buffer[] = [];
    // A client gone mid-body: nothing to answer.
    req.on('error', () => res.destroy());
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      respond(Buffer.concat(chunks)).catch((error: unknown) => {
        console.error('internal error before GraphQL:', error);
        if (!res.headersSent) send(res, bodyReadError({ status: 500 }));
        else res.destroy();
      });
    });
    return true;

    async function respond(bytes: Buffer) {
      const body = parseJsonBody(bytes);
      if (body instanceof Error) {
        send(res, bodyReadError({ status: 400, type: 'entity.parse.failed' }));
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const refusal = allowlist && allowlistRefusal(allowlist, { method: 'POST', body, header: (name) => headers.get(name) });
      if (refusal) {
        send(res, refusal);
        return;
      }
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: '', body },
        context: () => context(req),
      });
      await write(res, response);
    }
  };
}

/** body-parser's strict JSON: an object or an array (after an optional byte-order mark), or an Error. */
function parseJsonBody(bytes: Buffer): unknown {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  // JSON's own whitespace only, as body-parser's strict check.
  const first = /^[ \t\n\r]*(.)/s.exec(text)?.[1];
  if (first !== '{' && first !== '[') return new Error('not a JSON object or array');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return error as Error;
  }
}

function send(res: http.ServerResponse, { status, body }: { status: number; body: unknown }) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function write(res: http.ServerResponse, response: HTTPGraphQLResponse) {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
