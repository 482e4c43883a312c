/**
 * mathjs, loaded from its own single-file bundle (an entry point the package exports): the same
 * library and version as `import … from 'mathjs'`, at a fraction of the memory. The ES module
 * entry evaluates about a thousand modules (87 MiB RSS, 30 MiB of V8 heap in a server process,
 * measured with scripts/bench/memory.ts); the bundle costs 31 MiB and 5 MiB.
 */
import { createRequire } from 'node:module';
import type * as MathJs from 'mathjs';

export const math = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as typeof MathJs;
