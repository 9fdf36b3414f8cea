// `npm test`: type check → lint → unit and database tests (PGlite) → browser
// tests when a Chromium is found. Prints one closing line "Tổng: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(title, command, args, env = {}) {
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function vitest(title, args) {
  const report = `/tmp/kdc-vitest-${process.pid}-${Math.random().toString(36).slice(2)}.json`;
  const ok = step(title, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests ?? 0;
    totals.failed += json.numFailedTests ?? 0;
    totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    rmSync(report);
  }
  return ok;
}

let ok = step('Kiểm tra kiểu (tsc)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
ok = step('Kiểm tra mã (eslint)', 'npx', ['eslint', '--max-warnings', '0', '.']) && ok;
ok = step('Kiểm tra định dạng (prettier)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']) && ok;
// The command-line tests run bin/kdc.mjs, which runs the compiled command when it is up to date: build it, so what ships is what is tested.
ok = step('Biên dịch lệnh kdc (esbuild)', 'node', ['scripts/build-cli.mjs', '--force']) && ok;
ok = vitest('Kiểm thử đơn vị và cơ sở dữ liệu (PGlite)', []) && ok;

if (!existsSync('src/web/index.html') || !existsSync('vitest.e2e.config.ts')) {
  process.stdout.write('\n⚠ Chưa có giao diện web hoặc bộ kiểm thử trình duyệt: bỏ qua bước này.\n');
} else if (existsSync(CHROMIUM)) {
  ok = step('Xây dựng giao diện web (vite build)', 'node', ['scripts/build-web.mjs', '--force']) && ok;
  ok = vitest('Kiểm thử đầu-cuối trong Chromium', ['--config', 'vitest.e2e.config.ts']) && ok;
} else if (process.env.CI) {
  process.stdout.write(`\n✗ Không tìm thấy ${CHROMIUM}: trong CI kiểm thử trình duyệt là bắt buộc.\n`);
  ok = false;
} else {
  process.stdout.write(`\n⚠ Bỏ qua kiểm thử trình duyệt: không tìm thấy ${CHROMIUM} (cài bằng: apt-get install -y chromium).\n`);
}

process.stdout.write(`\nTổng: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(ok ? 0 : 1);
