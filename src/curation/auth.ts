/**
 * Curator authentication for mutations. Two ways, configured by environment:
 * - CURATOR_TOKENS="alice:<secret>,bob:<secret>": named shared secrets (each ≥ 16 characters);
 * - CURATOR_JWT_SECRET=<≥ 32 characters>: HS256 JWTs (jose) whose `sub` names the curator and whose
 *   `scope` contains `curate`; `exp` is required.
 * The token comes as `Authorization: Bearer <token>`. Without either variable, no one can curate.
 */
import { timingSafeEqual } from 'node:crypto';
import { jwtVerify } from 'jose';

export interface Curator {
  name: string;
  via: 'token' | 'jwt';
}

export interface CuratorAuth {
  /** The curator a header authenticates, null without a header; throws CuratorAuthError for a bad one. */
  authenticate(authorization: string | undefined): Promise<Curator | null>;
  enabled: boolean;
}

export class CuratorAuthError extends Error {}
export class CuratorConfigError extends Error {}

export function loadCuratorAuth(env: NodeJS.ProcessEnv = process.env): CuratorAuth {
  const tokens = parseTokens(env.CURATOR_TOKENS);
  const jwtSecret = env.CURATOR_JWT_SECRET;
  if (jwtSecret !== undefined && jwtSecret.length < 32) throw new CuratorConfigError('CURATOR_JWT_SECRET must be at least 32 characters');
  const key = jwtSecret ? new TextEncoder().encode(jwtSecret) : null;
  return {
    enabled: tokens.length > 0 || key !== null,
    async authenticate(authorization) {
      if (!authorization) return null;
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!match) throw new CuratorAuthError('the Authorization header must be "Bearer <curator token>"');
      const presented = match[1]!;
      for (const t of tokens) {
        if (sameSecret(presented, t.secret)) return { name: t.name, via: 'token' };
      }
      if (key && presented.split('.').length === 3) {
        try {
          const { payload } = await jwtVerify(presented, key, { algorithms: ['HS256'], requiredClaims: ['sub', 'exp'] });
          const scopes = typeof payload.scope === 'string' ? payload.scope.split(/\s+/) : [];
          if (!scopes.includes('curate')) throw new CuratorAuthError('the token lacks the "curate" scope');
          return { name: payload.sub!, via: 'jwt' };
        } catch (error) {
          if (error instanceof CuratorAuthError) throw error;
          throw new CuratorAuthError(`invalid curator token: ${(error as Error).message}`);
        }
      }
      throw new CuratorAuthError('invalid curator token');
    },
  };
}

function parseTokens(value: string | undefined): { name: string; secret: string }[] {
  if (!value) return [];
  return value.split(',').map((entry) => {
    const at = entry.indexOf(':');
    const name = entry.slice(0, at).trim();
    const secret = entry.slice(at + 1).trim();
    if (at < 1 || !/^[\w.@-]+$/.test(name)) throw new CuratorConfigError('CURATOR_TOKENS entries look like "name:secret"');
    if (secret.length < 16) throw new CuratorConfigError(`CURATOR_TOKENS: the secret of "${name}" must be at least 16 characters`);
    return { name, secret };
  });
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
