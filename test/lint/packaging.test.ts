/**
 * Issue 16, packaging: `npm ci --omit=dev && npm start` must give the whole
 * product, web app included. What runs in production — the sources under src/
 * (tests aside), bin/kdc.mjs (through tsx while the compiled command is stale),
 * and the builds that postinstall and prestart run (scripts/build-web.mjs,
 * vite.config.ts, scripts/build-cli.mjs) — may import only
 * packages listed in `dependencies`; every package listed there is imported by
 * one of them; and the tools of development stay out of `dependencies`.
 * .ci/run proves the same for real (scripts/check-omit-dev.sh).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

const RUNTIME = ['src', 'bin', 'scripts/build-web.mjs', 'scripts/build-cli.mjs', 'scripts/web-stale.mjs', 'vite.config.ts'];
const SOURCE = /\.(ts|tsx|mjs|js)$/;
const TEST = /\.test\.tsx?$/;

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

/**
 * Package names imported (statically, dynamically or for side effects) by a source text, or whose files it resolves
 * to read them at run time (`require.resolve('altcha')`: the captcha widget the server sends as it is); type-only
 * imports are erased.
 */
function packagesOf(text: string): string[] {
  const specifiers = [
    ...text.matchAll(
      /(?:^|[\s;])(?:import|export)\s+(?!type\s)[^'"]*?from\s*'([^']+)'|import\s*\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'|require\.resolve\(\s*'([^']+)'\s*\)/gm,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  return specifiers
    .filter((s) => s !== '' && !s.startsWith('.') && !s.startsWith('node:') && !s.startsWith('virtual:') && !builtinModules.includes(s.split('/')[0] ?? ''))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] ?? s)));
}

const imported = new Map<string, string>();
for (const file of RUNTIME.flatMap(files).filter((f) => SOURCE.test(f) && !TEST.test(f) && !f.endsWith('.d.ts'))) {
  for (const name of packagesOf(readFileSync(file, 'utf8'))) if (!imported.has(name)) imported.set(name, file);
}
const dependencies = Object.keys(pkg.dependencies);

describe('what production needs is in dependencies, and only that', () => {
  it('reads the imports it checks', () => {
    expect(packagesOf("import { a } from 'x/y';\nimport type { B } from 'z';\nconst c = () => import('@s/w/deep');\nimport 'side';")).toEqual([
      'x',
      '@s/w',
      'side',
    ]);
    expect(imported.get('vite')).toBe('vite.config.ts');
    expect(imported.get('tsx')).toBe('bin/kdc.mjs');
    expect(packagesOf("const dist = require.resolve('altcha');")).toEqual(['altcha']);
  });

  it('every package that production imports is a dependency', () => {
    const missing = [...imported].filter(([name]) => !dependencies.includes(name)).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });

  it('every dependency is imported by production code', () => {
    expect(dependencies.filter((name) => !imported.has(name))).toEqual([]);
  });

  it('the builds of the web app and of the command do not rest on dev dependencies', () => {
    expect(pkg.scripts.postinstall).toBe('node scripts/build-web.mjs && node scripts/build-cli.mjs');
    expect(imported.get('esbuild')).toBe('scripts/build-cli.mjs');
    for (const tool of ['vite', '@vitejs/plugin-react', 'vite-plugin-pwa', 'esbuild']) expect(dependencies).toContain(tool);
    for (const tool of ['typescript', 'vitest', 'eslint', 'drizzle-kit']) expect(dependencies).not.toContain(tool);
  });
});
