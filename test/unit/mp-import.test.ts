/** The Materials Project importer's refusals: every bad row is named with its reason, and the file is refused as a whole. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ElectrodeImportError, parseEmmetJson, parseExplorerCsv } from '../../src/seed/materials-project.js';

const HEADER = 'Battery ID,Battery Formula,Working Ion,Formula Charge,Formula Discharge,Max Delta Volume,Average Voltage,Gravimetric Capacity,Volumetric Capacity,Gravimetric Energy,Volumetric Energy,Atomic Fraction Charge,Atomic Fraction Discharge,Stability Charge,Stability Discharge,Steps,Max Voltage Step';
const NACRO3 = 'mp-1076642_Na,Na0-1CrO3,Na,CrO3,NaCrO3,0.068,3.939,217.93,845.25,858.49,3329.74,0.0,0.2,0.402,0.296,1,0.0';

function refusal(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ElectrodeImportError, String(error));
    return error.issues.map((i) => `row ${i.row}: ${i.field ?? ''} ${i.reason}`);
  }
  assert.fail('the file was accepted');
}

test('a good explorer row is read with its values, formulas with parentheses included', () => {
  const [r] = parseExplorerCsv(`${HEADER}\n${NACRO3}\nmp-754917_Li,Li0.5-1.25NiO2,Li,Li(NiO2)2,Li5(NiO2)4,0.1,3.1,202.3,920.7,627.4,2855.4,0.14,0.29,0.06,0.07,1,0.0\n`);
  assert.equal(r!.batteryId, 'mp-1076642_Na');
  assert.equal(r!.values.averageVoltage, 3.939);
  assert.equal(r!.numSteps, 1);
});

test('refuses an unknown element, an unparsable formula, a non-sub-composition and a non-numeric value, each with its row', () => {
  const issues = refusal(() =>
    parseExplorerCsv([
      HEADER,
      NACRO3.replace(',CrO3,NaCrO3,', ',XqO3,NaXqO3,'),
      NACRO3.replace('mp-1076642_Na', 'mp-2_Na').replace(',NaCrO3,', ',Na(CrO3,'),
      NACRO3.replace('mp-1076642_Na', 'mp-3_Na').replace(',CrO3,', ',MnO3,'),
      NACRO3.replace('mp-1076642_Na', 'mp-4_Na').replace(',CrO3,', ',NaCrO3,'),
      NACRO3.replace('mp-1076642_Na', 'mp-5_Na').replace(',3.939,', ',3.9 V,'),
    ].join('\n')),
  );
  assert.equal(issues.length, 6, issues.join('\n'));
  assert.match(issues[0]!, /row 1: "Formula Charge" .*Unknown element: Xq/);
  assert.match(issues[2]!, /row 2: "Formula Discharge" .*parenthesis/);
  assert.match(issues[3]!, /row 3: "Formula Charge" charge formula MnO3 is not a sub-composition of discharge formula NaCrO3/);
  assert.match(issues[4]!, /row 4: .*does not hold fewer Na/);
  assert.match(issues[5]!, /row 5: "Average Voltage" non-numeric value "3.9 V"/);
});

test('refuses an unknown working ion, a battery id of another ion, duplicates and missing columns', () => {
  assert.match(refusal(() => parseExplorerCsv(`${HEADER}\n${NACRO3.replace('_Na,Na0-1CrO3,Na,', '_Fe,Na0-1CrO3,Fe,')}`)).join('\n'), /unknown working ion "Fe"/);
  assert.match(refusal(() => parseExplorerCsv(`${HEADER}\n${NACRO3.replace('mp-1076642_Na', 'mp-1076642_Li')}`)).join('\n'), /ends in "Li" but the working ion is "Na"/);
  assert.match(refusal(() => parseExplorerCsv(`${HEADER}\n${NACRO3}\n${NACRO3}`)).join('\n'), /row 2: .*duplicate battery id \(also row 1\)/);
  assert.match(refusal(() => parseExplorerCsv(`${HEADER.replace(',Steps', '')}\n${NACRO3.replace(/,1,0\.0$/, ',0.0')}`)).join('\n'), /missing column "Steps"/);
  assert.match(refusal(() => parseExplorerCsv(`${HEADER}\n${NACRO3},extra`)).join('\n'), /broken CSV/);
});

test('MP API JSON (emmet InsertionElectrodeDoc names), bare or in { data: [...] }', () => {
  const doc = {
    battery_id: 'mp-1076642_Na', battery_formula: 'Na0-1CrO3', working_ion: 'Na', formula_charge: 'CrO3', formula_discharge: 'NaCrO3',
    max_delta_volume: 0.068, average_voltage: 3.939, capacity_grav: 217.93, capacity_vol: 845.25, energy_grav: 858.49, energy_vol: 3329.74,
    fracA_charge: 0, fracA_discharge: 0.2, stability_charge: 0.402, stability_discharge: 0.296, num_steps: 1, max_voltage_step: 0, framework_formula: 'CrO3',
  };
  assert.equal(parseEmmetJson(JSON.stringify([doc]))[0]!.values.gravimetricCapacity, 217.93);
  assert.equal(parseEmmetJson(JSON.stringify({ data: [doc] }))[0]!.batteryId, 'mp-1076642_Na');
  assert.match(refusal(() => parseEmmetJson(JSON.stringify([{ ...doc, average_voltage: 'high' }]))).join('\n'), /average_voltage non-numeric value "high"/);
  assert.match(refusal(() => parseEmmetJson('{"data": 3}')).join('\n'), /expected an array/);
  assert.match(refusal(() => parseEmmetJson('[{')).join('\n'), /broken JSON/);
});
