/**
 * `npm run chaos -- [--trials N] [--db pglite|postgres|both] [--seed S]`: a bounded kill -9 campaign
 * on databases of its own (temp folders; databases created on TEST_DATABASE_URL's server and
 * dropped after, never the server's others). Trials cycle through four kinds:
 *   migrate  `migrate deploy` on an empty database,
 *   seed     `npm run seed` (papers and the Materials Project export) on a migrated database,
 *   ingest   `npm run ingest -- <paper.yaml>` (a new paper of 200 measurements) on a seeded one,
 *   curate   the server under a curator adding measurements and correcting values (two
 *            corrections of one value at once, a stale one, and a seeded value the loads must
 *            keep), while a paper is POSTed to /curation/ingest and, on PostgreSQL, `npm run seed`
 *            runs beside the server,
 * and SIGKILLs the process group (every process of the trial) at a moment drawn from a seeded
 * random sequence over the kind's measured duration. Then the database must start again
 * (`migrate deploy`, a seed, and for curate the server) and hold every acknowledged write:
 *   - each acknowledged measurement, with its last acknowledged value (or a correction that was in
 *     flight at the kill);
 *   - each fact's CORRECT_VALUE history one chain: the first `before` is the value added, each
 *     next `before` the previous `after`, the last `after` the stored value;
 *   - of two simultaneous corrections of one value, at most one acknowledged; a stale one refused;
 *   - a load (seed, ingest) all or nothing, and an acknowledged one all there.
 * Prints one line per trial and per-kind totals; exit 1 if anything was lost, inconsistent or a
 * database did not start again.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DatabaseTarget } from '../src/db/adapter.js';
import { adminQuery, dropDatabase } from '../src/db/admin.js';
import { createDatabase } from '../src/db/client.js';
import { fromGlobalId, toGlobalId } from '../src/ids.js';
import { SEED_DIR } from '../src/seed/run.js';

const { values } = parseArgs({ options: { trials: { type: 'string', default: '8' }, db: { type: 'string' }, seed: { type: 'string', default: '1' }, kinds: { type: 'string', default: 'migrate,seed,ingest,curate' } } });
const trials = Number(values.trials);
const adminUrl = process.env.TEST_DATABASE_URL;
const dbOption = values.db ?? (adminUrl ? 'both' : 'pglite');
const databases = (dbOption === 'both' ? ['pglite', 'postgres'] : [dbOption]) as ('pglite' | 'postgres')[];
if (!Number.isInteger(trials) || trials < 1) throw new Error('--trials must be a whole number ≥ 1');
if (databases.some((d) => d !== 'pglite' && d !== 'postgres')) throw new Error('--db must be pglite, postgres or both');
if (databases.includes('postgres') && !adminUrl) throw new Error('--db postgres needs TEST_DATABASE_URL (a role that may CREATE DATABASE)');

const allKinds = ['migrate', 'seed', 'ingest', 'curate'] as const;
type Kind = (typeof allKinds)[number];
const kinds = values.kinds.split(',') as Kind[];
if (kinds.some((k) => !allKinds.includes(k))) throw new Error(`--kinds: a comma-separated list of ${allKinds.join(', ')}`);
type DbKind = 'pglite' | 'postgres';

const TOKEN = 'chaos-curator-secret-0123456789';
const CURATOR_DOI = '10.1038/s41560-021-00782-0'; // yoon2021-coxb-ncm811.yaml
const INGEST_ROWS = 200;

/** mulberry32: the kill moments are a function of --seed (the processes' timing is not). */
let randomState = Number(values.seed) >>> 0;
function random(): number {
  randomState = (randomState + 0x6d2b79f5) >>> 0;
  let t = randomState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'cathode-kb-chaos-'));
/** seeds/ without the Materials Project export: the quick seed of the restart checks and of `curate`. */
const papersDir = path.join(work, 'papers');
mkdirSync(papersDir);
for (const f of readdirSync(SEED_DIR)) if (f.endsWith('.yaml')) copyFileSync(path.join(SEED_DIR, f), path.join(papersDir, f));
const paperCount = readdirSync(papersDir).filter((f) => f !== 'vocabulary.yaml').length;

