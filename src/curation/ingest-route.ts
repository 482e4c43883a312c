/**
 * POST /curation/ingest?name=<paper.yaml>[&dryRun=true]: one paper's data file, sent by a curator
 * (Authorization: Bearer <token>) as application/yaml, validated with the server's seeds/ and
 * loaded in one transaction by the same code as `npm run ingest` (src/seed/ingest.ts). So a paper
 * can be added while `npm start` serves the embedded database, which only the server may open.
 *
 * An HTTP endpoint rather than a mutation: a paper's file is YAML of up to a few hundred kB,
 * beyond the 100 kB that /graphql accepts, and its answer is the CLI's report.
 * Answers JSON: 200 { dryRun, written, summary }; 401 UNAUTHENTICATED; 400 BAD_USER_INPUT (name);
 * 415 (not YAML); 413 PAYLOAD_TOO_LARGE; 422 BAD_USER_INPUT with every problem in `problems`.
 */
import express, { type ErrorRequestHandler, type Router } from 'express';
import type { Database } from '../db/client.js';
import { ErrorCode } from '../errors.js';
import { countWrites } from '../seed/load.js';
import { ingestSummary, ingestText } from '../seed/ingest.js';
import { SeedValidationError } from '../seed/validate.js';
import type { CuratorAuth } from './auth.js';
import { curatorOrRefuse } from './route-auth.js';

export const INGEST_PATH = '/curation/ingest';
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];
/** Ten times the largest paper file so far (88 kB). */
const MAX_FILE_BYTES = '5mb';

export function ingestRouter(database: Database, curatorAuth: CuratorAuth): Router {
  const router = express.Router();
  router.post(INGEST_PATH, express.text({ type: YAML_TYPES, limit: MAX_FILE_BYTES }), async (req, res) => {
    const curator = await curatorOrRefuse(curatorAuth, req, res, 'ingesting');
    if (!curator) return;
    if (typeof req.body !== 'string') return res.status(415).json({ error: `send the file with content-type ${YAML_TYPES[0]}`, code: ErrorCode.BAD_USER_INPUT });
    const name = typeof req.query.name === 'string' ? req.query.name : '';
    if (!/^[\w.-]+\.ya?ml$/.test(name)) return res.status(400).json({ error: 'name= must be the file name, e.g. smith2024-lfp.yaml', code: ErrorCode.BAD_USER_INPUT });
    const dryRun = req.query.dryRun === 'true' || req.query.dryRun === '1';
    try {
      const result = await ingestText(database.prisma, name, req.body, { dryRun });
      console.log(`ingest ${name} by curator ${curator.name}${dryRun ? ' (dry run)' : ''}: ${countWrites(result.report)} rows`);
      res.json({ dryRun, written: dryRun ? 0 : countWrites(result.report), summary: ingestSummary(result, 'the server\'s database') });
    } catch (error) {
      if (!(error instanceof SeedValidationError)) {
        console.error('ingest failed:', error);
        return res.status(500).json({ error: 'Internal server error', code: ErrorCode.INTERNAL_SERVER_ERROR });
      }
      res.status(422).json({ error: error.message, code: ErrorCode.BAD_USER_INPUT, problems: error.issues });
    }
  });
  const unreadable: ErrorRequestHandler = (error, _req, res, next) => {
    const status = (error as { status?: number }).status;
    if (res.headersSent || typeof status !== 'number' || status >= 500) return next(error);
    res.status(status).json({ error: status === 413 ? `the file is larger than ${MAX_FILE_BYTES}` : 'the body cannot be read', code: status === 413 ? 'PAYLOAD_TOO_LARGE' : ErrorCode.BAD_USER_INPUT });
  };
  router.use(INGEST_PATH, unreadable);
  return router;
}
