/**
 * The 10× electrode data set of `npm run bench:electrodes`: copies of the real Materials Project
 * rows, deterministic (the same export gives the same rows). Copy 0 is the real row; copy k ≥ 1 gets
 * the framework prefix `mp` + letter (`mp-1076642_Na` → `mpb-1076642_Na`: still a valid battery id,
 * never a real one) and its voltage-like values scaled by a factor within ±10 % from a hash of
 * (battery id, k). Formulas stay as they are, so capacities and fractions still follow from them;
 * energies are scaled with the voltage (E = V̄ × Q holds), hull energies by a factor of their own.
 */
import { createHash } from 'node:crypto';
import type { ElectrodeRecord, ElectrodeValueField } from '../../src/seed/materials-project.js';

const LETTERS = 'bcdefghijklmnopqrstuvwxyz';
export const MAX_COPIES = LETTERS.length + 1;

const VOLTAGE_LIKE: ElectrodeValueField[] = ['averageVoltage', 'gravimetricEnergy', 'volumetricEnergy', 'maxVoltageStep'];
const HULL: ElectrodeValueField[] = ['stabilityCharge', 'stabilityDischarge'];

/** A factor in [0.9, 1.1] from a hash of the text. */
function factorOf(text: string): number {
  return 0.9 + (createHash('sha256').update(text).digest().readUInt32BE(0) / 0xffffffff) * 0.2;
}

export function copiedBatteryId(batteryId: string, copy: number): string {
  return copy === 0 ? batteryId : batteryId.replace(/^([a-z]+)-/, (_m, prefix: string) => `${prefix}${LETTERS[copy - 1]}-`);
}

/** `copies` × the records (copy 0 first, in the export's order). */
export function syntheticElectrodes(records: readonly ElectrodeRecord[], copies: number): ElectrodeRecord[] {
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) throw new Error(`copies must be 1–${MAX_COPIES}, got ${copies}`);
  const out: ElectrodeRecord[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const r of records) {
      if (copy === 0) {
        out.push(r);
        continue;
      }
      const voltage = factorOf(`${r.batteryId}/${copy}/voltage`);
      const hull = factorOf(`${r.batteryId}/${copy}/hull`);
      const values = { ...r.values };
      for (const f of VOLTAGE_LIKE) if (values[f] !== null) values[f] = values[f]! * voltage;
      for (const f of HULL) if (values[f] !== null) values[f] = values[f]! * hull;
      out.push({ ...r, batteryId: copiedBatteryId(r.batteryId, copy), values });
    }
  }
  return out;
}
