/**
 * Issue 11, finding 14: `npm start` served an old build after a `git pull`.
 * `prestart` runs scripts/build-web.mjs, which rebuilds when any source of
 * the bundle is newer than dist/web.
 */
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module of the build scripts, without types
import { cliBuildStale, webBuildStale } from '../../scripts/web-stale.mjs';
import pkg from '../../package.json' with { type: 'json' };

function project() {
  const root = mkdtempSync(join(tmpdir(), 'kdc-stale-'));
  for (const dir of ['src/web/screens', 'src/core/text', 'dist/web']) mkdirSync(join(root, dir), { recursive: true });
  const at = (file: string, seconds: number) => {
    writeFileSync(join(root, file), 'x');
    utimesSync(join(root, file), seconds, seconds);
  };
  // Folders count too (a file removed by a pull changes its folder): start them all in the past.
  const settle = () => {
    for (const dir of ['src/web/screens', 'src/web', 'src/core/text', 'src/core', 'dist/web']) utimesSync(join(root, dir), 500, 500);
  };
  return { root, at, settle };
}

describe('the web build is redone when it is older than its sources', () => {
  it('missing → build; newer build → nothing; a pulled web or core file → build', () => {
    const { root, at, settle } = project();
    at('src/web/screens/Home.tsx', 1_000);
    at('src/core/text/format.ts', 1_000);
    settle();
    expect(webBuildStale(root)).toBe(true);
    at('dist/web/index.html', 2_000);
    expect(webBuildStale(root)).toBe(false);
    at('src/core/text/format.ts', 3_000);
    expect(webBuildStale(root)).toBe(true);
    at('dist/web/index.html', 4_000);
    at('src/web/screens/Home.tsx', 5_000);
    expect(webBuildStale(root)).toBe(true);
  });

  it('npm start runs the checks first, and an install builds both', () => {
    expect(pkg.scripts.prestart).toBe('node scripts/build-web.mjs && node scripts/build-cli.mjs');
    expect(pkg.scripts.postinstall).toBe(pkg.scripts.prestart);
  });
});

describe('the compiled command is used only while it is newer than its sources', () => {
  it('missing → sources; newer build → compiled; an edited server or core file → sources again; a web edit does not matter', () => {
    const root = mkdtempSync(join(tmpdir(), 'kdc-stale-cli-'));
    for (const dir of ['src/server', 'src/core', 'src/web', 'dist/cli']) mkdirSync(join(root, dir), { recursive: true });
    const at = (file: string, seconds: number) => {
      writeFileSync(join(root, file), 'x');
      utimesSync(join(root, file), seconds, seconds);
    };
    const settle = () => {
      for (const dir of ['src/server', 'src/core', 'src/web', 'src', 'dist/cli']) utimesSync(join(root, dir), 500, 500);
    };
    at('src/server/app.ts', 1_000);
    at('src/core/index.ts', 1_000);
    settle();
    expect(cliBuildStale(root)).toBe(true);
    at('dist/cli/main.mjs', 2_000);
    expect(cliBuildStale(root)).toBe(false);
    at('src/web/main.tsx', 3_000);
    settle();
    expect(cliBuildStale(root)).toBe(false);
    at('src/server/app.ts', 4_000);
    expect(cliBuildStale(root)).toBe(true);
  });
});
