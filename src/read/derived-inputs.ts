/**
 * The stored inputs of the derived fields (src/resolvers/derived → src/derive) for a page of
 * materials, in one statement, primed into the request's DataLoaders: the derivations then run
 * as they always do, on the same rows, and find every input already loaded. Without this a
 * derived page waits on about ten loader batches in four waves (facts, structures, lattices,
 * reactions, their participants and materials, methods, reference values, the facts' papers); with it, on one
 * round trip. Rows are built by the database as JSON (row_to_json, the column names are Prisma's
 * field names) and become the rows Prisma would return: DateTime fields as Date, the rest as JSON
 * gives them (numbers, strings, arrays, Json values).
 */
import { Prisma } from '@prisma/client';
import type { ComputationalMethod, ComputedProperty, Lattice, Material, Measurement, Paper, Reaction, ReactionParticipant, Structure } from '@prisma/client';
import type { Loaders } from '../db/loaders.js';
import { referenceKey, splitReferenceKey } from '../db/loaders.js';
import type { SqlClient } from '../db/sql.js';
import { REFERENCES } from '../resolvers/derived-support.js';

/** Per model, the fields that arrive as text in JSON but are Date objects in Prisma's rows. */
const DATE_FIELDS: Record<string, string[]> = Object.fromEntries(Prisma.dmmf.datamodel.models.map((m) => [m.name, m.fields.filter((f) => f.type === 'DateTime').map((f) => f.name)]));

