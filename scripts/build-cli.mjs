// Compiles the `kdc` command (src/cli/main.ts and everything it imports but the web app) into
// dist/cli with esbuild, so a command starts in a fraction of a second instead of compiling
// TypeScript at every start (issue 15). Run after `npm install`, before `npm start` and by
// `npm test`; `--force` rebuilds. bin/kdc.mjs runs the sources through tsx while this build is
// missing or older than its sources, so an edit is never run stale.
//
// Packages stay outside the bundle (they are installed); each command's module becomes its own
// chunk, loaded only when that command runs. The output sits two folders below the project, as
// src/db/client.ts and src/server/app.ts do, so their paths to drizzle/ and dist/web still hold.
import { renameSync, rmSync } from 'node:fs';
import { CLI_ENTRY, cliBuildStale } from './web-stale.mjs';

const OUT = 'dist/cli';
const force = process.argv.includes('--force');
if (!force && !cliBuildStale()) process.exit(0);

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  process.stderr.write('Không có esbuild: lệnh kdc chạy thẳng từ mã nguồn (chậm hơn khi khởi động).\n');
  process.exit(force ? 1 : 0);
}
// Built beside, then swapped in: a `kdc` started meanwhile sees the old build or the new one, whole.
const staging = `${OUT}.${process.pid}`;
try {
  await esbuild.build({
    entryPoints: ['src/cli/main.ts'],
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  rmSync(`${OUT}.old`, { recursive: true, force: true });
  try {
    renameSync(OUT, `${OUT}.old`);
  } catch {
    /* first build */
  }
  renameSync(staging, OUT);
  rmSync(`${OUT}.old`, { recursive: true, force: true });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`Không biên dịch được lệnh kdc (${error?.message ?? error}); lệnh vẫn chạy từ mã nguồn. Thử lại: npm run build\n`);
  process.exit(force ? 1 : 0);
}
if (!CLI_ENTRY.startsWith(OUT)) throw new Error('CLI_ENTRY must live in dist/cli');
