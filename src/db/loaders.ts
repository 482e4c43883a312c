/**
 * One DataLoader set per request (createLoaders in the context). Every loader issues one SQL
 * statement per batch, so a page of N materials with nested facts costs a fixed number of
 * statements whatever N is. Named <entity>By<Key>.
 */
import DataLoader from 'dataloader';
import type {
  ComputationalMethod,
  Coating,
  ComputedProperty,
  CurationEvent,
  FamilyFact,
  InsertionElectrode,
  Lattice,
  Material,
  MaterialFamily,
  Measurement,
  Paper,
  PrismaClient,
  PropertyKey,
  Reaction,
  ReactionParticipant,
  Structure,
} from '@prisma/client';

/**
 * Dispatch a batch on the next macrotask instead of the default microtask: resolvers that await
 * other loaders first (derived fields) reach the same loader a few microtasks apart, and would
 * otherwise split one batch into several depending on timing.
 */
const batchScheduleFn = (callback: () => void) => setImmediate(callback);

/** Batch by a unique key: values come back in key order, null where missing. */
function byUnique<K, T>(fetch: (keys: K[]) => Promise<T[]>, keyOf: (row: T) => K) {
  return new DataLoader<K, T | null>(
    async (keys) => {
      const rows = await fetch([...keys]);
      const map = new Map(rows.map((r) => [keyOf(r), r]));
      return keys.map((k) => map.get(k) ?? null);
    },
    { batchScheduleFn },
  );
}

function byId<T extends { id: number }>(fetch: (ids: number[]) => Promise<T[]>) {
  return byUnique<number, T>(fetch, (r) => r.id);
}

/** Batch a one-to-many relation: every key gets the (possibly empty) list of its rows. */
function groupedBy<K, T>(fetch: (keys: K[]) => Promise<T[]>, keyOf: (row: T) => K) {
  return new DataLoader<K, T[]>(
    async (keys) => {
      const rows = await fetch([...keys]);
      const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
      for (const row of rows) groups.get(keyOf(row))?.push(row);
      return keys.map((k) => groups.get(k)!);
    },
    { batchScheduleFn },
  );
}

/** The paperByDoi key of a DOI: trimmed and lower-cased. */
export function paperDoiKey(doi: string): string {
  return doi.trim().toLowerCase();
}

/** The referenceComputed key of a property computed for the materials of one formula. */
export function referenceKey(property: string, formula: string): string {
  return `${property}|${formula}`;
}
export function splitReferenceKey(key: string): [string, string] {
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}

/** "Measurement:3", "Measurement:5", "ComputedProperty:2" → [["Measurement", [3, 5]], ["ComputedProperty", [2]]]. */
function groupIdsByType(keys: string[]): [string, number[]][] {
  const groups = new Map<string, number[]>();
  for (const key of keys) {
    const [type, id] = key.split(':');
    groups.set(type!, [...(groups.get(type!) ?? []), Number(id)]);
  }
  return [...groups];
}

