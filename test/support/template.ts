/**
 * The demo, built once and copied for every test that needs it. Loading the
 * demo runs a few hundred registrations through the engine; doing that in
 * every test file cost minutes. The first test run after a change to src/ or
 * drizzle/ builds it (in vitest's global set-up) and keeps it, keyed by a hash
 * of those sources:
 *
 * - PGlite: a dump of the data directory (node_modules/.cache/kdc-test), loaded
 *   into each test's in-memory database or CLI data directory;
 * - PostgreSQL (KDC_TEST_DATABASE_URL): template databases, one migrated and
 *   empty, one with the demo, from which each test file's database is created.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

const ROOT = process.cwd();
const CACHE = join(ROOT, 'node_modules', '.cache', 'kdc-test');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Changes whenever anything the demo is built from changes. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(join(ROOT, 'src')), ...filesUnder(join(ROOT, 'drizzle'))].filter((f) => !f.includes('/src/web/')).sort()) {
    hash.update(file.slice(ROOT.length));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export const demoDumpPath = (hash = sourceHash()) => join(CACHE, `demo-${hash}.tar.gz`);

/** Builds the PGlite dump of a migrated database with the demo, unless this version exists. */
export async function buildDemoDump(hash = sourceHash()): Promise<string> {
  const path = demoDumpPath(hash);
  if (existsSync(path)) return path;
  const { openDatabase } = await import('../../src/db/client');
  const { loadDemo } = await import('../../src/demo/load');
  const database = await openDatabase({});
  await loadDemo(database.db);
  const dump = await database.dump!();
  await database.close();
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(`${path}.tmp`, Buffer.from(await dump.arrayBuffer()));
  renameSync(`${path}.tmp`, path);
  return path;
}

/** The demo dump as PGlite takes it: the build the global set-up made for this run. */
export function demoDump(): Blob {
  const path = inject('demoDump');
  if (!path || !existsSync(path)) throw new Error(`Chưa có bản dựng sẵn dữ liệu mẫu ${path}: vitest chạy test/support/global-setup.ts trước`);
  return new Blob([readFileSync(path)], { type: 'application/x-gzip' });
}

/** The PostgreSQL template database holding the demo for this version of the sources. */
export const demoTemplateDatabase = (hash: string) => `kdc_demo_${hash}`;

/** The template database of this run (made by the global set-up). */
export const runDemoTemplate = () => inject('demoTemplate');
