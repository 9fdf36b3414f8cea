/**
 * A newcomer's first commands on a fresh embedded data directory (issue 15):
 * `kdc report` before any `npm start` says the database is empty and how to
 * fill it, `kdc demo` fills it as the server's first start does, the report
 * then answers, and a second `kdc demo` refuses to touch data that exists.
 * Run through bin/kdc.mjs, the compiled command when it is up to date.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKdc } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'kdc-demo-'));
const kdc = (...args: string[]) => runKdc(args, { env: { KDC_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' } });
const report = ['report', '--program', 'laichau-tqpttd', '--year', '2024', '--format', 'json'];

describe('kdc demo on a fresh data directory', { timeout: 180_000 }, () => {
  it('empty → the hint; demo → the report answers; demo again → refused', () => {
    const empty = kdc(...report);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe(
      'Lỗi: Không tìm thấy phong trào "laichau-tqpttd"\nCơ sở dữ liệu này còn trống. Để thử KDC: kdc demo (nạp dữ liệu mẫu, như npm start lần đầu). Để dùng thật: tạo quản trị viên, đơn vị và phong trào theo docs/deployment.md.\n',
    );

    const demo = kdc('demo');
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/^Đã nạp dữ liệu mẫu\.\nCHẾ ĐỘ DEMO: các tài khoản mẫu \(admin, .*\) dùng mật khẩu công khai "demo1234"/);

    const filled = kdc(...report);
    expect(filled.stderr).toBe('');
    expect(JSON.parse(filled.stdout)).toMatchObject({ program: 'laichau-tqpttd', year: 2024 });

    const again = kdc('demo');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('Lỗi: Cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống.\n');
  });

  it('refused where the server would not accept the demo accounts', () => {
    const off = runKdc(['demo'], { env: { KDC_DATA_DIR: join(dir, 'tat'), DATABASE_URL: '', KDC_DEMO: '0' } });
    expect(off.code).toBe(2);
    expect(off.stderr).toMatch(/^Lỗi: Chế độ demo đang tắt/);
  });
});