export function createLoaders(prisma: PrismaClient) {
  const orderById = { id: 'asc' } as const;
  return {
    paperById: byId<Paper>((ids) => prisma.paper.findMany({ where: { id: { in: ids } } })),
    /** Keys are lower-cased DOIs (DOIs are case-insensitive); see paperDoiKey. */
    paperByDoi: byUnique<string, Paper>((dois) => prisma.paper.findMany({ where: { doi: { in: dois, mode: 'insensitive' } } }), (r) => paperDoiKey(r.doi)),
    materialById: byId<Material>((ids) => prisma.material.findMany({ where: { id: { in: ids } } })),
    materialByKey: byUnique<string, Material>((keys) => prisma.material.findMany({ where: { key: { in: keys } } }), (r) => r.key),
    coatingById: byId<Coating>((ids) => prisma.coating.findMany({ where: { id: { in: ids } } })),
    structureById: byId<Structure>((ids) => prisma.structure.findMany({ where: { id: { in: ids } } })),
    measurementById: byId<Measurement>((ids) => prisma.measurement.findMany({ where: { id: { in: ids } } })),
    computedById: byId<ComputedProperty>((ids) => prisma.computedProperty.findMany({ where: { id: { in: ids } } })),
    reactionById: byId<Reaction>((ids) => prisma.reaction.findMany({ where: { id: { in: ids } } })),
    methodById: byId<ComputationalMethod>((ids) => prisma.computationalMethod.findMany({ where: { id: { in: ids } } })),
    methodByKey: byUnique<string, ComputationalMethod>((keys) => prisma.computationalMethod.findMany({ where: { key: { in: keys } } }), (r) => r.key),
    propertyKeyByKey: byUnique<string, PropertyKey>((keys) => prisma.propertyKey.findMany({ where: { key: { in: keys } } }), (r) => r.key),
    familyByKey: byUnique<string, MaterialFamily>((keys) => prisma.materialFamily.findMany({ where: { key: { in: keys } } }), (r) => r.key),
    familyFactById: byId<FamilyFact>((ids) => prisma.familyFact.findMany({ where: { id: { in: ids } } })),
    familyFactsByFamilyKey: groupedBy<string, FamilyFact>((keys) => prisma.familyFact.findMany({ where: { familyKey: { in: keys } }, orderBy: orderById }), (r) => r.familyKey),
    /** The materials a family fact covers, ordered by key: one statement through the member table. */
    membersByFamilyFactId: groupedBy<number, Material & { familyFactId: number }>(
      async (ids) =>
        (await prisma.familyFactMember.findMany({ where: { familyFactId: { in: ids } }, include: { material: true }, orderBy: { material: { key: 'asc' } } })).map(
          (m) => ({ ...m.material, familyFactId: m.familyFactId }),
        ),
      (r) => r.familyFactId,
    ),
    structuresByMaterialId: groupedBy<number, Structure>((ids) => prisma.structure.findMany({ where: { materialId: { in: ids } }, orderBy: orderById }), (r) => r.materialId),
    latticesByStructureId: groupedBy<number, Lattice>((ids) => prisma.lattice.findMany({ where: { structureId: { in: ids } }, orderBy: orderById }), (r) => r.structureId),
    measurementsByMaterialId: groupedBy<number, Measurement>((ids) => prisma.measurement.findMany({ where: { materialId: { in: ids } }, orderBy: orderById }), (r) => r.materialId),
    computedByMaterialId: groupedBy<number, ComputedProperty>((ids) => prisma.computedProperty.findMany({ where: { materialId: { in: ids } }, orderBy: orderById }), (r) => r.materialId),
    /**
     * Reference values computed for the materials of one formula, with the material: keyed
     * "<property>|<formula>", e.g. "total_energy|Na" (the working-ion metal for Eq. 1) or
     * "neg_ipcohp|O2" (the O2 molecule's −IpCOHP). Two statements per batch, both on indexes:
     * the reference materials by formula, then their facts by (materialId, propertyKey). (One
     * statement with a relation filter made PostgreSQL read every row of the property, which
     * grows with the database: 107k rows for 100k materials.)
     */
    referenceComputed: groupedBy<string, ComputedProperty & { material: Material }>(
      async (keys) => {
        const pairs = keys.map(splitReferenceKey);
        const materials = await prisma.material.findMany({ where: { formula: { in: [...new Set(pairs.map(([, formula]) => formula))] } } });
        if (materials.length === 0) return [];
        const byId = new Map(materials.map((m) => [m.id, m]));
        const rows = await prisma.computedProperty.findMany({
          where: { materialId: { in: [...byId.keys()] }, propertyKey: { in: [...new Set(pairs.map(([property]) => property))] } },
          orderBy: orderById,
        });
        return rows.map((r) => ({ ...r, material: byId.get(r.materialId)! }));
      },
      (r) => referenceKey(r.propertyKey, r.material.formula),
    ),
    /** Curation history keyed by "Type:id" (e.g. "Measurement:12"), oldest first. */
    curationEventsByEntity: groupedBy<string, CurationEvent>(
      (keys) =>
        prisma.curationEvent.findMany({
          where: { OR: groupIdsByType(keys).map(([entityType, ids]) => ({ entityType, entityId: { in: ids } })) },
          orderBy: orderById,
        }),
      (r) => `${r.entityType}:${r.entityId}`,
    ),
    coatedFormsBySubstrateId: groupedBy<number, Material>((ids) => prisma.material.findMany({ where: { substrateId: { in: ids } }, orderBy: orderById }), (r) => r.substrateId!),
    coatedMaterialsByCoatingId: groupedBy<number, Material>((ids) => prisma.material.findMany({ where: { coatingId: { in: ids } }, orderBy: orderById }), (r) => r.coatingId!),
    participantsByReactionId: groupedBy<number, ReactionParticipant>((ids) => prisma.reactionParticipant.findMany({ where: { reactionId: { in: ids } }, orderBy: [{ side: 'asc' }, { position: 'asc' }] }), (r) => r.reactionId),
    participationsByMaterialId: groupedBy<number, ReactionParticipant>((ids) => prisma.reactionParticipant.findMany({ where: { materialId: { in: ids } }, orderBy: orderById }), (r) => r.materialId),
    materialsByPaperId: groupedBy<number, Material>((ids) => prisma.material.findMany({ where: { paperId: { in: ids } }, orderBy: orderById }), (r) => r.paperId),
    coatingsByPaperId: groupedBy<number, Coating>((ids) => prisma.coating.findMany({ where: { paperId: { in: ids } }, orderBy: orderById }), (r) => r.paperId),
    methodsByPaperId: groupedBy<number, ComputationalMethod>((ids) => prisma.computationalMethod.findMany({ where: { paperId: { in: ids } }, orderBy: orderById }), (r) => r.paperId),
    electrodeById: byId<InsertionElectrode>((ids) => prisma.insertionElectrode.findMany({ where: { id: { in: ids } } })),
    electrodeByBatteryId: byUnique<string, InsertionElectrode>((keys) => prisma.insertionElectrode.findMany({ where: { batteryId: { in: keys } } }), (r) => r.batteryId),
    /** Electrodes a material is the charged or the discharged end of. */
    electrodesByMaterialId: new DataLoader<number, InsertionElectrode[]>(
      async (ids) => {
        const rows = await prisma.insertionElectrode.findMany({ where: { OR: [{ chargedMaterialId: { in: [...ids] } }, { dischargedMaterialId: { in: [...ids] } }] }, orderBy: orderById });
        return ids.map((id) => rows.filter((r) => r.chargedMaterialId === id || r.dischargedMaterialId === id));
      },
      { batchScheduleFn },
    ),
    computedByElectrodeId: groupedBy<number, ComputedProperty>((ids) => prisma.computedProperty.findMany({ where: { electrodeId: { in: ids } }, orderBy: orderById }), (r) => r.electrodeId!),
    /** Number of electrodes per source (database exports). */
    electrodeCountByPaperId: new DataLoader<number, number>(
      async (ids) => {
        const counts = await prisma.insertionElectrode.groupBy({ by: ['paperId'], where: { paperId: { in: [...ids] } }, _count: { _all: true } });
        return ids.map((id) => counts.find((c) => c.paperId === id)?._count._all ?? 0);
      },
      { batchScheduleFn },
    ),
    /** Materials of one OPTIMADE reduced formula, from every source (cross-source links). */
    materialsByReducedFormula: groupedBy<string, Material>((formulas) => prisma.material.findMany({ where: { chemicalFormulaReduced: { in: formulas } }, orderBy: orderById }), (r) => r.chemicalFormulaReduced!),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
