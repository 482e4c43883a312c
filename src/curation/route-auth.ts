/** The curator of an HTTP request to a curation endpoint (not /graphql), or a 401 answer in JSON. */
import type { Request, Response } from 'express';
import { ErrorCode } from '../errors.js';
import { CuratorAuthError, type Curator, type CuratorAuth } from './auth.js';

/** The request's curator; null once a 401 saying why (`doing`, e.g. "ingesting") has been sent. */
export async function curatorOrRefuse(curatorAuth: CuratorAuth, req: Request, res: Response, doing: string): Promise<Curator | null> {
  let curator;
  try {
    curator = await curatorAuth.authenticate(req.headers.authorization);
  } catch (error) {
    if (!(error instanceof CuratorAuthError)) throw error;
    res.status(401).json({ error: error.message, code: ErrorCode.UNAUTHENTICATED });
    return null;
  }
  if (!curator) res.status(401).json({ error: `${doing} needs a curator token: Authorization: Bearer <token>`, code: ErrorCode.UNAUTHENTICATED });
  return curator;
}
