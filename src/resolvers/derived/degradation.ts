/** Degradation fields: capacity fade, coated-vs-pristine comparisons, transition-metal migration. */
import type { Material, Measurement, Structure } from '@prisma/client';
import type { Resolvers } from '../../__generated__/resolvers-types.js';
import type { Context } from '../../context.js';
import { CAPACITY_FADE, COATING_PAIR, comparePair, cyclesToRetention, fadePerCycleFraction, migrationReversibility, TM_MIGRATION, type Better } from '../../derive/degradation.js';
import { derived, derivedInput, unavailable, type Derived, type DerivationInput } from '../../derive/quantity.js';
import { requireProperties } from '../filters.js';
import { guarded, inUnit, measuredInput, sameConditions, valueIn } from '../derived-support.js';

export interface CapacityFadeParent {
  retention: Measurement;
  endOfLifePercent: number;
}
export interface CoatingEffectParent {
  pristine: Measurement;
  coated: Measurement;
  /** The property's direction of improvement, from the vocabulary. */
  better: Better | null;
}
export interface TmMigrationParent {
  pristine: Structure;
  charged: Structure;
  discharged: Structure;
}

async function coatingPairs(context: Context, m: Material, properties: readonly string[] | null | undefined): Promise<CoatingEffectParent[]> {
  if (properties?.length) await requireProperties(context, properties, 'properties');
  const { loaders } = context;
  const pairsOf = async (pristine: Material, coated: Material) => {
    const [p, c] = await Promise.all([loaders.measurementsByMaterialId.load(pristine.id), loaders.measurementsByMaterialId.load(coated.id)]);
    // Each property's semantics (set-up parameter? which way is better?) from the vocabulary, in one batch.
    const keys = [...new Set(c.map((cm) => cm.propertyKey))];
    const definitions = new Map((await loaders.propertyKeyByKey.loadMany(keys)).map((d, i) => [keys[i]!, d instanceof Error ? null : d]));
    const out: CoatingEffectParent[] = [];
    for (const cm of c) {
      if (cm.value === null) continue;
      const definition = definitions.get(cm.propertyKey);
      if (properties?.length ? !properties.includes(cm.propertyKey) : definition?.setup) continue;
      const match = p.find((pm) => pm.value !== null && pm.propertyKey === cm.propertyKey && pm.site === cm.site && sameConditions(pm, cm));
      if (match) out.push({ pristine: match, coated: cm, better: definition?.better ?? null });
    }
    return out;
  };
  if (m.substrateId) {
    const substrate = await loaders.materialById.load(m.substrateId);
    return substrate ? pairsOf(substrate, m) : [];
  }
  const forms = await loaders.coatedFormsBySubstrateId.load(m.id);
  return (await Promise.all(forms.map((f) => pairsOf(m, f)))).flat();
}

async function tmMigration(context: Context, m: Material): Promise<TmMigrationParent | null> {
  const structures = (await context.loaders.structuresByMaterialId.load(m.id)).filter((s) => s.tmInLiLayerPercent !== null && s.state);
  const find = (pattern: RegExp) => structures.find((s) => pattern.test(s.state!));
  const pristine = find(/^pristine/i);
  const charged = find(/^charged/i);
  const discharged = find(/^discharged/i);
  return pristine && charged && discharged ? { pristine, charged, discharged } : null;
}

const tmInput = (name: string, s: Structure): DerivationInput => ({ name, value: s.tmInLiLayerPercent, unit: '%', source: { paperId: s.paperId, locator: s.locator }, fact: { type: 'Structure', id: s.id } });


function fadeOf({ retention, endOfLifePercent }: CapacityFadeParent): { fade: Derived; cycles: Derived } {
  const r = valueIn(retention, '1')!;
  const n = retention.cycleNumber!;
  const inputs = [measuredInput(`R(${n})`, retention), { name: 'N', value: n, unit: 'cycle', source: { paperId: retention.paperId, locator: retention.locator } }];
  const assumptions = [...CAPACITY_FADE.assumptions];
  if (!(r > 0 && r <= 1)) {
    const reason = `retention ${retention.value} ${retention.unit} is not in (0, 100 %]`;
    return { fade: unavailable({ quantity: 'capacity fade per cycle', unit: '1', formula: CAPACITY_FADE.formula, inputs, reason }), cycles: unavailable({ quantity: 'cycles to end of life', unit: 'cycle', formula: CAPACITY_FADE.cyclesFormula, inputs, reason }) };
  }
  const fade = derived({ quantity: 'capacity fade per cycle', value: fadePerCycleFraction(r, n), unit: '1', formula: CAPACITY_FADE.formula, inputs, assumptions });
  const cycles = cyclesToRetention(r, n, endOfLifePercent / 100);
  return {
    fade,
    cycles: Number.isFinite(cycles)
      ? derived({ quantity: `cycles to ${endOfLifePercent} % retention`, value: cycles, unit: 'cycle', formula: CAPACITY_FADE.cyclesFormula, inputs: [...inputs, { name: 'EOL', value: endOfLifePercent, unit: '%', note: 'end-of-life retention (argument endOfLifePercent)' }], assumptions })
      : unavailable({ quantity: `cycles to ${endOfLifePercent} % retention`, unit: 'cycle', formula: CAPACITY_FADE.cyclesFormula, inputs, reason: 'no fade measured (100 % retention)' }),
  };
}

