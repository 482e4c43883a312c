/**
 * GET /curation/backup: the server's database as a backup file (src/backup/format.ts), for a
 * curator (Authorization: Bearer <token>). `npm run backup` uses it while this process holds the
 * embedded database, which no other process may open.
 *
 * The snapshot is written to a temporary file first and sent from there: on the embedded database
 * the backup's transaction holds its only connection, so it must last as long as reading the
 * rows takes, not as long as a slow client takes to download them.
 * Answers 200 application/gzip with Content-Length; 401 UNAUTHENTICATED; 500 JSON if it fails.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import express, { type Router } from 'express';
import { BACKUP_PATH, writeBackup } from '../backup/backup.js';
import type { Database } from '../db/client.js';
import { ErrorCode } from '../errors.js';
import { curatorId, type CuratorAuth } from './auth.js';
import { curatorOrRefuse } from './route-auth.js';

export function backupRouter(database: Database, curatorAuth: CuratorAuth): Router {
  const router = express.Router();
  router.get(BACKUP_PATH, async (req, res) => {
    const curator = await curatorOrRefuse(curatorAuth, req, res, 'a backup');
    if (!curator) return;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-backup-'));
    const file = path.join(dir, 'backup.jsonl.gz');
    try {
      const { rowCounts } = await writeBackup(database.prisma, database.target.kind, createWriteStream(file));
      console.log(`backup by curator ${curatorId(curator)}: ${Object.values(rowCounts).reduce((a, b) => a + b, 0)} rows`);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      res.attachment(`cathode-kb-${stamp}.jsonl.gz`).type('application/gzip').setHeader('content-length', statSync(file).size);
      await pipeline(createReadStream(file), res);
    } catch (error) {
      console.error('backup failed:', error);
      // After the first byte the client sees a cut-off transfer, which npm run backup refuses.
      if (!res.headersSent) res.status(500).json({ error: `the backup failed: ${(error as Error).message}`, code: ErrorCode.INTERNAL_SERVER_ERROR });
      else res.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return router;
}
