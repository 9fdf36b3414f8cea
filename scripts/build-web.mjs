// Builds the web app into dist/web when it is missing or older than its sources (run after
// `npm install` and before `npm start`, so a `git pull` never leaves an old build served).
// `--force` rebuilds. After a build, each text file gets .br and .gz copies beside it, which
// the server sends as they are (src/server/web.ts), so no request pays for compressing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { webBuildStale } from './web-stale.mjs';

const OUT = 'dist/web';
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

function precompress() {
  for (const file of files(OUT).filter((f) => COMPRESSIBLE.test(f))) {
    const bytes = readFileSync(file);
    if (bytes.length < 1024) continue;
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    );
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  }
}

const force = process.argv.includes('--force');
if (!existsSync('src/web/index.html')) process.exit(0);
const built = existsSync(`${OUT}/index.html`);
if (!force && !webBuildStale()) process.exit(0);
process.stdout.write(built ? 'Mã nguồn giao diện web mới hơn bản đã xây dựng: xây dựng lại (vite build)…\n' : 'Đang xây dựng giao diện web (vite build)…\n');
const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (result.status !== 0) {
  process.stderr.write('Không xây dựng được giao diện web; máy chủ API vẫn chạy được. Thử lại: npm run build\n');
  // Tests ask with --force and must fail; an install or a start goes on without the web app.
  if (force) process.exit(1);
} else {
  precompress();
}
