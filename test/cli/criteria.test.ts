/**
 * `kdc criteria list | show | validate`, run as the real command: the built-in
 * frameworks are listed with their legal basis, `show` tells the document's
 * words from the set's own and from unchecked ones, and templates are valid
 * files that cannot be used until a province completes them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinSets, findBuiltinSet } from '../../src/core/criteria/builtin/index';
import { runKdc } from '../support/cli';

// Each case starts the real command one to three times; a loaded machine takes seconds per start.

const dir = mkdtempSync(join(tmpdir(), 'kdc-criteria-'));
const file = (name: string, data: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
};
const ok = (args: string[]) => {
  const result = runKdc(args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
};
/** The line of `show` output for one criterion code. */
const lineOf = (out: string, code: string) => out.split('\n').find((l) => l.trimStart().startsWith(`${code} `)) ?? '';

describe('kdc criteria list', { timeout: 120_000 }, () => {
  it('prints each built-in set with its legal basis and its flags', () => {
    const lines = ok(['criteria', 'list']).trimEnd().split('\n');
    expect(lines).toHaveLength(builtinSets.length);
    expect(lines).toContain(
      'tt124-xa-antt@2021\tXã, phường, thị trấn đạt tiêu chuẩn “An toàn về an ninh, trật tự” (Thông tư 124/2021/TT-BCA, Điều 5)\tThông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an',
    );
    const line = (code: string) => lines.find((l) => l.startsWith(`${code}@`)) ?? '';
    expect(line('nd86-thon-tdp-van-hoa')).toMatch(/\tNghị định số 86\/2023\/NĐ-CP ngày 07\/12\/2023 của Chính phủ \[KHUNG MẪU\]$/);
    expect(line('nd122-khu-dan-cu-van-hoa')).toMatch(/\tNghị định số 122\/2018\/NĐ-CP ngày 17\/09\/2018 của Chính phủ \[KHUNG MẪU\]$/);
    expect(line('tt124-khu-dan-cu-antt')).toMatch(/\tThông tư số 124\/2021\/TT-BCA ngày 28\/12\/2021 của Bộ Công an$/);
    expect(line('vidu-thon-van-hoa')).toMatch(/ \[MINH HỌA\]$/);
    expect(line('vidu-tuyen-pho-van-minh')).toMatch(/ \[MINH HỌA\]$/);
  });

  it('gives the same in JSON, and refuses an unknown format in Vietnamese', () => {
    const list = JSON.parse(ok(['criteria', 'list', '--format', 'json'])) as Array<Record<string, unknown>>;
    expect(list.map((s) => `${String(s.code)}@${String(s.version)}`)).toEqual(builtinSets.map((s) => `${s.code}@${s.version}`));
    expect(list.find((s) => s.code === 'nd86-thon-tdp-van-hoa')).toMatchObject({
      template: true,
      illustrative: false,
      subject: 'area',
      legalBasisText: 'Nghị định số 86/2023/NĐ-CP ngày 07/12/2023 của Chính phủ',
      legalBasis: { documentType: 'Nghị định', number: '86/2023/NĐ-CP', date: '2023-12-07', issuer: 'Chính phủ' },
    });
    expect(list.find((s) => s.code === 'tt124-xa-antt')).toMatchObject({ template: false, subject: 'commune' });
    const bad = runKdc(['criteria', 'list', '--format', 'xml']);
    expect([bad.code, bad.stderr]).toEqual([2, 'Lỗi: Định dạng "xml" không hỗ trợ; dùng text hoặc json\n']);
  });
});

