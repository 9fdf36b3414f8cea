/**
 * `npm run bench`: prints `BENCH <name> <value> <unit>` lines. Benchmarks
 * measure; they do not pass or fail. Pass names to run only some:
 * `npm run bench -- evaluate`.
 */
import { benchEvaluate } from './evaluate';
import { benchWebBundle } from './web-bundle';
import { benchWebFirstLoad } from './web-first-load';
import { benchNational } from './national';
import { benchImport } from './import';
import { benchApi } from './api';
import { benchCli } from './cli';
import { benchMemory } from './memory';

const benches: Record<string, () => Promise<string[]> | string[]> = {
  evaluate: benchEvaluate,
  web: async () => [...benchWebBundle(), ...(await benchWebFirstLoad())],
  national: benchNational,
  import: benchImport,
  api: benchApi,
  cli: benchCli,
  memory: benchMemory,
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  for (const line of await run()) process.stdout.write(`${line}\n`);
}
