/**
 * Curator authentication for mutations. Two ways, configured by environment:
 * - CURATOR_TOKENS="alice:<secret>,bob:<secret>": named shared secrets (each ≥ 16 characters);
 * - CURATOR_JWT_SECRET=<≥ 32 characters>: HS256 JWTs (jose) whose `sub` names the curator and whose
 *   `scope` contains `curate`; `sub` must not be blank and `exp` is required, at most
 *   CURATOR_JWT_MAX_LIFETIME_SECONDS (default 86400, one day) from now: a leaked long-lived token
 *   cannot curate for years.
 * A curator is recorded with its namespace, `token:alice` or `jwt:alice` (see curatorId): a JWT whose
 * subject is "alice" is someone other than the holder of alice's shared token.
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

/** The name stored as `curatedBy` and in the history: the curator's namespace and name. */
export const curatorId = (curator: Curator) => `${curator.via}:${curator.name}`;

export const DEFAULT_JWT_MAX_LIFETIME_SECONDS = 86_400;

export function loadCuratorAuth(env: NodeJS.ProcessEnv = process.env): CuratorAuth {
  const tokens = parseTokens(env.CURATOR_TOKENS);
  const jwtSecret = env.CURATOR_JWT_SECRET;
  if (jwtSecret !== undefined && jwtSecret.length < 32) throw new CuratorConfigError('CURATOR_JWT_SECRET must be at least 32 characters');
  const key = jwtSecret ? new TextEncoder().encode(jwtSecret) : null;
  const maxLifetime = env.CURATOR_JWT_MAX_LIFETIME_SECONDS?.trim() ? Number(env.CURATOR_JWT_MAX_LIFETIME_SECONDS) : DEFAULT_JWT_MAX_LIFETIME_SECONDS;
  if (!Number.isInteger(maxLifetime) || maxLifetime <= 0) throw new CuratorConfigError('CURATOR_JWT_MAX_LIFETIME_SECONDS must be a positive whole number of seconds');
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
          const subject = payload.sub!.trim();
          if (!subject) throw new CuratorAuthError('the token\'s subject (sub) is blank: it must name the curator');
          if (payload.exp! - Date.now() / 1000 > maxLifetime) {
            throw new CuratorAuthError(`the token expires more than ${maxLifetime} s from now (CURATOR_JWT_MAX_LIFETIME_SECONDS); issue a shorter-lived one`);
          }
          return { name: subject, via: 'jwt' };
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
