/**
 * Through the real command on embedded data directories: `kdc backup` →
 * `kdc restore` into an empty directory → `kdc report` gives identical JSON.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoDataDir } from '../support/db';
import { runKdc } from '../support/cli';

describe('kdc backup, restore and report on embedded data', () => {
  it('a restored copy gives the same report, and the 2024 report lists the 35 areas', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kdc-cli-'));
    const source = join(dir, 'goc');
    const copy = join(dir, 'ban-sao');
    await demoDataDir(source);

    const backup = runKdc(['backup', join(dir, 'sao-luu.jsonl.gz')], { env: { KDC_DATA_DIR: source } });
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/^Đã sao lưu \d+ dòng dữ liệu/);
    const restore = runKdc(['restore', join(dir, 'sao-luu.jsonl.gz')], { env: { KDC_DATA_DIR: copy } });
    expect(restore.stdout).toMatch(/^Đã khôi phục \d+ dòng dữ liệu/);

    const report = (dataDir: string) =>
      runKdc(['report', '--program', 'laichau-tqpttd', '--year', '2024', '--format', 'json'], { env: { KDC_DATA_DIR: dataDir } });
    const original = report(source);
    expect(original.code).toBe(0);
    expect(report(copy).stdout).toBe(original.stdout);
    const json = JSON.parse(original.stdout);
    expect(json).toMatchObject({ recognized: 35, percentOfYearTarget: 109.4, percentOfPeriodTarget: 134.6 });
    expect(json.areas).toHaveLength(35);
    expect(json.byUnit).toHaveLength(7);

    const ward = runKdc(['report', '--program', 'laichau-tqpttd', '--year', '2024', '--unit', 'Tỉnh Lai Châu > Thành phố Lai Châu > Phường Tân Phong'], {
      env: { KDC_DATA_DIR: source },
    });
    expect(JSON.parse(ward.stdout)).toMatchObject({ recognized: 7, areaCount: 15 });
    const missing = runKdc(['report', '--program', 'laichau-tqpttd', '--year', '2024', '--unit', 'Tỉnh Lai Châu > Phường Không Có'], {
      env: { KDC_DATA_DIR: source },
    });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/^Lỗi: Không tìm thấy đơn vị/);
  }, 240_000); // seven processes, each opening an embedded database
});
