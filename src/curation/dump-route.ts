/**
 * GET /curation/export: the server's database as a dump of seed-format files (src/backup/export.ts),
 * for a curator. `npm run export` uses it while this process holds the embedded database.
 * Answers 200 JSON { files: [{ file, text }], counts }; 401 UNAUTHENTICATED; 422 when the database
 * holds something the files cannot carry (the reason says what); 500 if it fails.
 */
import express, { type Router } from 'express';
import { buildDump, EXPORT_PATH, ExportError } from '../backup/export.js';
import type { Database } from '../db/client.js';
import { ErrorCode } from '../errors.js';
import { curatorId, type CuratorAuth } from './auth.js';
import { curatorOrRefuse } from './route-auth.js';

export function dumpRouter(database: Database, curatorAuth: CuratorAuth): Router {
  const router = express.Router();
  router.get(EXPORT_PATH, async (req, res) => {
    const curator = await curatorOrRefuse(curatorAuth, req, res, 'an export');
    if (!curator) return;
    try {
      const dump = await buildDump(database.prisma, database.target.kind);
      console.log(`export by curator ${curatorId(curator)}: ${dump.files.length} files`);
      res.json(dump);
    } catch (error) {
      if (error instanceof ExportError) return void res.status(422).json({ error: error.message, code: ErrorCode.INVALID });
      console.error('export failed:', error);
      res.status(500).json({ error: `the export failed: ${(error as Error).message}`, code: ErrorCode.INTERNAL_SERVER_ERROR });
    }
  });
  return router;
}
