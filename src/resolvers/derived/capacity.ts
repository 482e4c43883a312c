/** Derived fields of a material's composition: molar mass, theoretical capacity and specific energy. */
import type { Material, Measurement } from '@prisma/client';
import type { Resolvers } from '../../__generated__/resolvers-types.js';
import type { Context } from '../../context.js';
import { capacityNotApplicable, FARADAY_C_PER_MOL, FARADAY_NOTE, gravimetricCapacityMAhPerG, SPECIFIC_ENERGY, specificEnergyWhPerKg, THEORETICAL_CAPACITY } from '../../derive/capacity.js';
import { chemicalFormulaReduced, MOLAR_MASS_FORMULA, parseFormula } from '../../derive/composition.js';
import { constantInput, derived, derivedInput, factSource, reported, unavailable, type Derived, type DerivationInput } from '../../derive/quantity.js';
import { computedInput, guarded, inUnit, measuredInput, sameConditions, valueIn } from '../derived-support.js';
import { chooseAverageVoltage } from './voltage.js';
import { valenceOf } from '../../derive/working-ion.js';

export const materialInput = (m: Material): DerivationInput => ({ name: 'formula', value: null, textValue: m.formula, unit: '', source: { paperId: m.paperId, locator: m.locator }, fact: { type: 'Material', id: m.id } });

export function molarMass(m: Material): Derived {
  const composition = guarded('formula', () => parseFormula(m.formula));
  return derived({ quantity: `molar mass of ${m.formula}`, value: composition.molarMassGPerMol, unit: 'g/mol', formula: MOLAR_MASS_FORMULA, inputs: [materialInput(m)] });
}

export async function theoreticalCapacity(context: Context, m: Material, ions: number, ionsNote = 'argument ionsExchanged'): Promise<Derived> {
  const quantity = `theoretical gravimetric capacity for ${ions} ${m.workingIon ?? 'ion'} per formula unit`;
  const { unit, formula, assumptions } = THEORETICAL_CAPACITY;
  guarded('ionsExchanged', () => gravimetricCapacityMAhPerG(ions, 1, 1));
  const inactive = capacityNotApplicable(m.name, m.role);
  if (inactive) return unavailable({ quantity, unit, formula, inputs: [materialInput(m)], reason: inactive });
  if (!m.workingIon) return unavailable({ quantity, unit, formula, reason: `${m.name} has no working ion (role ${m.role})` });
  const mass = molarMass(m);
  const content = parseFormula(m.formula).amounts[m.workingIon] ?? 0;
  if (ions > content + 1e-9) {
    return unavailable({ quantity, unit, formula, inputs: [materialInput(m)], reason: `${m.formula} holds ${content} ${m.workingIon} per formula unit, fewer than the ${ions} requested` });
  }
  const reportedRows = (await context.loaders.computedByMaterialId.load(m.id)).filter((c) => c.propertyKey === 'theoretical_capacity' && c.value !== null);
  const measuredRows = (await context.loaders.measurementsByMaterialId.load(m.id)).filter((c) => c.propertyKey === 'theoretical_capacity' && c.value !== null);
  return {
    ...derived({
      quantity,
      value: gravimetricCapacityMAhPerG(ions, mass.value!, valenceOf(m.workingIon)),
      unit,
      formula,
      inputs: [
        { name: 'n', value: ions, unit: '1', note: `${m.workingIon} ions exchanged per formula unit (${ionsNote}); each carries z = ${valenceOf(m.workingIon)} (src/derive/working-ion.ts)` },
        constantInput('F', FARADAY_C_PER_MOL, 'C/mol', FARADAY_NOTE),
        derivedInput('M', mass),
      ],
      assumptions: [`every exchanged ${m.workingIon} ion transfers z = ${valenceOf(m.workingIon)} electron${valenceOf(m.workingIon) === 1 ? '' : 's'}`, ...assumptions],
    }),
    comparisons: [...reportedRows.map((r) => computedInput('reported Q', r)), ...measuredRows.map((r) => measuredInput('reported Q', r))],
  };
}