/** A new paper's file with `rows` measurements, as a curator would ingest it. */
function paperFile(doi: string, key: string, rows: number): string {
  const lines = [`paper: {doi: ${doi}, title: A paper ingested during a crash trial, journal: J, year: 2026}`, 'materials:', `  - {key: ${key}, name: LiFePO4 (chaos), formula: LiFePO4, role: cathode, locator: Table 1}`, 'measurements:'];
  for (let i = 0; i < rows; i++) lines.push(`  - {material: ${key}, property: discharge_capacity, value: ${140 + (i % 30)}, unit: mAh/g, locator: Fig. ${i + 1}}`);
  return `${lines.join('\n')}\n`;
}

interface Db {
  target: DatabaseTarget;
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

let serial = 0;
/** A database of its own: empty, or a copy of `template` (a folder or a PostgreSQL database name). */
async function newDatabase(kind: DbKind, template?: string): Promise<Db & { name: string }> {
  serial++;
  if (kind === 'pglite') {
    const dataDir = path.join(work, `db-${serial}`);
    if (template) cpSync(template, dataDir, { recursive: true });
    else mkdirSync(dataDir);
    return { name: dataDir, target: { kind, dataDir }, env: { PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `cathode_kb_chaos_${process.pid}_${serial}`;
  await adminQuery(adminUrl!, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = Object.assign(new URL(adminUrl!), { pathname: `/${name}` }).toString();
  return { name, target: { kind, url }, env: { DATABASE_URL: url, PGLITE_DATA_DIR: '' }, drop: () => dropDatabase(adminUrl!, name) };
}

const tsx = (script: string[]) => [process.execPath, ['--import', 'tsx', ...script]] as const;
const MIGRATE = ['src/db/prisma-cli.ts', 'migrate', 'deploy'];
const SEED_FULL = ['src/seed/run.ts'];
const SEED_PAPERS = ['src/seed/run.ts', papersDir];

function run(script: string[], env: NodeJS.ProcessEnv): { ok: boolean; output: string; seconds: number } {
  const started = performance.now();
  const [cmd, argv] = tsx(script);
  const r = spawnSync(cmd, argv, { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.slice(-600), seconds: (performance.now() - started) / 1000 };
}

/** A process in a group of its own, so that one kill reaches it and its children (the Prisma CLI under the wrapper). */
function start(script: string[], env: NodeJS.ProcessEnv, onLine?: (line: string) => void): ChildProcess {
  const [cmd, argv] = tsx(script);
  const child = spawn(cmd, argv, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let buffered = '';
  const read = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) onLine?.(line);
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  return child;
}
const exited = (child: ChildProcess) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve())));
function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    /* already gone */
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server on `env`'s database; resolves with its /graphql URL once it prints it. */
function startServer(env: NodeJS.ProcessEnv): { child: ChildProcess; ready: Promise<string> } {
  let resolveUrl: (url: string) => void;
  let rejectUrl: (error: Error) => void;
  const ready = new Promise<string>((resolve, reject) => ((resolveUrl = resolve), (rejectUrl = reject)));
  const lines: string[] = [];
  const child = start(['src/server.ts'], { ...env, PORT: '0', HOST: '127.0.0.1', CURATOR_TOKENS: `chaos:${TOKEN}` }, (line) => {
    lines.push(line);
    const match = /GraphQL endpoint: (\S+)/.exec(line);
    if (match) resolveUrl(match[1]!.replace('localhost', '127.0.0.1'));
  });
  child.once('exit', (code, signal) => rejectUrl(new Error(`the server exited (${code ?? signal}) before it listened: ${lines.slice(-8).join('\n')}`)));
  return { child, ready };
}

interface Outcome {
  kind: Kind;
  database: DbKind;
  killedAtS: number;
  finishedBeforeKill: boolean;
  acknowledged: number;
  lost: string[];
  unstartable?: string;
}

/** Rows of the tables a seed fills, as one string: a killed seed must leave one of the states a whole load gives. */
async function loadState(target: DatabaseTarget): Promise<string> {
  const database = createDatabase(target);
  try {
    const { prisma } = database;
    return `${await prisma.paper.count()} papers, ${await prisma.measurement.count()} measurements, ${await prisma.insertionElectrode.count()} electrodes`;
  } finally {
    await database.close();
  }
}

interface Templates {
  migrated: string;
  seeded: string;
  /** What a database holds migrated, with the papers, and with the papers and the Materials Project export. */
  states: { empty: string; papers: string; full: string };
  /** Seconds an uninterrupted run of each kind takes here: the window the kill moment is drawn from. */
  seconds: Record<Kind, number>;
}

async function prepare(kind: DbKind): Promise<Templates & { drop(): Promise<void> }> {
  const migrated = await newDatabase(kind);
  const m = run(MIGRATE, migrated.env);
  if (!m.ok) throw new Error(`set-up: migrate deploy failed: ${m.output}`);
  const seeded = await newDatabase(kind, migrated.name);
  const s = run(SEED_PAPERS, seeded.env);
  if (!s.ok) throw new Error(`set-up: seed failed: ${s.output}`);
  // One uninterrupted run of each load the trials kill, to know when it is busy.
  const seconds = { migrate: m.seconds, seed: 0, ingest: 0, curate: 4 };
  const states = { empty: await loadState(migrated.target), papers: await loadState(seeded.target), full: '' };
  if (kinds.includes('seed')) {
    const full = await newDatabase(kind, migrated.name);
    const seedRun = run(SEED_FULL, full.env);
    if (!seedRun.ok) throw new Error(`set-up: full seed failed: ${seedRun.output}`);
    states.full = await loadState(full.target);
    seconds.seed = seedRun.seconds;
    await full.drop();
  }
  if (kinds.includes('ingest')) {
    const ingestDb = await newDatabase(kind, seeded.name);
    const file = path.join(work, 'calibrate.yaml');
    writeFileSync(file, paperFile('10.9999/chaos-calibrate', 'chaos-calibrate', INGEST_ROWS));
    const ingestRun = run(['src/seed/ingest.ts', file], ingestDb.env);
    await ingestDb.drop();
    if (!ingestRun.ok) throw new Error(`set-up: ingest failed: ${ingestRun.output}`);
    seconds.ingest = ingestRun.seconds;
  }
  const timed = kinds.filter((k) => k !== 'curate');
  if (timed.length > 0) console.log(`${kind}: uninterrupted ${timed.map((k) => `${k} ${seconds[k].toFixed(1)} s`).join(', ')}`);
  return {
    migrated: migrated.name,
    seeded: seeded.name,
    states,
    seconds,
    drop: async () => {
      await migrated.drop();
      await seeded.drop();
    },
  };
}

/** After the kill the database must migrate and take a seed again (and for curate, serve). */
async function restart(db: Db, kind: Kind): Promise<string | undefined> {
  const m = run(MIGRATE, db.env);
  if (!m.ok) return `migrate deploy failed: ${m.output}`;
  const s = run(kind === 'seed' ? SEED_FULL : SEED_PAPERS, db.env);
  if (!s.ok) return `seed failed: ${s.output}`;
  if (kind !== 'curate') return undefined;
  const server = startServer(db.env);
  try {
    const url = await server.ready;
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ papers { doi } }' }) });
    const body = (await response.json()) as { data?: { papers: unknown[] } };
    if (!body.data || body.data.papers.length < paperCount) return `the restarted server answered ${response.status} ${JSON.stringify(body).slice(0, 300)}`;
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    killGroup(server.child); // a kill again: the checks below reopen the database
    await exited(server.child);
  }
}

/** A fact the curator added or corrected: every value it may hold now, the first the acknowledged one. */
interface Tracked {
  id: string;
  label: string;
  original: number;
  acknowledged: number;
  /** Corrections sent after the last acknowledged one that got no answer before the kill: they may have committed. */
  inFlight: number[];
  acknowledgedCorrections: number;
}

async function curate(db: Db, trial: number, killAfterMs: number, outcome: Outcome): Promise<{ tracked: Tracked[]; ingested: { doi: string; acknowledged: boolean }; problems: string[] }> {
  const problems: string[] = [];
  // A seeded value the curator corrects: a seed running meanwhile must keep it.
  const before = createDatabase(db.target);
  const seededRow = await before.prisma.measurement.findFirstOrThrow({ where: { paper: { doi: CURATOR_DOI }, value: { not: null }, valueMax: null, propertyKey: 'discharge_capacity' }, orderBy: { id: 'asc' } });
  await before.close();
  const tracked: Tracked[] = [{ id: toGlobalId('Measurement', seededRow.id), label: `seeded measurement ${seededRow.id}`, original: seededRow.value!, acknowledged: seededRow.value!, inFlight: [], acknowledgedCorrections: 0 }];
  const ingested = { doi: `10.9999/chaos-ingest-${trial}`, acknowledged: false };

  const server = startServer(db.env);
  const url = await server.ready;
  const origin = new URL(url).origin;
  const killAt = Date.now() + killAfterMs;
  let alive = true;
  const others: ChildProcess[] = [];
  // PostgreSQL only: a seed beside the server (the embedded database admits one process).
  if (db.target.kind === 'postgres') others.push(start(SEED_PAPERS, db.env));
  const killer = sleep(killAfterMs).then(async () => {
    alive = false;
    for (const child of [server.child, ...others]) killGroup(child);
    await Promise.all([server.child, ...others].map(exited));
  });

  const post = async (query: string, variables: object) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: any; errors?: unknown };
  };
  const CORRECT = 'mutation($input: CorrectValueInput!) { correctValue(input: $input) { corrected { id } errors { code } } }';
  /** Correct `fact` from what it holds to `value`; the answer (true: acknowledged, false: refused), or undefined if none came. */
  const correct = async (fact: Tracked, expected: number, value: number, reason: string): Promise<boolean | undefined> => {
    fact.inFlight.push(value);
    let body;
    try {
      body = await post(CORRECT, { input: { id: fact.id, value, expectedValue: expected, reason } });
    } catch {
      return undefined; // no answer: it may or may not have committed
    }
    const errors = body.data?.correctValue?.errors as { code: string }[] | undefined;
    if (!errors) return undefined;
    if (fact.inFlight.includes(value)) fact.inFlight.splice(fact.inFlight.indexOf(value), 1);
    if (errors.length > 0) {
      if (errors[0]!.code !== 'CONFLICT') problems.push(`${fact.label}: correction refused with ${errors[0]!.code}, not CONFLICT`);
      return false;
    }
    fact.acknowledged = value;
    fact.acknowledgedCorrections++;
    fact.inFlight.length = 0; // anything older in flight lost its race against this one
    return true;
  };

