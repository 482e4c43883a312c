/**
 * `npm run chaos -- [--trials N] [--db pglite|postgres|both]`: a bounded kill -9 campaign on test
 * databases of its own (temp folders; databases created on TEST_DATABASE_URL's server and dropped
 * after, never the server itself). Each trial starts one of
 *   migrate  `migrate deploy` on an empty database,
 *   seed     `npm run seed` on a migrated database,
 *   curate   the server with a curator adding measurements and correcting a value,
 * kills it (and its children) with SIGKILL at a random moment, and checks that the database starts
 * again (`migrate deploy` and a full seed succeed) and still holds every write that was acknowledged
 * before the kill. Prints per-kind figures; exit 1 if anything was lost or a database did not start.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseTarget } from '../src/db/adapter.js';
import { adminQuery, dropDatabase } from '../src/db/admin.js';
import { createDatabase } from '../src/db/client.js';
import { startServerProcess } from './lib/server-process.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const trials = Number(option('--trials', '6'));
const adminUrl = process.env.TEST_DATABASE_URL;
const kinds = ['migrate', 'seed', 'curate'] as const;
type Kind = (typeof kinds)[number];
const databases = option('--db', adminUrl ? 'both' : 'pglite') === 'both' ? (['pglite', 'postgres'] as const) : ([option('--db', 'pglite')] as ('pglite' | 'postgres')[]);
if (databases.includes('postgres') && !adminUrl) throw new Error('--db postgres needs TEST_DATABASE_URL (a role that may CREATE DATABASE)');

const TOKEN = 'chaos-curator-secret-0123456789';
const DOI = '10.1038/s41560-021-00782-0';

interface Outcome {
  kind: Kind;
  database: string;
  acknowledged: number;
  lost: number;
  unstartable: boolean;
  note?: string;
}

/** A fresh empty database of its own. */
async function freshTarget(kind: 'pglite' | 'postgres', trial: number): Promise<{ target: DatabaseTarget; env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-chaos-'));
    return { target: { kind, dataDir }, env: { PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `cathode_kb_chaos_${process.pid}_${trial}`;
  await adminQuery(adminUrl!, `CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(adminUrl!), { pathname: `/${name}` }).toString();
  return { target: { kind, url }, env: { DATABASE_URL: url, PGLITE_DATA_DIR: '' }, drop: () => dropDatabase(adminUrl!, name) };
}

const run = (script: string[], env: NodeJS.ProcessEnv) => spawnSync(process.execPath, ['--import', 'tsx', ...script], { env: { ...process.env, ...env }, encoding: 'utf8' });
const start = (script: string[], env: NodeJS.ProcessEnv) => spawn(process.execPath, ['--import', 'tsx', ...script], { env: { ...process.env, ...env }, detached: true, stdio: 'ignore' });
const killGroup = (child: ChildProcess) => {
  try {
    process.kill(-child.pid!, 'SIGKILL'); // the process and its children (the Prisma CLI under the wrapper)
  } catch {
    child.kill('SIGKILL'); // not a group leader (the server): the process itself
  }
};
const exited = (child: ChildProcess) => (child.exitCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve())));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Wait until a killed group's processes are gone (the embedded database's lock names one of them). */
const settle = () => sleep(300);

/** After the kill: the database must migrate and take a full seed again. */
function restarts(env: NodeJS.ProcessEnv): string | undefined {
  const migrate = run(['src/db/prisma-cli.ts', 'migrate', 'deploy'], env);
  if (migrate.status !== 0) return `migrate deploy failed: ${(migrate.stdout + migrate.stderr).slice(-400)}`;
  const seed = run(['src/seed/run.ts'], env);
  if (seed.status !== 0) return `seed failed: ${(seed.stdout + seed.stderr).slice(-400)}`;
  return undefined;
}

async function trial(kind: Kind, database: 'pglite' | 'postgres', index: number): Promise<Outcome> {
  const { target, env, drop } = await freshTarget(database, index);
  const outcome: Outcome = { kind, database, acknowledged: 0, lost: 0, unstartable: false };
  const acknowledged: string[] = [];
  let corrected: { id: string; value: number } | undefined;
  try {
    if (kind !== 'migrate' && run(['src/db/prisma-cli.ts', 'migrate', 'deploy'], env).status !== 0) throw new Error('set-up migrate failed');
    if (kind === 'curate' && run(['src/seed/run.ts'], env).status !== 0) throw new Error('set-up seed failed');
    if (kind === 'migrate' || kind === 'seed') {
      const child = start(kind === 'migrate' ? ['src/db/prisma-cli.ts', 'migrate', 'deploy'] : ['src/seed/run.ts'], env);
      await sleep(500 + Math.random() * 4000);
      killGroup(child);
      await exited(child);
    } else {
      const server = await startServerProcess({ ...env, CURATOR_TOKENS: `chaos:${TOKEN}` });
      const post = async (query: string, variables: object) => {
        const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ query, variables }) });
        return (await response.json()) as { data?: any };
      };
      const killAt = Date.now() + 300 + Math.random() * 2500;
      const killer = sleep(killAt - Date.now()).then(() => killGroup(server.child));
      let value = 0;
      for (let i = 0; Date.now() < killAt; i++) {
        try {
          const locator = `chaos ${index}/${i}`;
          const added = await post('mutation($input: MeasurementInput!) { addMeasurement(input: $input) { measurement { id value } errors { code } } }', {
            input: { paperDoi: DOI, materialKey: 'ncm811', property: 'discharge_capacity', value: 150 + (i % 50), unit: 'mAh/g', locator, conditions: { cRate: 0.1 } },
          });
          const m = added.data?.addMeasurement.measurement;
          if (!m) continue;
          acknowledged.push(locator);
          value = m.value;
          const next = value + 0.5;
          const c = await post('mutation($input: CorrectValueInput!) { correctValue(input: $input) { errors { code } } }', { input: { id: m.id, value: next, expectedValue: value, reason: `chaos ${index}/${i}` } });
          if (c.data?.correctValue.errors.length === 0) corrected = { id: m.id, value: next };
        } catch {
          break; // the server is gone
        }
      }
      await killer;
      await exited(server.child);
    }
    await settle();
    const problem = restarts(env);
    if (problem) {
      outcome.unstartable = true;
      outcome.note = problem;
      return outcome;
    }
    outcome.acknowledged = acknowledged.length + (corrected ? 1 : 0);
    if (kind === 'curate') {
      const db = createDatabase(target);
      try {
        const stored = new Set((await db.prisma.measurement.findMany({ where: { locator: { in: acknowledged } }, select: { locator: true } })).map((m) => m.locator));
        outcome.lost = acknowledged.filter((l) => !stored.has(l)).length;
        if (corrected) {
          const { fromGlobalId } = await import('../src/ids.js');
          const row = await db.prisma.measurement.findUnique({ where: { id: fromGlobalId(corrected.id).id } });
          if (row?.value !== corrected.value) outcome.lost += 1;
        }
      } finally {
        await db.close();
      }
    }
    return outcome;
  } finally {
    await drop();
  }
}

const outcomes: Outcome[] = [];
for (const database of databases) {
  for (let i = 0; i < trials; i++) {
    const kind = kinds[i % kinds.length]!;
    const outcome = await trial(kind, database, i);
    outcomes.push(outcome);
    console.log(`${database} #${i} ${kind}: ${outcome.unstartable ? `DID NOT START AGAIN (${outcome.note})` : `restarted, ${outcome.acknowledged} acknowledged write(s), ${outcome.lost} lost`}`);
  }
}
for (const database of databases) {
  const mine = outcomes.filter((o) => o.database === database);
  console.log(
    `${database}: ${mine.length} kill -9 trials (${kinds.map((k) => `${mine.filter((o) => o.kind === k).length} ${k}`).join(', ')}), ` +
      `${mine.reduce((n, o) => n + o.acknowledged, 0)} acknowledged writes, ${mine.reduce((n, o) => n + o.lost, 0)} lost, ${mine.filter((o) => o.unstartable).length} databases that did not start`,
  );
}
process.exitCode = outcomes.some((o) => o.lost > 0 || o.unstartable) ? 1 : 0;
