/** Per-request context: the database client, a fresh DataLoader set and the caller's curator identity. */
import type { PrismaClient } from '@prisma/client';
import type { Curator } from './curation/auth.js';
import { createLoaders, type Loaders } from './db/loaders.js';

export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
  /** Set when the request carries a valid curator token; reads never need it. */
  curator: Curator | null;
}

export function createContext(prisma: PrismaClient, curator: Curator | null = null): Context {
  return { prisma, loaders: createLoaders(prisma), curator };
}
