/**
 * Through the real command on an embedded data directory, as a district
 * office would bring its Excel history in: `kdc import units`, then
 * `kdc import history` for seven years and two titles, then `kdc report`
 * year by year gives first time / held / again that match the history row
 * for row; a merge by `kdc reorganize` keeps the earlier years countable
 * under the new commune and, with historical boundaries, under the old —
 * also in a copy restored from `kdc backup`.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataDir } from '../support/db';
import { runKdc } from '../support/cli';

const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024];
const TITLES = ['tieu-bieu', 'kieu-mau'];
const VILLAGES = Array.from({ length: 8 }, (_, i) => ({ code: `LD-BL-THUNGHIEM-THON${i + 1}`, name: `Thôn ${i + 1}` }));

/** A fixed, irregular history: gaps (again), runs (held), both titles, named by code or by path. */
const HISTORY: Array<[number, number, string]> = [];
VILLAGES.forEach((_, v) =>
  YEARS.forEach((year, y) => {
    if ((v * 7 + y * 3) % 5 < 2 || (v === 0 && year >= 2020)) HISTORY.push([v, year, 'tieu-bieu']);
    if (v % 3 === 1 && y % 2 === 0) HISTORY.push([v, year, 'kieu-mau']);
  }),
);

/** What the counts must be, worked out here from the rows alone. */
function expectedStatus(v: number, year: number, title: string): 'lan-dau' | 'giu-vung' | 'cong-nhan-lai' {
  const held = HISTORY.filter(([hv, , ht]) => hv === v && ht === title).map(([, hy]) => hy);
  if (held.includes(year - 1)) return 'giu-vung';
  return held.some((y) => y < year) ? 'cong-nhan-lai' : 'lan-dau';
}

let dir = '';
const kdc = (...args: string[]) => runKdc(args, { env: { KDC_DATA_DIR: join(dir, 'data') } });
const COMMUNE = 'Tỉnh Lâm Đồng > Huyện Bảo Lâm > Xã Thử Nghiệm';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kdc-cli-import-'));
  await demoDataDir(join(dir, 'data'));
}, 120_000);