/**
 * E = V̄·Q with the voltage chosen by chooseAverageVoltage and, unless ionsExchanged is given, the
 * capacity that belongs to it: the modelled step's Δx for a computed voltage, the discharge
 * capacity measured under the same conditions for a measured one, else one working ion.
 */
async function specificEnergy(context: Context, m: Material, ionsExchanged: number | null | undefined): Promise<Derived> {
  const { unit, formula, assumptions } = SPECIFIC_ENERGY;
  const { voltage, step, measurement } = await chooseAverageVoltage(context, m);
  let capacity: Derived;
  let capacityKind: string;
  if (ionsExchanged != null) {
    capacity = await theoreticalCapacity(context, m, ionsExchanged);
    capacityKind = `theoretical, for ${ionsExchanged} ${m.workingIon ?? 'ion'} (argument ionsExchanged)`;
  } else if (step) {
    capacity = await theoreticalCapacity(context, m, step.ions, `the modelled step ${step.discharged.label} → ${step.charged.label} the voltage is for`);
    capacityKind = `theoretical, for the Δx = ${step.ions} of the modelled step ${step.discharged.label} → ${step.charged.label}`;
  } else {
    const measuredCapacity = measurement && (await measuredDischargeCapacity(context, m, measurement));
    if (measuredCapacity) {
      capacity = reported({ quantity: 'measured discharge capacity', value: valueIn(measuredCapacity, 'mAh/g')!, unit: 'mAh/g', source: factSource(measuredCapacity), fact: { type: 'Measurement', id: measuredCapacity.id }, formula: 'measured discharge capacity under the voltage\'s conditions' });
      capacityKind = 'measured, under the same conditions as the voltage';
    } else {
      capacity = await theoreticalCapacity(context, m, 1, 'one working ion: no modelled step or measured capacity goes with the voltage');
      capacityKind = `theoretical, for one ${m.workingIon ?? 'ion'}${measurement ? ' (no discharge capacity is stored under the voltage\'s conditions)' : ''}`;
    }
  }
  const ions = capacity.inputs.find((i) => i.name === 'n')?.value;
  const quantity = `specific energy of ${m.formula}${ions != null ? ` for ${ions} ${m.workingIon ?? 'ion'} per formula unit` : ' at its measured capacity'}`;
  const inputs = [derivedInput('V̄', voltage), derivedInput('Q', capacity)];
  if (voltage.value === null || capacity.value === null) {
    return unavailable({ quantity, unit, formula, inputs, reason: voltage.value === null ? `average voltage unavailable: ${voltage.reason}` : `capacity unavailable: ${capacity.reason}` });
  }
  return derived({ quantity, value: specificEnergyWhPerKg(voltage.value, capacity.value), unit, formula, inputs, assumptions: [...assumptions, `capacity ${capacityKind}`, `voltage ${voltage.status === 'DERIVED' ? 'derived from total energies' : voltage.fact?.type === 'Measurement' ? 'measured' : 'computed, as printed'}`] });
}

/** A discharge capacity of the material measured under exactly the voltage measurement's conditions. */
async function measuredDischargeCapacity(context: Context, m: Material, voltage: Measurement): Promise<Measurement | undefined> {
  const rows = await context.loaders.measurementsByMaterialId.load(m.id);
  return rows.find((r) => r.propertyKey === 'discharge_capacity' && r.value !== null && r.unit.endsWith('/g') && sameConditions(r, voltage));
}

export const capacityResolvers: Resolvers = {
  Material: {
    nelements: (m) => m.elements.length,
    chemicalFormulaReduced: (m) => m.chemicalFormulaReduced ?? chemicalFormulaReduced(parseFormula(m.formula).amounts),
    composition: (m) => Object.entries(parseFormula(m.formula).amounts).map(([element, amount]) => ({ element, amount })),
    molarMass: (m, { unit }) => inUnit(molarMass(m), unit),
    theoreticalCapacity: async (m, { ionsExchanged, unit }, context) => inUnit(await theoreticalCapacity(context, m, ionsExchanged ?? 1), unit),
    specificEnergy: async (m, { ionsExchanged, unit }, context) => inUnit(await specificEnergy(context, m, ionsExchanged), unit),
  },
};
