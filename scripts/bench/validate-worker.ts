/**
 * Worker thread of scripts/bench/load.ts: validates the next paper file (YAML parsing and the
 * checks of src/seed/validate.ts take about as long as loading one) while the main thread loads
 * the previous one. Receives { id, texts }, answers { id, catalog } or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import { validateSeedTexts } from '../../src/seed/validate.js';

parentPort!.on('message', ({ id, texts }: { id: number; texts: { file: string; text: string }[] }) => {
  const started = performance.now();
  try {
    const catalog = validateSeedTexts(texts);
    parentPort!.postMessage({ id, catalog, seconds: (performance.now() - started) / 1000 });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
