// Whether a build must be redone: its output is missing, or a source changed after it was built
// (a `git pull` gives the pulled files a newer time). Used by scripts/build-web.mjs and
// scripts/build-cli.mjs, and by bin/kdc.mjs to choose the compiled command or the sources;
// tested in test/security/web-build.test.ts.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// What the web bundle is made of: its own sources, the pure core it imports, and the build set-up.
export const WEB_SOURCES = ['src/web', 'src/core', 'vite.config.ts', 'package-lock.json'];
// What the compiled command is made of: every source but the web app's, and the build set-up.
export const CLI_SOURCES = [
  'src/app',
  'src/cli',
  'src/core',
  'src/db',
  'src/demo',
  'src/documents',
  'src/server',
  'scripts/build-cli.mjs',
  'package-lock.json',
];
export const CLI_ENTRY = 'dist/cli/main.mjs';

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** True when `root`/`output` is missing or older than any file of `sources`. */
export function buildStale(root, output, sources) {
  const out = join(root, output);
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  return sources.some((s) => newestMtime(join(root, s)) > built);
}

/** True when `root`/dist/web/index.html is missing or older than any file of WEB_SOURCES. */
export function webBuildStale(root = '.') {
  return buildStale(root, 'dist/web/index.html', WEB_SOURCES);
}

/** True when the compiled command is missing or older than any of its sources. */
export function cliBuildStale(root = '.') {
  return buildStale(root, CLI_ENTRY, CLI_SOURCES);
}