describe('kdc import and kdc report', () => {
  it('a unit list and a seven-year history give, year by year, the counts the history says', async () => {
    const unitsCsv = [
      'code,name,kind,parent,households,mountainous',
      `LD-BL-THUNGHIEM,Xã Thử Nghiệm,xã,LD-BL,,có`,
      ...VILLAGES.map((v, i) => `${v.code},${v.name},thôn,${i % 2 ? 'LD-BL-THUNGHIEM' : 'Tỉnh Lâm Đồng > Huyện Bảo Lâm > Xã Thử Nghiệm'},${100 + i},`),
    ].join('\n');
    writeFileSync(join(dir, 'don-vi.csv'), `\uFEFF${unitsCsv}`);
    const units = kdc('import', 'units', join(dir, 'don-vi.csv'));
    expect(units.stderr).toBe('');
    expect(units.stdout).toBe('Đã nhập 9 dòng: 9 đơn vị mới, 0 đơn vị cập nhật.\n');

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Lịch sử');
    ws.addRow(['Đơn vị', 'Năm', 'Danh hiệu']);
    for (const [v, year, title] of HISTORY)
      ws.addRow([v % 2 ? VILLAGES[v]!.code : `${COMMUNE} > ${VILLAGES[v]!.name}`, year, title === 'kieu-mau' ? 'Khu dân cư kiểu mẫu' : title]);
    await wb.xlsx.writeFile(join(dir, 'lich-su.xlsx'));
    const history = kdc('import', 'history', '--program', 'baolam-kdc', join(dir, 'lich-su.xlsx'));
    expect(history.stderr).toBe('');
    expect(history.stdout).toMatch(new RegExp(`^Đã nhập ${HISTORY.length} dòng: ${HISTORY.length} lượt công nhận mới`));
    // The same file again changes nothing.
    expect(kdc('import', 'history', '--program', 'baolam-kdc', join(dir, 'lich-su.xlsx')).stdout).toMatch(/: 0 lượt công nhận mới, 0 lượt tính lại/);

    for (const year of YEARS) {
      const report = kdc('report', '--program', 'baolam-kdc', '--year', String(year), '--unit', COMMUNE, '--format', 'json');
      expect(report.code, report.stderr).toBe(0);
      const json = JSON.parse(report.stdout) as {
        areaCount: number;
        titles: Array<{ code: string; recognized: number; firstTime: number; held: number; again: number }>;
        areas: Array<{ code: string; title: string; status: string }>;
      };
      expect(json.areaCount).toBe(8);
      const rows = HISTORY.filter(([, y]) => y === year);
      // Row for row: every area recognised that year, with the status its own history gives.
      expect(json.areas.map((a) => `${a.code}|${a.title}|${a.status}`).sort()).toEqual(
        rows.map(([v, , t]) => `${VILLAGES[v]!.code}|${t}|${expectedStatus(v, year, t)}`).sort(),
      );
      for (const title of TITLES) {
        const mine = rows.filter(([, , t]) => t === title);
        const count = (status: string) => mine.filter(([v]) => expectedStatus(v, year, title) === status).length;
        expect(
          json.titles.find((t) => t.code === title),
          `${year} ${title}`,
        ).toMatchObject({
          recognized: mine.length,
          firstTime: count('lan-dau'),
          held: count('giu-vung'),
          again: count('cong-nhan-lai'),
        });
      }
    }
  }, 300_000);

  it('refuses a bad file in one Vietnamese line per problem, with no stack trace and nothing written', () => {
    writeFileSync(join(dir, 'loi.csv'), 'unit,year,title\nLD-BL-THUNGHIEM-THON1,2024,tieu-bieu\nLD-BL-KHONGCO,20x4,vang\n');
    const bad = kdc('import', 'history', '--program', 'baolam-kdc', join(dir, 'loi.csv'));
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n').filter(Boolean)).toEqual([
      'Lỗi: Tệp có 3 lỗi, chưa ghi gì vào hệ thống:',
      'Trang "loi.csv", dòng 3, cột A (unit): không tìm thấy đơn vị "LD-BL-KHONGCO"',
      'Trang "loi.csv", dòng 3, cột B (year): năm "20x4" không hợp lệ (1990–2100)',
      expect.stringMatching(/^Trang "loi.csv", dòng 3, cột C \(title\): phong trào không có danh hiệu "vang"/),
    ]);
    expect(kdc('import', 'template', 'history', '--program', 'baolam-kdc', '--unit', 'LD-BL-THUNGHIEM', '--out', join(dir, 'mau.xlsx')).stdout).toBe(
      `Đã ghi mẫu ${join(dir, 'mau.xlsx')}\n`,
    );
    expect(existsSync(join(dir, 'mau.xlsx'))).toBe(true);
  }, 120_000);

  it('after a merge, the commune that took the villages over counts them for earlier years; the historical map still shows the old commune', () => {
    const before = JSON.parse(kdc('report', '--program', 'baolam-kdc', '--year', '2022', '--unit', 'LD-BL', '--format', 'json').stdout) as {
      recognized: number;
      byUnit: Array<{ unitName: string; recognized: number; areas: number }>;
    };
    const locAn = before.byUnit.find((u) => u.unitName === 'Xã Lộc An')!;
    const locThanh = before.byUnit.find((u) => u.unitName === 'Xã Thử Nghiệm')!;
    const merge = kdc(
      'reorganize',
      'merge',
      '--date',
      '2025-07-01',
      '--basis',
      'Nghị quyết minh họa',
      '--into',
      'Tỉnh Lâm Đồng > Huyện Bảo Lâm > Xã Lộc An',
      'LD-BL-THUNGHIEM',
    );
    expect(merge.stdout).toBe('Đã sáp nhập Xã Thử Nghiệm vào Xã Lộc An (từ 2025-07-01)\n');

    const after = JSON.parse(kdc('report', '--program', 'baolam-kdc', '--year', '2022', '--unit', 'LD-BL-LOCAN', '--format', 'json').stdout) as {
      recognized: number;
      areaCount: number;
    };
    expect(after).toMatchObject({ recognized: locAn.recognized + locThanh.recognized, areaCount: locAn.areas + locThanh.areas });
    const historical = JSON.parse(
      kdc('report', '--program', 'baolam-kdc', '--year', '2022', '--unit', 'LD-BL', '--boundaries', 'historical', '--format', 'json').stdout,
    ) as typeof before;
    expect(historical.byUnit.map((u) => [u.unitName, u.recognized])).toEqual(before.byUnit.map((u) => [u.unitName, u.recognized]));
    expect(historical.recognized).toBe(before.recognized);

    // Backed up and restored into an empty directory, the lineage and the parent history come along: the same reports.
    expect(kdc('backup', join(dir, 'sao-luu.jsonl.gz')).code).toBe(0);
    const copy = (...args: string[]) => runKdc(args, { env: { KDC_DATA_DIR: join(dir, 'ban-sao') } });
    expect(copy('restore', join(dir, 'sao-luu.jsonl.gz')).code).toBe(0);
    const args = ['report', '--program', 'baolam-kdc', '--year', '2022', '--unit', 'LD-BL', '--boundaries', 'historical', '--format', 'json'];
    expect(copy(...args).stdout).toBe(kdc(...args).stdout);
  }, 300_000);
});
