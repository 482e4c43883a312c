/** Per-request context: the database client and a fresh DataLoader set. */
import type { PrismaClient } from '@prisma/client';
import { createLoaders, type Loaders } from './db/loaders.js';

export interface Context {
  prisma: PrismaClient;
  loaders: Loaders;
}

export function createContext(prisma: PrismaClient): Context {
  return { prisma, loaders: createLoaders(prisma) };
}
