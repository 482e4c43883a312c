// Prisma 6.19 with the JavaScript schema engine: migrations run through the same driver
// adapter as the server (PGlite by default, PostgreSQL when DATABASE_URL is postgres://),
// so no native engine has to be downloaded.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { createMigrationAdapter } from './src/db/adapter.ts';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  // CATHODE_KB_MIGRATIONS_DIR: only a restore sets it, to an earlier prefix of prisma/migrations (src/backup/restore.ts).
  migrations: { path: process.env.CATHODE_KB_MIGRATIONS_DIR || path.join('prisma', 'migrations') },
  adapter: createMigrationAdapter,
});
