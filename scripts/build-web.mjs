// Builds the web app into dist/web unless it is already built (run after `npm install`,
// so `npm start` serves the app at once). `--force` rebuilds.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const force = process.argv.includes('--force');
if (!existsSync('src/web/index.html')) process.exit(0);
if (!force && existsSync('dist/web/index.html')) process.exit(0);
process.stdout.write('Đang xây dựng giao diện web (vite build)…\n');
const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (result.status !== 0) {
  process.stderr.write('Không xây dựng được giao diện web; máy chủ API vẫn chạy được. Thử lại: npm run build\n');
  // Tests ask with --force and must fail; an install or a start goes on without the web app.
  if (force) process.exit(1);
}
