/**
 * `npm run bench`: prints `BENCH <name> <value> <unit>` lines. Benchmarks
 * measure; they do not pass or fail. Pass names to run only some:
 * `npm run bench -- evaluate`.
 */
import { benchEvaluate } from './evaluate';
import { benchWebBundle } from './web-bundle';
import { benchNational } from './national';
import { benchImport } from './import';

const benches: Record<string, () => Promise<string[]> | string[]> = {
  evaluate: benchEvaluate,
  web: benchWebBundle,
  national: benchNational,
  import: benchImport,
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  for (const line of await run()) process.stdout.write(`${line}\n`);
}
