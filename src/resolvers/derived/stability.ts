/** The thermodynamic-stability assessment of a material from its stored energies, distances and reactions. */
import type { Material, Reaction } from '@prisma/client';
import type { Resolvers } from '../../__generated__/resolvers-types.js';
import type { Context } from '../../context.js';
import { assess, type Assessment, type StabilityInputs } from '../../derive/stability.js';
import { computedInput, reactionEquation, REFERENCES, valueIn } from '../derived-support.js';

export async function stabilityOf(context: Context, m: Material): Promise<Assessment> {
  const { loaders } = context;
  const [computed, structures, participations] = await Promise.all([
    loaders.computedByMaterialId.load(m.id),
    loaders.structuresByMaterialId.load(m.id),
    loaders.participationsByMaterialId.load(m.id),
  ]);
  const structureById = new Map(structures.map((s) => [s.id, s]));
  const of = (key: string) => computed.filter((c) => c.propertyKey === key && c.value !== null);
  const relative = of('relative_energy').filter((c) => c.configuration);
  const inputs: StabilityInputs = {
    relativeEnergies: relative.map((c) => ({ configuration: c.configuration!, valueMeV: valueIn(c, 'meV/f.u.')!, evidence: computedInput(`ΔE(${c.configuration})`, c) })),
    deltaEAfmFm: null,
    reductionEnthalpy: null,
    competingPhases: [],
    shortestOODistances: [],
    ooIpcohp: [],
    o2Ipcohp: null,
  };
  // ΔE(AFM−FM) of the ion-rich structure of the ground-state polymorph (Table I for R-3 Na1MO3).
  const groundPolymorph = [...relative].sort((a, b) => a.value! - b.value!)[0]?.configuration?.split(/\s+/)[0];
  const deltaRows = of('delta_e_afm_fm')
    .filter((c) => c.structureId !== null)
    .map((c) => ({ c, s: structureById.get(c.structureId!)! }))
    .filter(({ s }) => !groundPolymorph || s.spaceGroupSymbol === groundPolymorph)
    .sort((a, b) => (b.s.alkaliContent ?? 0) - (a.s.alkaliContent ?? 0));
  if (deltaRows[0]) inputs.deltaEAfmFm = { valueMeV: valueIn(deltaRows[0].c, 'meV/f.u.')!, evidence: computedInput(`ΔE(AFM−FM) ${deltaRows[0].s.label}`, deltaRows[0].c) };
  const reduction = of('reduction_enthalpy')[0];
  if (reduction) inputs.reductionEnthalpy = { valueEV: valueIn(reduction, 'eV/f.u.')!, evidence: computedInput('ΔE_reduction', reduction) };
  const reactionIds = [...new Set(participations.filter((p) => p.side === 'REACTANT').map((p) => p.reactionId))];
  const reactions = (await loaders.reactionById.loadMany(reactionIds)).filter((r): r is Reaction => r !== null && !(r instanceof Error));
  // All equations at once: one participants batch and one materials batch, whatever the count.
  const decompositions = reactions.filter((r) => r.propertyKey === 'decomposition_enthalpy');
  const equations = await Promise.all(decompositions.map((r) => reactionEquation(context, r)));
  decompositions.forEach((r, i) => {
    const equation = equations[i]!;
    inputs.competingPhases.push({ equation, valueEV: valueIn(r, 'eV')!, evidence: { name: `ΔH(${equation})`, value: r.value, unit: r.unit, source: { paperId: r.paperId, locator: r.locator }, fact: { type: 'Reaction', id: r.id } } });
  });
  const seen = new Set<string>();
  for (const c of of('o_o_distance').filter((c) => c.site?.toLowerCase().startsWith('shortest'))) {
    const label = c.structureId ? structureById.get(c.structureId)!.label : m.formula;
    if (seen.has(`${label}:${c.value}`)) continue; // the same distance printed in two tables
    seen.add(`${label}:${c.value}`);
    inputs.shortestOODistances.push({ structure: label, valueA: valueIn(c, 'Å')!, evidence: computedInput(`d(O–O) ${label}`, c) });
  }
  for (const c of of('neg_ipcohp').filter((c) => c.site === 'O–O')) {
    const label = c.structureId ? structureById.get(c.structureId)!.label : m.formula;
    inputs.ooIpcohp.push({ structure: label, valueEV: valueIn(c, 'eV')!, evidence: computedInput(`−IpCOHP(O–O) ${label}`, c) });
  }
  if (m.elements.includes('O') && m.formula !== 'O2') {
    const ipcohp = await loaders.referenceComputed.load(REFERENCES.o2Ipcohp());
    const o2 = ipcohp.find((r) => r.value !== null);
    if (o2) inputs.o2Ipcohp = { valueEV: valueIn(o2, 'eV')!, evidence: computedInput('−IpCOHP(O2 molecule)', o2) };
  }
  return assess(inputs);
}

export const stabilityResolvers: Resolvers = {
  Material: {
    stability: (m, _args, context) => stabilityOf(context, m),
  },
};
