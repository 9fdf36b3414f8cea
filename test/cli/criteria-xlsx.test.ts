/**
 * `kdc criteria template | import | export | form`, run as the real command:
 * Lai Châu exported and imported is the set `kdc criteria show` prints; a set
 * typed into the template evaluates through `kdc evaluate` like its JSON
 * twin; a broken workbook prints its problems in Vietnamese, exits non-zero
 * and writes nothing; the form is a DOCX with the set's words.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKdc } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'kdc-criteria-xlsx-'));
const path = (name: string) => join(dir, name);
const ok = (args: string[]) => {
  const result = runKdc(args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
};

describe('kdc criteria export and import', { timeout: 180_000 }, () => {
  it('Lai Châu goes to Excel and back as the same set', () => {
    expect(ok(['criteria', 'export', 'laichau-tqpttd', '--out', path('laichau.xlsx')])).toContain('Đã ghi');
    expect(ok(['criteria', 'import', path('laichau.xlsx'), '--out', path('laichau.json')])).toMatch(
      /^Đã ghi .*laichau\.json: Tổ dân phố, bản tự quản, phát triển toàn diện .* 6 tiêu chuẩn, 41 tiêu chí, 4 trường hợp loại trừ, 1 danh hiệu\.\n$/,
    );
    expect(JSON.parse(readFileSync(path('laichau.json'), 'utf8'))).toEqual(JSON.parse(ok(['criteria', 'show', 'laichau-tqpttd', '--format', 'json'])));
  });

  it('a set typed into the template evaluates like its JSON twin', async () => {
    ok(['criteria', 'template', '--out', path('mau.xlsx')]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path('mau.xlsx')) as unknown as ArrayBuffer);
    const fill = (sheet: string, rows: Array<Array<string | number>>) =>
      rows.forEach((r, i) =>
        r.forEach((v, j) => {
          wb
            .getWorksheet(sheet)!
            .getRow(i + 2)
            .getCell(j + 1).value = v;
        }),
      );
    const values: Record<string, string> = {
      'Mã bộ tiêu chí': 'thon-vidu',
      'Tên bộ tiêu chí': 'Thôn tự quản (xã Ví Dụ)',
      'Phiên bản': '2025',
      'Loại văn bản ban hành': 'Hướng dẫn',
      'Số, ký hiệu văn bản': '01/HD-UBND',
      'Ngày ban hành': '15/01/2025',
      'Cơ quan ban hành': 'UBND xã Ví Dụ',
      'Có hiệu lực từ ngày': '01/01/2025',
    };
    wb.getWorksheet('Bộ tiêu chí')!.eachRow((row) => {
      const v = values[String(row.getCell(1).value)];
      if (v) row.getCell(2).value = v;
    });
    fill('Tiêu chuẩn', [
      ['1', 'Tiêu chuẩn 1: Tự quản'],
      ['2', 'Tiêu chuẩn 2: Đời sống'],
    ]);
    // Tiêu chuẩn, Mã tiêu chí, Thuộc tiêu chí, Nội dung, Lời dẫn, Loại, Đo bằng, Đối tượng đo, Tối thiểu, Tối đa
    fill('Tiêu chí', [
      ['1', '1.1', '', 'Có tổ tự quản hoạt động thường xuyên.', '', 'đạt/không đạt'],
      ['1', '1.2', '', '98% trở lên số hộ thực hiện tốt quy ước.', '', 'định lượng', 'tỷ lệ %', 'hộ', '98'],
      ['2', '2.1', '', 'Khu dân cư không có hộ nghèo.', '', 'định lượng', 'số lượng', 'hộ nghèo', '', '0'],
    ]);
    fill('Trường hợp loại trừ', [['L.1', 'Có tụ điểm ma túy.']]);
    fill('Danh hiệu', [['tu-quan', 'Thôn tự quản', 1, 80, '', '', '', '', '', '1.1', '', 'tất cả']]);
    writeFileSync(path('thon.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    ok(['criteria', 'import', path('thon.xlsx'), '--out', path('thon.json')]);
    writeFileSync(
      path('twin.json'),
      JSON.stringify({
        format: 'kdc-criteria/1',
        code: 'thon-vidu',
        version: '2025',
        name: 'Thôn tự quản (xã Ví Dụ)',
        legalBasis: { documentType: 'Hướng dẫn', number: '01/HD-UBND', date: '2025-01-15', issuer: 'UBND xã Ví Dụ' },
        validFrom: '2025-01-01',
        scoring: 'pass-fail',
        sections: [
          {
            code: '1',
            title: 'Tiêu chuẩn 1: Tự quản',
            criteria: [
              { code: '1.1', text: 'Có tổ tự quản hoạt động thường xuyên.', kind: 'pass-fail' },
              { code: '1.2', text: '98% trở lên số hộ thực hiện tốt quy ước.', kind: 'quantity', quantity: { measure: 'percent', of: 'hộ', min: 98 } },
            ],
          },
          {
            code: '2',
            title: 'Tiêu chuẩn 2: Đời sống',
            criteria: [{ code: '2.1', text: 'Khu dân cư không có hộ nghèo.', kind: 'quantity', quantity: { measure: 'count', of: 'hộ nghèo', max: 0 } }],
          },
        ],
        disqualifiers: [{ code: 'L.1', text: 'Có tụ điểm ma túy.' }],
        levels: [{ code: 'tu-quan', name: 'Thôn tự quản', rank: 1, rule: { minSectionPassPercent: 80, requiredCriteria: ['1.1'], disqualifiers: 'all' } }],
      }),
    );
    writeFileSync(
      path('areas.json'),
      JSON.stringify([
        { area: 'Thôn 1', kind: 'thon', values: { '1.1': true, '1.2': 98.5, '2.1': 0, 'L.1': false } },
        { area: 'Thôn 2', kind: 'thon', values: { '1.1': true, '1.2': 97, '2.1': 0, 'L.1': false } },
        { area: 'Thôn 3', kind: 'thon', values: { '1.1': true, '1.2': 99, '2.1': 0, 'L.1': true } },
      ]),
    );
    const fromSheet = JSON.parse(ok(['evaluate', '--set', path('thon.json'), '--input', path('areas.json'), '--format', 'json'])) as Array<{
      recognized: boolean;
    }>;
    const fromJson = JSON.parse(ok(['evaluate', '--set', path('twin.json'), '--input', path('areas.json'), '--format', 'json']));
    expect(fromSheet).toEqual(fromJson);
    expect(fromSheet.map((v) => v.recognized)).toEqual([true, false, false]);
  });

  it('a broken workbook: problems in Vietnamese at sheet, row and column, exit 2, nothing written', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path('laichau.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tiêu chí')!;
    ws.getRow(3).getCell(6).value = 'trắc nghiệm';
    writeFileSync(path('hong.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const result = runKdc(['criteria', 'import', path('hong.xlsx'), '--out', path('hong.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Lỗi: Tệp ');
    expect(result.stderr).toContain('có 1 lỗi, chưa ghi gì:\nTrang Tiêu chí, dòng 3, cột Loại: "trắc nghiệm" không hợp lệ; chọn một trong: đạt/không đạt;');
    expect(existsSync(path('hong.json'))).toBe(false);
  });
});

describe('kdc criteria form', { timeout: 120_000 }, () => {
  it("writes the blank self-assessment form of Bảo Lâm's illustrative points set", async () => {
    ok(['criteria', 'form', 'vidu-diem', '--year', '2025', '--out', path('phieu.docx')]);
    const xml = await (await JSZip.loadAsync(readFileSync(path('phieu.docx')))).file('word/document.xml')!.async('string');
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('PHIẾU TỰ ĐÁNH GIÁ');
    expect(xml).toContain('Tổng cộng');
    expect(xml).toContain('/ 100 điểm');
  });
});
