/**
 * `npm run soak -- [--seconds 30] [--connections 16]`: a bounded load/soak run on loopback. Reads
 * (autocannon, several representative queries) run while a curator adds measurements and corrects
 * values concurrently; afterwards every acknowledged write must be readable and no read may have
 * failed. Uses a fresh embedded database (or a new database on TEST_DATABASE_URL). Prints figures;
 * exits 1 on any lost write or failed read.
 */
import autocannon from 'autocannon';
import { loadCuratorAuth } from '../src/curation/auth.js';
import { startTestServer } from '../test/integration/testkit.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 30);
const connections = arg('connections', 16);
const TOKEN = 'soak-curator-token-0123456789';

const READS = [
  '{ materials(first: 20) { totalCount edges { node { key formula source { locator paper { doi } } measurements { value unit conditions { cRate } } } } } }',
  '{ materials(filter: { family: "ilmenite-namo3" }) { edges { node { formula averageVoltage { value status } theoreticalCapacity { value } stability { verdict } voltagePairs { gravimetricEnergy { value } } } } } }',
  '{ correlation(x: { property: "elf_max", locator: "Table I" }, y: { property: "average_voltage", kind: COMPUTED }, filter: { family: "ilmenite-namo3" }) { n pearsonR } }',
  '{ materials(filter: { hasCoating: true }) { edges { node { coatingEffects { difference { value } } capacityFade { fadePerCycle { value } } } } } }',
];

const server = await startTestServer({ curatorAuth: loadCuratorAuth({ CURATOR_TOKENS: `soak:${TOKEN}` }) });
try {
  const auth = { authorization: `Bearer ${TOKEN}` };
  await server.execute('mutation { addPaper(input: { doi: "10.1000/soak", title: "Soak test data", journal: "Soak", year: 2026 }) { errors { code } } }', undefined, auth);
  const targetFact = (await server.data('{ materials(filter: { family: "ni-rich-layered-ncm", role: CATHODE }) { edges { node { measurements(filter: { properties: ["capacity_retention"] }) { id value } } } } }')).materials.edges[0].node.measurements[0];
  const target = targetFact.id as string;
  const targetValue = targetFact.value as number;

  let stop = false;
  const acknowledged: string[] = [];
  let writeFailures = 0;
  let corrections = 0;
  const writer = async (worker: number) => {
    for (let i = 0; !stop; i++) {
      const locator = `soak w${worker} #${i}`;
      const response = await server.execute(
        'mutation($input: MeasurementInput!) { addMeasurement(input: $input) { measurement { id } errors { code message } } }',
        { input: { paperDoi: '10.1000/soak', materialKey: 'ncm811', property: 'discharge_capacity', value: 150 + (i % 50), unit: 'mAh/g', locator, conditions: { cRate: 0.1 } } },
        auth,
      );
      if (response.status === 200 && response.body.data?.addMeasurement.measurement) acknowledged.push(locator);
      else writeFailures++;
      if (i % 10 === 0) {
        // Workers correct the same value: a CONFLICT names the current one, to correct in turn.
        const correct = (expectedValue: number) => server.execute('mutation($input: CorrectValueInput!) { correctValue(input: $input) { errors { code current { value } } } }', { input: { id: target, value: 79 + (i % 5) / 10, expectedValue, reason: `soak correction ${worker}/${i}` } }, auth);
        let c = await correct(targetValue);
        for (let retry = 0; retry < 5 && c.body.data?.correctValue.errors[0]?.code === 'CONFLICT'; retry++) c = await correct(c.body.data.correctValue.errors[0].current.value);
        if (c.status === 200 && c.body.data?.correctValue.errors.length === 0) corrections++;
        else writeFailures++;
      }
    }
  };
  const writers = [writer(1), writer(2)];
  const started = Date.now();
  const result = await autocannon({
    url: server.app.url,
    connections,
    duration: seconds,
    requests: READS.map((query) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })),
  });
  stop = true;
  await Promise.all(writers);

  // Every acknowledged write must be there, exactly once.
  const stored = await server.db.prisma.measurement.findMany({ where: { curatedBy: 'soak' }, select: { locator: true } });
  const storedLocators = new Set(stored.map((s) => s.locator));
  const lost = acknowledged.filter((l) => !storedLocators.has(l));
  const events = await server.db.prisma.curationEvent.count({ where: { curator: 'token:soak', action: 'CORRECT_VALUE' } });
  const failedReads = result.non2xx + result.errors + result.timeouts;
  console.log(`soak: ${((Date.now() - started) / 1000).toFixed(0)} s on ${server.db.target.kind}, ${connections} read connections + 2 curator writers`);
  console.log(`reads:  ${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, failed ${failedReads}`);
  console.log(`writes: ${acknowledged.length} measurements acknowledged, ${stored.length} stored, ${lost.length} lost; ${corrections} corrections acknowledged, ${events} in history; ${writeFailures} write errors`);
  if (lost.length > 0 || failedReads > 0 || writeFailures > 0 || events !== corrections || stored.length !== acknowledged.length) {
    console.error('soak FAILED');
    process.exitCode = 1;
  } else console.log('soak OK: no read failed, every acknowledged write is present exactly once');
} finally {
  await server.close();
}
