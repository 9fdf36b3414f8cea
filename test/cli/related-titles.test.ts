/**
 * Issue 13 through the real command: `kdc evaluate` judges a criterion of kind
 * "title" from the `holds` it is given (and refuses a value typed for it), a
 * commune's share from its `children`; `kdc criteria list` names the frameworks with
 * their legal basis; `kdc report --all-programs` prints a city's titles side by side.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import { passingScorecard } from '../../src/demo/history';
import { runKdc } from '../support/cli';
import { demoDataDir } from '../support/db';

const dir = mkdtempSync(join(tmpdir(), 'kdc-cli-related-'));
const file = (name: string, data: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
};
const laichau = passingScorecard(findBuiltinSet('laichau-tqpttd')!);
const vanHoa = (year: number) => ({ program: 'laichau-van-hoa', level: 'van-hoa', year });

beforeAll(async () => {
  await demoDataDir(join(dir, 'data'));
}, 180_000);

describe('kdc evaluate with records', () => {
  it('judges 4.3 of the Lai Châu set from "holds", and refuses a value typed for it', () => {
    const input = [
      { area: 'TDP có văn hóa', kind: 'to-dan-pho', communeKind: 'phuong', year: 2026, values: laichau, holds: [vanHoa(2026)] },
      { area: 'TDP năm trước', kind: 'to-dan-pho', communeKind: 'phuong', year: 2026, values: laichau, holds: [vanHoa(2025)] },
    ];
    const out = runKdc(['evaluate', '--set', 'laichau-tqpttd', '--input', file('holds.json', input), '--format', 'json']);
    expect(out.stderr).toBe('');
    const [held, notYet] = JSON.parse(out.stdout) as Array<{
      recognized: boolean;
      fromRecords: Array<{ code: string; status: string; shortfall?: string }>;
      reasons: string[];
    }>;
    expect(held!.fromRecords).toEqual([{ code: '4.3', status: 'dat', source: 'được công nhận năm 2026' }]);
    expect(notYet!.fromRecords).toEqual([{ code: '4.3', status: 'khong-dat', shortfall: 'chưa có quyết định công nhận năm 2026 trong hồ sơ' }]);
    expect(notYet!.reasons).toContain('Tiêu chí 4.3 không đạt: chưa có quyết định công nhận năm 2026 trong hồ sơ');

    const typed = runKdc([
      'evaluate',
      '--set',
      'laichau-tqpttd',
      '--input',
      file('typed.json', [{ ...input[0], values: { ...laichau, '4.3': true } }]),
      '--format',
      'json',
    ]);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toBe(
      'Lỗi: Khu dân cư «TDP có văn hóa»: Tiêu chí 4.3 được xác định từ hồ sơ công nhận và số liệu lưu trong hệ thống, không nhập giá trị\n',
    );
  });

  it('judges a commune from its areas (Thông tư 124/2021/TT-BCA: 70%), with the areas behind the figure', () => {
    const antt = { program: 'x', set: 'tt124-khu-dan-cu-antt', level: 'antt', year: 2025 };
    const children = Array.from({ length: 10 }, (_, i) => ({ name: `TDP ${i + 1}`, kind: 'to-dan-pho', holds: i < 7 ? [antt] : [] }));
    const out = runKdc([
      'evaluate',
      '--set',
      'tt124-xa-antt',
      '--input',
      file('xa.json', [
        { area: 'Phường A', kind: 'phuong', year: 2025, values: { 1: true, 2: true, 3: true, '4.1': true }, children },
        { area: 'Phường B', kind: 'phuong', year: 2025, values: { 1: true, 2: true, 3: true, '4.1': true }, children: children.slice(1) },
      ]),
      '--format',
      'json',
    ]);
    expect(out.stderr).toBe('');
    const verdicts = JSON.parse(out.stdout) as Array<{ recognized: boolean; fromRecords: Array<{ detail?: { held: number; total: number } }> }>;
    expect(verdicts.map((v) => v.recognized)).toEqual([true, false]);
    expect(verdicts[1]!.fromRecords[0]!.detail).toMatchObject({ held: 6, total: 9 });
  });
});

describe('kdc criteria list and kdc report --all-programs', () => {
  it('lists the national frameworks with their legal basis', () => {
    const out = runKdc(['criteria', 'list']);
    expect(out.stdout).toContain('Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an');
    expect(out.stdout).toMatch(/nd86-thon-tdp-van-hoa@.*Nghị định số 86\/2023\/NĐ-CP.*\[KHUNG MẪU\]/);
  });

  it("prints thành phố Lai Châu's 2024 titles side by side, as the city's review counts them", () => {
    const out = runKdc(['report', '--all-programs', '--unit', 'LC-TP', '--year', '2024', '--format', 'json'], { env: { KDC_DATA_DIR: join(dir, 'data') } });
    expect(out.stderr).toBe('');
    const report = JSON.parse(out.stdout) as {
      titles: Array<{ programCode: string; held: number; total: number }>;
      households: { total: number; cultured: number; percent: number };
    };
    expect(report.titles.map((t) => [t.programCode, `${t.held}/${t.total}`])).toEqual([
      ['laichau-van-hoa', '72/72'],
      ['laichau-antt', '65/72'],
      ['laichau-tuyen-pho', '113/131'],
      ['laichau-tqpttd', '35/72'],
    ]);
    expect(report.households).toMatchObject({ total: 12_937, cultured: 12_460, percent: 96.3 });
    const docx = runKdc(['report', '--all-programs', '--unit', 'LC-TP', '--year', '2024', '--format', 'docx', '--out', join(dir, 'danh-hieu.docx')], {
      env: { KDC_DATA_DIR: join(dir, 'data') },
    });
    expect(docx.stdout).toBe(`Đã ghi ${join(dir, 'danh-hieu.docx')}\n`);
    const both = runKdc(['report', '--all-programs', '--program', 'laichau-tqpttd', '--unit', 'LC-TP', '--year', '2024'], {
      env: { KDC_DATA_DIR: join(dir, 'data') },
    });
    expect(both.stderr).toBe('Lỗi: Cần đúng một trong --program MÃ hoặc --all-programs\n');
  }, 180_000); // three runs of the real command, each opening the embedded database
});
