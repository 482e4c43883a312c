/** Derived fields of a material's composition: molar mass, theoretical capacity and specific energy. */
import type { Material } from '@prisma/client';
import type { Resolvers } from '../../__generated__/resolvers-types.js';
import type { Context } from '../../context.js';
import { gravimetricCapacityMAhPerG, specificEnergyWhPerKg } from '../../derive/capacity.js';
import { chemicalFormulaReduced, parseFormula } from '../../derive/composition.js';
import { constantInput, derived, derivedInput, unavailable, type Derived, type DerivationInput } from '../../derive/quantity.js';
import { computedInput, guarded, inUnit, measuredInput } from '../derived-support.js';
import { averageVoltage } from './voltage.js';
import { valenceOf } from '../../derive/working-ion.js';

export const materialInput = (m: Material): DerivationInput => ({ name: 'formula', value: null, textValue: m.formula, unit: '', source: { paperId: m.paperId, locator: m.locator }, fact: { type: 'Material', id: m.id } });

export function molarMass(m: Material): Derived {
  const composition = guarded('formula', () => parseFormula(m.formula));
  return derived({
    quantity: `molar mass of ${m.formula}`,
    value: composition.molarMassGPerMol,
    unit: 'g/mol',
    formula: 'M = Σᵢ nᵢ·Aᵣ(i), standard atomic weights (IUPAC, via mf-parser)',
    inputs: [materialInput(m)],
  });
}

export async function theoreticalCapacity(context: Context, m: Material, ions: number): Promise<Derived> {
  const quantity = `theoretical gravimetric capacity for ${ions} ${m.workingIon ?? 'ion'} per formula unit`;
  const formula = 'Q = n·z·F / (3.6·M)  [mAh/g; z the ion\'s valence, F in C/mol, M in g/mol]';
  guarded('ionsExchanged', () => gravimetricCapacityMAhPerG(ions, 1, 1));
  if (!m.workingIon) return unavailable({ quantity, unit: 'mAh/g', formula, reason: `${m.name} has no working ion (role ${m.role})` });
  const mass = molarMass(m);
  const content = parseFormula(m.formula).amounts[m.workingIon] ?? 0;
  if (ions > content + 1e-9) {
    return unavailable({ quantity, unit: 'mAh/g', formula, inputs: [materialInput(m)], reason: `${m.formula} holds ${content} ${m.workingIon} per formula unit, fewer than the ${ions} requested` });
  }
  const reportedRows = (await context.loaders.computedByMaterialId.load(m.id)).filter((c) => c.propertyKey === 'theoretical_capacity' && c.value !== null);
  const measuredRows = (await context.loaders.measurementsByMaterialId.load(m.id)).filter((c) => c.propertyKey === 'theoretical_capacity' && c.value !== null);
  return {
    ...derived({
      quantity,
      value: gravimetricCapacityMAhPerG(ions, mass.value!, valenceOf(m.workingIon)),
      unit: 'mAh/g',
      formula,
      inputs: [
        { name: 'n', value: ions, unit: '1', note: `${m.workingIon} ions exchanged per formula unit (argument ionsExchanged); each carries z = ${valenceOf(m.workingIon)} (src/derive/working-ion.ts)` },
        constantInput('F', 96485.33212, 'C/mol', 'Faraday constant, CODATA 2018 (exact), from mathjs'),
        derivedInput('M', mass),
      ],
      assumptions: [`every exchanged ${m.workingIon} ion transfers z = ${valenceOf(m.workingIon)} electron${valenceOf(m.workingIon) === 1 ? '' : 's'}`, 'capacity per mass of the ion-rich (discharged) formula'],
    }),
    comparisons: [...reportedRows.map((r) => computedInput('reported Q', r)), ...measuredRows.map((r) => measuredInput('reported Q', r))],
  };
}


export const capacityResolvers: Resolvers = {
  Material: {
    nelements: (m) => m.elements.length,
    chemicalFormulaReduced: (m) => m.chemicalFormulaReduced ?? chemicalFormulaReduced(parseFormula(m.formula).amounts),
    composition: (m) => Object.entries(parseFormula(m.formula).amounts).map(([element, amount]) => ({ element, amount })),
    molarMass: (m, { unit }) => inUnit(molarMass(m), unit),
    theoreticalCapacity: async (m, { ionsExchanged, unit }, context) => inUnit(await theoreticalCapacity(context, m, ionsExchanged ?? 1), unit),
    specificEnergy: async (m, { ionsExchanged, unit }, context) => {
      const ions = ionsExchanged ?? 1;
      const [voltage, capacity] = await Promise.all([averageVoltage(context, m), theoreticalCapacity(context, m, ions)]);
      const quantity = `theoretical specific energy for ${ions} ${m.workingIon ?? 'ion'} per formula unit`;
      const formula = 'E = V̄·Q  [V × mAh/g = Wh/kg]';
      const inputs = [derivedInput('V̄', voltage), derivedInput('Q', capacity)];
      if (voltage.value === null || capacity.value === null) {
        return inUnit(unavailable({ quantity, unit: 'Wh/kg', formula, inputs, reason: voltage.value === null ? `average voltage unavailable: ${voltage.reason}` : `capacity unavailable: ${capacity.reason}` }), unit);
      }
      return inUnit(derived({ quantity, value: specificEnergyWhPerKg(voltage.value, capacity.value), unit: 'Wh/kg', formula, inputs, assumptions: ['the average voltage holds over the whole capacity range'] }), unit);
    },
  },
};