describe('kdc criteria show', { timeout: 120_000 }, () => {
  it('shows the commune title of TT 124: subject, period, unchecked wording, and the 70% share in words', () => {
    const out = ok(['criteria', 'show', 'tt124-xa-antt']);
    expect(out).toContain('Mã tt124-xa-antt, phiên bản 2021; Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an');
    expect(out).toContain('Đối tượng xét: xã, phường, thị trấn, đặc khu');
    expect(out).toContain('Kỳ đánh giá: từ 16/11 năm trước đến 15/11 năm đánh giá');
    expect(out).toContain('không được đánh dấu «không áp dụng»');
    expect(lineOf(out, '1')).not.toContain('[chưa đối chiếu nguyên văn]');
    expect(lineOf(out, '3')).toMatch(/… không có cá nhân vi phạm bị xử lý kỷ luật\. \[chưa đối chiếu nguyên văn\]$/);
    expect(out).toContain(
      'Xác định từ hồ sơ công nhận: đạt khi từ 70% trở lên số khu dân cư trực thuộc giữ danh hiệu «Khu dân cư đạt tiêu chuẩn “An toàn về an ninh, trật tự”» theo bộ tiêu chí tt124-khu-dan-cu-antt trong năm đánh giá',
    );
    expect(out).toContain('Điều kiện: đạt tất cả các tiêu chí');
    expect(out).toContain('Ghi chú của bộ tiêu chí:');
  });

  it('keeps the set’s own words apart from the document’s, and names the title a criterion rests on', () => {
    const out = ok(['criteria', 'show', 'laichau-tqpttd']);
    expect(out).toContain('Tiêu chuẩn 1:');
    expect(lineOf(out, '2.3')).toBe('  2.3 [lời của bộ tiêu chí] «Phát triển sản xuất, kinh doanh theo loại hình khu dân cư:»');
    expect(out).toContain('[lời của bộ tiêu chí] «Các hộ gia đình tích cực» tham gia xây dựng phường');
    expect(out).toContain('Xác định từ hồ sơ công nhận: đạt khi giữ danh hiệu mã «van-hoa» của phong trào mã laichau-van-hoa trong năm đánh giá');
    expect(out).toContain('II.4');
    expect(out).not.toContain('[chưa đối chiếu nguyên văn]');
  });

  it('shows a template with its thresholds by place, its reward and what a province must complete', () => {
    const nd122 = ok(['criteria', 'show', 'nd122-khu-dan-cu-van-hoa']);
    expect(nd122.split('\n')[0]).toMatch(/ — KHUNG MẪU, TỈNH CẦN HOÀN THIỆN TRƯỚC KHI DÙNG$/);
    expect(lineOf(nd122, '1.1')).toBe('  1.1 [chưa có điểm tối đa] Người trong độ tuổi lao động có việc làm và thu nhập ổn định;');
    expect(nd122).toContain('Điều kiện: mỗi tiêu chuẩn tối thiểu 50% số điểm tối đa; tổng điểm từ 80 điểm trở lên');
    expect(nd122).toContain('Riêng nơi đơn vị hoặc cấp trên có thuộc tính thành phố trực thuộc trung ương: tổng điểm từ 90 điểm trở lên');
    expect(nd122).toContain('Riêng nơi đơn vị hoặc cấp trên có thuộc tính miền núi hoặc hải đảo hoặc đặc biệt khó khăn: tổng điểm từ 60 điểm trở lên');
    expect(nd122).toMatch(/Tỉnh cần hoàn thiện trước khi dùng:\n {2}- tiêu chí chấm điểm 1\.1 cần "maxPoints"/);
    expect(nd122).toContain('  - tiêu chuẩn 4 chưa có tiêu chí nào');
    const nd86 = ok(['criteria', 'show', 'nd86-thon-tdp-van-hoa']);
    expect(nd86).toContain('Thưởng: 1,5 × mức lương cơ sở (Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ)');
    expect(nd86).toContain('Chưa có ngưỡng (tỉnh quy định)');
    expect(nd86).toMatch(
      /\nV\. Có tinh thần đoàn kết, tương trợ, giúp đỡ lẫn nhau trong cộng đồng \[chưa đối chiếu nguyên văn\]\n(.*\n)? {2}\(chưa có tiêu chí\)/,
    );
  });

  it('shows points parts with their maxima and a share computed from figures', () => {
    const set = JSON.parse(JSON.stringify(findBuiltinSet('vidu-diem'))) as { sections: Array<{ criteria: Array<Record<string, unknown>> }> };
    set.sections[0]!.criteria[0] = {
      code: '1.1',
      text: 'Hệ thống chính trị',
      kind: 'points',
      maxPoints: 5,
      parts: [
        { code: '1.1.1', text: 'Chi bộ hoàn thành tốt nhiệm vụ', kind: 'points', maxPoints: 3 },
        { code: '1.1.2', text: 'Ban công tác Mặt trận xếp loại tốt', kind: 'points', maxPoints: 2 },
      ],
    };
    const out = ok(['criteria', 'show', file('parts.json', set)]);
    expect(lineOf(out, '1.1')).toBe('  1.1 [tối đa 5 điểm] Hệ thống chính trị');
    expect(lineOf(out, '1.1.1')).toBe('    1.1.1 [tối đa 3 điểm] Chi bộ hoàn thành tốt nhiệm vụ');
    expect(lineOf(out, '1.1.2')).toBe('    1.1.2 [tối đa 2 điểm] Ban công tác Mặt trận xếp loại tốt');
    const thon = ok(['criteria', 'show', 'vidu-thon-van-hoa']);
    expect(lineOf(thon, 'IV.1')).toBe('  IV.1 [lời của bộ tiêu chí] «Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”»');
    expect(thon).toContain('Định lượng: tối thiểu 80% hộ; tính từ số liệu «Số hộ đạt danh hiệu “Gia đình văn hóa”» / «Số hộ» của năm đánh giá');
    expect(thon.split('\n')[0]).toMatch(/ — BỘ MINH HỌA, KHÔNG PHẢI VĂN BẢN CHÍNH THỨC$/);
  });
});