/** PostgreSQL's JSON text of a timestamp without time zone is UTC here (as Prisma reads it). */
const toDate = (text: string) => new Date(/Z|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`);

function rowsOf<T>(model: Prisma.ModelName, rows: Record<string, unknown>[]): T[] {
  const dates = DATE_FIELDS[model] ?? [];
  if (dates.length) for (const row of rows) for (const f of dates) if (typeof row[f] === 'string') row[f] = toDate(row[f] as string);
  return rows as T[];
}

const list = (from: string, order = 'x.id') => `(SELECT coalesce(json_agg(x ORDER BY ${order}), '[]'::json) FROM ${from})`;

/**
 * $1 material ids, $2 reference formulas, $3 reference properties. Orders are the loaders' (by
 * id; a reaction's participants by side and position), so each primed list equals what the
 * loader would have fetched.
 */
const INPUTS_SQL = `WITH c AS (SELECT * FROM "ComputedProperty" WHERE "materialId" = ANY($1::int[])),
  r AS (SELECT * FROM "Measurement" WHERE "materialId" = ANY($1::int[])),
  s AS (SELECT * FROM "Structure" WHERE "materialId" = ANY($1::int[])),
  p AS (SELECT * FROM "ReactionParticipant" WHERE "materialId" = ANY($1::int[])),
  rp AS (SELECT * FROM "ReactionParticipant" WHERE "reactionId" IN (SELECT "reactionId" FROM p)),
  ref AS (SELECT * FROM "Material" WHERE formula = ANY($2::text[]))
SELECT ${list('c x')} AS computed,
  ${list('r x')} AS measurements,
  ${list('s x')} AS structures,
  ${list(`"Lattice" x WHERE x."structureId" IN (SELECT id FROM s)`)} AS lattices,
  ${list('p x')} AS participations,
  ${list(`"Reaction" x WHERE x.id IN (SELECT "reactionId" FROM p)`)} AS reactions,
  ${list('rp x', 'x."reactionId", x.side, x.position')} AS participants,
  ${list(`"Material" x WHERE x.id IN (SELECT "materialId" FROM rp)`)} AS "participantMaterials",
  ${list(`"ComputationalMethod" x WHERE x.id IN (SELECT "methodId" FROM c)`)} AS methods,
  ${list('ref x')} AS "referenceMaterials",
  ${list(`"ComputedProperty" x WHERE x."materialId" IN (SELECT id FROM ref) AND x."propertyKey" = ANY($3::text[])`)} AS "referenceComputed",
  ${list(`"Paper" x WHERE x.id IN (SELECT "paperId" FROM c UNION SELECT "paperId" FROM r UNION SELECT "paperId" FROM s UNION SELECT "paperId" FROM "Material" WHERE id = ANY($1::int[]))`)} AS papers`;

interface InputRows {
  computed: Record<string, unknown>[];
  measurements: Record<string, unknown>[];
  structures: Record<string, unknown>[];
  lattices: Record<string, unknown>[];
  participations: Record<string, unknown>[];
  reactions: Record<string, unknown>[];
  participants: Record<string, unknown>[];
  participantMaterials: Record<string, unknown>[];
  methods: Record<string, unknown>[];
  referenceMaterials: Record<string, unknown>[];
  referenceComputed: Record<string, unknown>[];
  papers: Record<string, unknown>[];
}

/** Group rows under every key (an empty list for a key without rows), in the rows' order. */
function grouped<K, T>(keys: Iterable<K>, rows: T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>([...keys].map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return groups;
}

/** Load the derived fields' inputs of these materials in one statement and prime `loaders` with them. */
export async function primeDerivedInputs(sql: SqlClient, loaders: Loaders, materials: Material[]): Promise<void> {
  if (materials.length === 0) return;
  const ids = materials.map((m) => m.id);
  const keys = new Set(materials.flatMap((m) => Object.values(REFERENCES).map((key) => key(m))).filter((k): k is string => k !== null));
  const references = [...keys].map(splitReferenceKey);
  const formulas = [...new Set(references.map(([, formula]) => formula))];
  const properties = [...new Set(references.map(([property]) => property))];
  const [row] = await sql.query<InputRows>(INPUTS_SQL, [ids, formulas, properties]);
  const computed = rowsOf<ComputedProperty>('ComputedProperty', row!.computed);
  const structures = rowsOf<Structure>('Structure', row!.structures);
  const participations = rowsOf<ReactionParticipant>('ReactionParticipant', row!.participations);
  const reactions = rowsOf<Reaction>('Reaction', row!.reactions);
  for (const [id, rows] of grouped(ids, computed, (r) => r.materialId!)) loaders.computedByMaterialId.prime(id, rows);
  for (const [id, rows] of grouped(ids, rowsOf<Measurement>('Measurement', row!.measurements), (r) => r.materialId)) loaders.measurementsByMaterialId.prime(id, rows);
  for (const [id, rows] of grouped(ids, structures, (r) => r.materialId)) loaders.structuresByMaterialId.prime(id, rows);
  for (const [id, rows] of grouped(structures.map((s) => s.id), rowsOf<Lattice>('Lattice', row!.lattices), (r) => r.structureId)) loaders.latticesByStructureId.prime(id, rows);
  for (const [id, rows] of grouped(ids, participations, (r) => r.materialId)) loaders.participationsByMaterialId.prime(id, rows);
  for (const reaction of reactions) loaders.reactionById.prime(reaction.id, reaction);
  for (const [id, rows] of grouped(reactions.map((r) => r.id), rowsOf<ReactionParticipant>('ReactionParticipant', row!.participants), (r) => r.reactionId)) loaders.participantsByReactionId.prime(id, rows);
  for (const m of rowsOf<Material>('Material', row!.participantMaterials)) loaders.materialById.prime(m.id, m);
  for (const m of rowsOf<ComputationalMethod>('ComputationalMethod', row!.methods)) loaders.methodById.prime(m.id, m);
  for (const p of rowsOf<Paper>('Paper', row!.papers)) loaders.paperById.prime(p.id, p);
  const referenceMaterials = new Map(rowsOf<Material>('Material', row!.referenceMaterials).map((m) => [m.id, m]));
  const referenceRows = rowsOf<ComputedProperty>('ComputedProperty', row!.referenceComputed).map((r) => ({ ...r, material: referenceMaterials.get(r.materialId!)! }));
  for (const [key, rows] of grouped(keys, referenceRows, (r) => referenceKey(r.propertyKey, r.material.formula))) loaders.referenceComputed.prime(key, rows);
}
