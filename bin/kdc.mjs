#!/usr/bin/env node
// The `kdc` command. It runs the compiled command (dist/cli, built by scripts/build-cli.mjs at
// install and by `npm run build`), which starts in a fraction of a second; while that build is
// missing or older than the sources (a developer's edit, a pull), it runs the TypeScript sources
// through tsx instead, so what runs is always what the sources say. KDC_FROM_SOURCE=1 forces the
// sources.
import { fileURLToPath } from 'node:url';
import { CLI_ENTRY, cliBuildStale } from '../scripts/web-stale.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!process.env.KDC_FROM_SOURCE && !cliBuildStale(root)) {
  await import(new URL(`../${CLI_ENTRY}`, import.meta.url).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