describe('kdc criteria validate', { timeout: 120_000 }, () => {
  it('names the file, path and problem', () => {
    const bad = JSON.parse(JSON.stringify(findBuiltinSet('laichau-tqpttd')));
    delete bad.sections[0].title;
    const path = file('set.json', bad);
    const result = runKdc(['criteria', 'validate', path]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${path}: $.sections[0].title:`);
    expect(ok(['criteria', 'validate', file('ok.json', findBuiltinSet('laichau-tqpttd'))])).toMatch(/^Hợp lệ: .*41 tiêu chí/);
  });

  it('says a template is valid as a template and lists what a province must complete; evaluate refuses it', () => {
    const out = ok(['criteria', 'validate', file('nd86.json', findBuiltinSet('nd86-thon-tdp-van-hoa'))]);
    expect(out).toBe(
      [
        'Hợp lệ (bộ khung mẫu): Thôn, tổ dân phố văn hóa — khung tiêu chuẩn theo Nghị định 86/2023/NĐ-CP (mã nd86-thon-tdp-van-hoa, phiên bản 2023) — 5 tiêu chuẩn, 13 tiêu chí, 0 trường hợp loại trừ, 1 danh hiệu.',
        'Bộ khung mẫu chưa dùng được để đánh giá; tỉnh cần hoàn thiện:',
        '  - $.sections[3].criteria: tiêu chuẩn IV chưa có tiêu chí nào',
        '  - $.sections[4].criteria: tiêu chuẩn V chưa có tiêu chí nào',
        '  - $.levels[0].rule: danh hiệu «Thôn, tổ dân phố văn hóa» chưa có ngưỡng hay tiêu chí bắt buộc nào',
        '',
      ].join('\n'),
    );
    const refused = runKdc(['evaluate', '--set', 'nd86-thon-tdp-van-hoa', '--input', file('areas.json', [])]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^Lỗi: Bộ tiêu chí «Thôn, tổ dân phố văn hóa .*» là bộ khung mẫu, tỉnh cần hoàn thiện .*: tiêu chuẩn IV chưa có tiêu chí nào/,
    );
  });
});

describe('kdc evaluate on the TT 124 commune set', { timeout: 120_000 }, () => {
  it('judges criterion 4 from the areas under the commune: 7/10 đạt, 6/10 không đạt', () => {
    const areas = (holding: number) =>
      Array.from({ length: 10 }, (_, i) => ({
        name: `Thôn ${i + 1}`,
        kind: 'thon',
        holds: i < holding ? [{ program: 'antt-thon', set: 'tt124-khu-dan-cu-antt', level: 'antt', year: 2026 }] : [],
      }));
    const values = { '1': true, '2': true, '3': true, '4.1': true };
    const input = file('communes.json', [
      { area: 'Xã Bảy', kind: 'xa', year: 2026, children: areas(7), values },
      { area: 'Xã Sáu', kind: 'xa', year: 2026, children: areas(6), values },
    ]);
    const [seven, six] = JSON.parse(ok(['evaluate', '--set', 'tt124-xa-antt', '--input', input, '--format', 'json'])) as Array<Record<string, unknown>>;
    expect(seven).toMatchObject({
      recognized: true,
      title: 'antt',
      fromRecords: [{ code: '4', status: 'dat', source: '4.2: 7/10 khu dân cư được công nhận (70%)' }],
    });
    expect(six).toMatchObject({
      recognized: false,
      reasons: ['Tiêu chí 4 không đạt: 4.2: 6/10 khu dân cư được công nhận (60%), cần tối thiểu 70% — tiêu chí bắt buộc'],
    });
  });
});