  const ingest = (async () => {
    try {
      const response = await fetch(`${origin}/curation/ingest?name=chaos-${trial}.yaml`, {
        method: 'POST',
        headers: { 'content-type': 'application/yaml', authorization: `Bearer ${TOKEN}` },
        body: paperFile(ingested.doi, `chaos-ingest-${trial}`, INGEST_ROWS),
      });
      if (response.ok) ingested.acknowledged = true;
      else problems.push(`ingest refused: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
    } catch {
      /* killed before it answered */
    }
  })();

  for (let i = 0; alive && Date.now() < killAt; i++) {
    try {
      const locator = `chaos ${trial}/${i}`;
      const value = 150 + (i % 50);
      const added = await post('mutation($input: MeasurementInput!) { addMeasurement(input: $input) { measurement { id value } errors { code message } } }', {
        input: { paperDoi: CURATOR_DOI, materialKey: 'ncm811', property: 'discharge_capacity', value, unit: 'mAh/g', locator, conditions: { cRate: 0.1 } },
      });
      const payload = added.data?.addMeasurement;
      if (!payload) continue;
      if (payload.errors.length > 0) {
        problems.push(`addMeasurement refused: ${JSON.stringify(payload.errors)}`);
        continue;
      }
      const fact: Tracked = { id: payload.measurement.id, label: locator, original: value, acknowledged: value, inFlight: [], acknowledgedCorrections: 0 };
      tracked.push(fact);
      // Two curators correct the same value at once: one may win, the other must get CONFLICT.
      const [a, b] = await Promise.all([correct(fact, value, value + 0.5, `chaos ${trial}/${i} a`), correct(fact, value, value + 0.25, `chaos ${trial}/${i} b`)]);
      if (a === true && b === true) problems.push(`${locator}: both simultaneous corrections of ${value} were acknowledged`);
      if (a === false && b === false) problems.push(`${locator}: both simultaneous corrections of ${value} were refused`);
      // A stale correction (of the value before the last one) must be refused.
      if ((a || b) && (await correct(fact, value, value + 9, `chaos ${trial}/${i} stale`)) === true) problems.push(`${locator}: a stale correction (expected ${value}) was acknowledged`);
      // The seeded value, corrected once more from what was last acknowledged.
      const seeded = tracked[0]!;
      await correct(seeded, seeded.acknowledged, seeded.original + (i + 1) * 0.125, `chaos ${trial}/${i} seeded`);
    } catch {
      break; // the server is gone
    }
  }
  await killer;
  await ingest;
  outcome.acknowledged += tracked.reduce((n, t) => n + t.acknowledgedCorrections, 0) + tracked.length - 1 + (ingested.acknowledged ? 1 : 0);
  return { tracked, ingested, problems };
}

/** Every value a tracked fact may hold, its CORRECT_VALUE chain, and a load's rows all or nothing. */
async function verify(db: Db, templates: Templates, kind: Kind, result: Awaited<ReturnType<typeof curate>> | undefined, ingestDoi: string | undefined, ingestAcknowledged: boolean, outcome: Outcome): Promise<void> {
  const database = createDatabase(db.target);
  const { prisma } = database;
  try {
    for (const fact of result?.tracked ?? []) {
      const id = fromGlobalId(fact.id).id;
      const row = await prisma.measurement.findUnique({ where: { id } });
      if (!row) {
        outcome.lost.push(`${fact.label}: acknowledged, missing`);
        continue;
      }
      const possible = [fact.acknowledged, ...fact.inFlight];
      if (!possible.includes(row.value!)) outcome.lost.push(`${fact.label}: holds ${row.value}, acknowledged ${fact.acknowledged}${fact.inFlight.length ? ` (in flight: ${fact.inFlight.join(', ')})` : ''}`);
      const events = await prisma.curationEvent.findMany({ where: { entityType: 'Measurement', entityId: id, action: 'CORRECT_VALUE' }, orderBy: { id: 'asc' } });
      let previous = fact.original;
      for (const e of events) {
        const beforeValue = (e.before as { value?: number } | null)?.value;
        if (beforeValue !== previous) outcome.lost.push(`${fact.label}: history breaks at event ${e.id}: before ${beforeValue}, the value then was ${previous}`);
        previous = (e.after as { value: number }).value;
      }
      if (previous !== row.value) outcome.lost.push(`${fact.label}: history ends at ${previous}, the row holds ${row.value}`);
      if (events.length < fact.acknowledgedCorrections) outcome.lost.push(`${fact.label}: ${fact.acknowledgedCorrections} acknowledged corrections, ${events.length} in its history`);
    }
    for (const problem of result?.problems ?? []) outcome.lost.push(problem);
    if (ingestDoi) {
      const rows = await prisma.measurement.count({ where: { paper: { doi: ingestDoi } } });
      if (rows !== 0 && rows !== INGEST_ROWS) outcome.lost.push(`ingest of ${ingestDoi} left ${rows} of ${INGEST_ROWS} measurements (a partial load)`);
      if (ingestAcknowledged && rows !== INGEST_ROWS) outcome.lost.push(`ingest of ${ingestDoi} was acknowledged, ${rows} of ${INGEST_ROWS} measurements are stored`);
    }
  } finally {
    await database.close();
  }
  if (kind === 'seed') {
    const state = await loadState(db.target);
    if (state !== templates.states.full) outcome.lost.push(`after the seed that followed the kill: ${state}; a whole seed gives ${templates.states.full}`);
  }
}

async function trial(templates: Templates, database: DbKind, kind: Kind, index: number): Promise<Outcome> {
  // A load is killed anywhere over its duration (~10 % of the kills come after its end); the
  // curator's server 1.5 to 5.5 s after it listens, so that every curate trial has writes to check.
  const killAfterMs = Math.round(kind === 'curate' ? (1.5 + random() * 4) * 1000 : (0.1 + random()) * templates.seconds[kind] * 1000);
  const outcome: Outcome = { kind, database, killedAtS: killAfterMs / 1000, finishedBeforeKill: false, acknowledged: 0, lost: [] };
  const db = await newDatabase(database, kind === 'migrate' ? undefined : kind === 'seed' ? templates.migrated : templates.seeded);
  try {
    let result: Awaited<ReturnType<typeof curate>> | undefined;
    let ingestDoi: string | undefined;
    let ingestAcknowledged = false;
    if (kind === 'curate') {
      result = await curate(db, index, killAfterMs, outcome);
      ingestDoi = result.ingested.doi;
      ingestAcknowledged = result.ingested.acknowledged;
    } else {
      let script = kind === 'migrate' ? MIGRATE : SEED_FULL;
      if (kind === 'ingest') {
        ingestDoi = `10.9999/chaos-ingest-${index}`;
        const file = path.join(work, `chaos-${index}.yaml`);
        writeFileSync(file, paperFile(ingestDoi, `chaos-ingest-${index}`, INGEST_ROWS));
        script = ['src/seed/ingest.ts', file];
      }
      let printed = '';
      const child = start(script, db.env, (line) => (printed += `${line}\n`));
      const killer = sleep(killAfterMs).then(() => killGroup(child));
      await Promise.race([killer, exited(child)]);
      outcome.finishedBeforeKill = child.exitCode !== null;
      killGroup(child);
      await exited(child);
      if (outcome.finishedBeforeKill && child.exitCode !== 0) outcome.lost.push(`${kind} failed on its own: ${printed.slice(-300)}`);
      ingestAcknowledged = kind === 'ingest' && /\ningested into /.test(`\n${printed}`);
      if (ingestAcknowledged) outcome.acknowledged++;
      // A killed load is all or nothing: check before the restart's seed completes it.
      if (kind === 'seed') {
        const state = await loadState(db.target);
        if (!Object.values(templates.states).includes(state)) outcome.lost.push(`a killed seed left ${state}: not a state a whole load gives (${Object.values(templates.states).join(' / ')})`);
      }
    }
    await sleep(200); // the killed processes' lock and sockets are gone
    outcome.unstartable = await restart(db, kind);
    if (!outcome.unstartable) await verify(db, templates, kind, result, ingestDoi, ingestAcknowledged, outcome);
    return outcome;
  } finally {
    await db.drop();
  }
}

const outcomes: Outcome[] = [];
try {
  for (const database of databases) {
    const templates = await prepare(database);
    try {
      for (let i = 0; i < trials; i++) {
        const kind = kinds[i % kinds.length]!;
        const o = await trial(templates, database, kind, i);
        outcomes.push(o);
        const verdict = o.unstartable ? `DID NOT START AGAIN: ${o.unstartable}` : o.lost.length ? `LOST OR INCONSISTENT: ${o.lost.join('; ')}` : 'started again, nothing lost';
        console.log(`${database} #${i} ${kind}: killed at ${o.killedAtS.toFixed(2)} s${o.finishedBeforeKill ? ' (had finished)' : ''}, ${o.acknowledged} acknowledged write(s); ${verdict}`);
      }
    } finally {
      await templates.drop();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
for (const database of databases) {
  const mine = outcomes.filter((o) => o.database === database);
  const perKind = allKinds.map((k) => {
    const of = mine.filter((o) => o.kind === k);
    return `${of.length} ${k}${of.some((o) => o.finishedBeforeKill) ? ` (${of.filter((o) => o.finishedBeforeKill).length} had finished)` : ''}`;
  });
  console.log(
    `${database}: ${mine.length} kill -9 trials (${perKind.join(', ')}), ${mine.reduce((n, o) => n + o.acknowledged, 0)} acknowledged writes checked, ` +
      `${mine.filter((o) => o.lost.length > 0).length} trials with lost or inconsistent writes (${mine.reduce((n, o) => n + o.lost.length, 0)} findings), ${mine.filter((o) => o.unstartable).length} databases that did not start again`,
  );
}
process.exitCode = outcomes.some((o) => o.lost.length > 0 || o.unstartable) ? 1 : 0;