function coatingComparison({ pristine, coated, better }: CoatingEffectParent) {
  const p = pristine.value!;
  const c = valueIn(coated, pristine.unit)!;
  const cmp = comparePair(better, p, c);
  const inputs = [measuredInput('pristine', pristine), measuredInput('coated', coated)];
  const assumptions = [...COATING_PAIR.assumptions];
  return {
    difference: derived({ quantity: `${coated.propertyKey} coated − pristine`, value: cmp.difference, unit: pristine.unit, formula: COATING_PAIR.differenceFormula, inputs, assumptions }),
    ratio:
      cmp.ratio === null
        ? unavailable({ quantity: `${coated.propertyKey} coated / pristine`, unit: '1', formula: COATING_PAIR.ratioFormula, inputs, reason: 'the pristine value is 0' })
        : derived({ quantity: `${coated.propertyKey} coated / pristine`, value: cmp.ratio, unit: '1', formula: COATING_PAIR.ratioFormula, inputs, assumptions }),
    coatedBetter: cmp.coatedBetter,
  };
}

function migration(t: TmMigrationParent) {
  const r = migrationReversibility({ pristinePercent: t.pristine.tmInLiLayerPercent!, chargedPercent: t.charged.tmInLiLayerPercent!, dischargedPercent: t.discharged.tmInLiLayerPercent! });
  const p = tmInput('TM(pristine)', t.pristine);
  const c = tmInput('TM(charged)', t.charged);
  const d = tmInput('TM(discharged)', t.discharged);
  const assumptions = [...TM_MIGRATION.assumptions];
  const migrated = derived({ quantity: 'TM migrated into the Li layer on charge', value: r.migratedOnChargePoints, unit: '%', formula: TM_MIGRATION.migratedFormula, inputs: [c, p], assumptions });
  const returned = derived({ quantity: 'TM returned on discharge', value: r.returnedOnDischargePoints, unit: '%', formula: TM_MIGRATION.returnedFormula, inputs: [c, d], assumptions });
  return {
    migrated,
    returned,
    residual: derived({ quantity: 'TM left in the Li layer after discharge, above pristine', value: r.residualPoints, unit: '%', formula: TM_MIGRATION.residualFormula, inputs: [d, p], assumptions }),
    reversible:
      r.reversibleFraction === null
        ? unavailable({ quantity: 'reversible fraction of TM migration', unit: '1', formula: TM_MIGRATION.reversibleFormula, inputs: [c, p, d], reason: 'no TM migrated on charge' })
        : derived({ quantity: 'reversible fraction of TM migration', value: r.reversibleFraction, unit: '1', formula: TM_MIGRATION.reversibleFormula, inputs: [derivedInput('returned', returned), derivedInput('migrated', migrated)], assumptions }),
  };
}


export const degradationResolvers: Resolvers = {
  Material: {
    capacityFade: async (m, { endOfLifePercent }, context) => {
      const eol = endOfLifePercent ?? 80;
      guarded('endOfLifePercent', () => cyclesToRetention(0.9, 1, eol / 100));
      return (await context.loaders.measurementsByMaterialId.load(m.id))
        .filter((r) => r.propertyKey === 'capacity_retention' && r.value !== null && r.cycleNumber !== null && r.cycleNumber > 0)
        .map((retention) => ({ retention, endOfLifePercent: eol }));
    },
    coatingEffects: (m, { properties }, context) => coatingPairs(context, m, properties),
    tmMigration: (m, _args, context) => tmMigration(context, m),
  },
  CapacityFade: {
    fadePerCycle: (f, { unit }) => inUnit(fadeOf(f).fade, unit ?? '%'),
    cyclesToEndOfLife: (f) => fadeOf(f).cycles,
  },
  CoatingEffect: {
    property: async (e, _a, { loaders }) => (await loaders.propertyKeyByKey.load(e.coated.propertyKey))!,
    site: (e) => e.coated.site,
    difference: (e, { unit }) => inUnit(coatingComparison(e).difference, unit),
    ratio: (e) => coatingComparison(e).ratio,
    coatedBetter: (e) => coatingComparison(e).coatedBetter,
  },
  TmMigration: {
    migratedOnCharge: (t) => migration(t).migrated,
    returnedOnDischarge: (t) => migration(t).returned,
    residualAfterDischarge: (t) => migration(t).residual,
    reversibleFraction: (t, { unit }) => inUnit(migration(t).reversible, unit ?? '%'),
  },
};
