/** PrismaClient on the chosen database, with SQL statement counting for tests and benchmarks. */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { openPGlite, resolveDatabaseTarget, type DatabaseTarget } from './adapter.js';

export interface Database {
  prisma: PrismaClient;
  target: DatabaseTarget;
  /** Number of SQL statements sent since start (read it before and after an operation). */
  statementCount(): number;
  close(): Promise<void>;
}

export function createDatabase(target: DatabaseTarget = resolveDatabaseTarget()): Database {
  let pglite: PGlite | undefined;
  let adapter;
  if (target.kind === 'postgres') {
    adapter = new PrismaPg({ connectionString: target.url });
  } else {
    pglite = openPGlite(target.dataDir);
    adapter = new PrismaPGlite(pglite);
  }
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  let statements = 0;
  prisma.$on('query', () => {
    statements += 1;
  });
  return {
    prisma,
    target,
    statementCount: () => statements,
    async close() {
      await prisma.$disconnect();
      await pglite?.close();
    },
  };
}
