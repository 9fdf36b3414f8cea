/**
 * A criteria set typed in Excel (issue 10, item 5): every built-in set goes to
 * a workbook and comes back the same set; a template filled as a clerk types
 * it ("80", "2.000.000", "97,5", Vietnamese words, dates day first) reads,
 * validates and evaluates like its JSON twin; and a broken workbook names
 * each problem at its sheet, row and column, in Vietnamese.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  describeCriteriaProblem,
  readCriteriaWorkbook,
  writeCriteriaTemplate,
  writeCriteriaWorkbook,
  type CriteriaSheetProblem,
} from '../../src/app/criteria/xlsx';
import { builtinSets, findBuiltinSet } from '../../src/core/criteria/builtin/index';
import { parseCriteriaSet } from '../../src/core/criteria/validate';
import { evaluate } from '../../src/core/evaluation/evaluate';

type Value = string | number;

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

const save = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** Column number of a header in row 1. */
function column(ws: ExcelJS.Worksheet, header: string): number {
  const values = ws.getRow(1).values as unknown[];
  const i = values.findIndex((v) => v === header);
  if (i < 1) throw new Error(`no column ${header} in ${ws.name}`);
  return i;
}

/** Rows typed under the headers, from row 2, as a clerk would. */
function type(ws: ExcelJS.Worksheet, rows: Array<Record<string, Value>>): void {
  rows.forEach((row, i) => {
    for (const [header, value] of Object.entries(row)) ws.getRow(i + 2).getCell(column(ws, header)).value = value;
  });
}

/** The value cell of a field on the sheet "Bộ tiêu chí". */
function setField(ws: ExcelJS.Worksheet, label: string, value: Value): void {
  let found = false;
  ws.eachRow((row) => {
    if (row.getCell(1).value === label) {
      row.getCell(2).value = value;
      found = true;
    }
  });
  if (!found) throw new Error(`no field ${label}`);
}

/** The row of a criterion code on the sheet "Tiêu chí". */
function rowOf(ws: ExcelJS.Worksheet, code: string): number {
  let n = 0;
  ws.eachRow((r, i) => {
    if (r.getCell(column(ws, 'Mã tiêu chí')).value === code) n = i;
  });
  return n;
}

async function problemsOf(buffer: Buffer): Promise<CriteriaSheetProblem[]> {
  const result = await readCriteriaWorkbook(buffer);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe('every built-in set, to a workbook and back', () => {
  it.each(builtinSets.map((s) => [s.code, s] as const))('%s is the same set', async (_code, set) => {
    const result = await readCriteriaWorkbook(await writeCriteriaWorkbook(set));
    if (!result.ok) throw new Error(result.problems.map(describeCriteriaProblem).join('\n'));
    expect(result.set).toEqual(set);
  });

  it('writes Lai Châu 2.3 as a criterion and its wording for bản and tổ dân phố as rows, not JSON', async () => {
    const wb = await load(await writeCriteriaWorkbook(findBuiltinSet('laichau-tqpttd')!));
    const ws = wb.getWorksheet('Tiêu chí')!;
    const rows: string[][] = [];
    ws.eachRow((row) =>
      rows.push(
        [column(ws, 'Thuộc tiêu chí'), column(ws, 'Loại'), column(ws, 'Chỉ áp dụng cho'), column(ws, 'Khác (JSON)')].map((c) =>
          String(row.getCell(c).value ?? ''),
        ),
      ),
    );
    const variants = rows.filter((r) => r[0] === '2.3');
    expect(variants.map((r) => r[1])).toEqual(['lời văn riêng', 'lời văn riêng']);
    expect(variants.map((r) => r[2])).toEqual(['bản, thôn', 'tổ dân phố']);
    expect(rows.slice(1).every((r) => r[3] === '')).toBe(true);
  });
});

/** A small points set as a JSON file would say it: the twin of the workbook typed below. */
const twin = {
  format: 'kdc-criteria/1',
  code: 'xa-vidu-diem',
  version: '01-2025',
  name: 'Khu dân cư tiêu biểu, kiểu mẫu xã Ví Dụ',
  legalBasis: { documentType: 'Quyết định', number: '15/QĐ-MTTQ-BTT', date: '2025-03-05', issuer: 'Ban Thường trực Ủy ban MTTQ Việt Nam xã Ví Dụ' },
  validFrom: '2025-01-01',
  scoring: 'points',
  sections: [
    {
      code: '1',
      title: 'Nội dung 1: Kinh tế',
      criteria: [
        {
          code: '1.1',
          text: 'Thu nhập bình quân đầu người đạt từ 2.000.000 đồng/tháng trở lên.',
          kind: 'quantity',
          quantity: { measure: 'count', of: 'đồng/người/tháng', min: 2000000 },
        },
        { code: '1.2', text: 'Có mô hình kinh tế hiệu quả.', kind: 'points', maxPoints: 10, passPoints: 7.5 },
      ],
    },
    {
      code: '2',
      title: 'Nội dung 2: An ninh, trật tự',
      criteria: [
        { code: '2.1', text: 'Không có tụ điểm, người nghiện ma túy.', kind: 'points', maxPoints: 10, passPoints: 10 },
        {
          code: '2.2',
          text: '97,5% trở lên số hộ ký cam kết an ninh, trật tự.',
          kind: 'quantity',
          quantity: { measure: 'percent', of: 'hộ', min: 97.5 },
          appliesTo: { areaKinds: ['to-dan-pho', 'ban'] },
        },
      ],
    },
  ],
  disqualifiers: [{ code: 'L.1', text: 'Có khiếu kiện đông người, vượt cấp.' }],
  levels: [
    {
      code: 'tieu-bieu',
      name: 'Khu dân cư tiêu biểu',
      rank: 1,
      rule: {
        minTotalPoints: { value: 80, as: 'percent' },
        knockoutCriteria: ['2.1'],
        disqualifiers: 'all',
        overrides: [{ when: { especiallyDifficult: true }, minTotalPoints: { value: 70, as: 'percent' } }],
      },
    },
    {
      code: 'kieu-mau',
      name: 'Khu dân cư kiểu mẫu',
      rank: 2,
      rule: { minTotalPoints: { value: 18, as: 'points' }, requiredCriteria: ['1.1', '2.2'], requiresHistory: { level: 'tieu-bieu', consecutiveYears: 1 } },
    },
  ],
};

async function clerkWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = await load(await writeCriteriaTemplate());
  const set = wb.getWorksheet('Bộ tiêu chí')!;
  for (const [label, value] of [
    ['Mã bộ tiêu chí', 'xa-vidu-diem'],
    ['Tên bộ tiêu chí', 'Khu dân cư tiêu biểu, kiểu mẫu xã Ví Dụ'],
    ['Phiên bản', '01-2025'],
    ['Loại văn bản ban hành', 'Quyết định'],
    ['Số, ký hiệu văn bản', '15/QĐ-MTTQ-BTT'],
    ['Ngày ban hành', '05/03/2025'],
    ['Cơ quan ban hành', 'Ban Thường trực Ủy ban MTTQ Việt Nam xã Ví Dụ'],
    ['Có hiệu lực từ ngày', '1/1/2025'],
    ['Cách đánh giá', 'Chấm điểm'],
  ] as const)
    setField(set, label, value);
  type(wb.getWorksheet('Tiêu chuẩn')!, [
    { 'Mã tiêu chuẩn': 1, 'Tên tiêu chuẩn': 'Nội dung 1: Kinh tế' },
    { 'Mã tiêu chuẩn': '2', 'Tên tiêu chuẩn': 'Nội dung 2: An ninh, trật tự' },
  ]);
  type(wb.getWorksheet('Tiêu chí')!, [
    {
      'Tiêu chuẩn': '1',
      'Mã tiêu chí': '1.1',
      'Nội dung tiêu chí': 'Thu nhập bình quân đầu người đạt từ 2.000.000 đồng/tháng trở lên.',
      Loại: 'định lượng',
      'Đo bằng': 'số lượng',
      'Đối tượng đo': 'đồng/người/tháng',
      'Tối thiểu': '2.000.000',
    },
    { 'Tiêu chuẩn': '1', 'Mã tiêu chí': '1.2', 'Nội dung tiêu chí': 'Có mô hình kinh tế hiệu quả.', Loại: 'Chấm điểm', 'Điểm tối đa': '10', 'Điểm đạt': '7,5' },
    {
      'Tiêu chuẩn': '2',
      'Mã tiêu chí': '2.1',
      'Nội dung tiêu chí': '  Không có tụ điểm, người nghiện ma túy.',
      Loại: 'chấm điểm',
      'Điểm tối đa': 10,
      'Điểm đạt': 10,
    },
    {
      'Tiêu chuẩn': '2',
      'Mã tiêu chí': '2.2',
      'Nội dung tiêu chí': '97,5% trở lên số hộ ký cam kết an ninh, trật tự.',
      Loại: 'Dinh luong',
      'Đo bằng': '%',
      'Đối tượng đo': 'hộ',
      'Tối thiểu': '97,5',
      'Chỉ áp dụng cho': 'Tổ dân phố, bản',
    },
  ]);
  type(wb.getWorksheet('Trường hợp loại trừ')!, [{ Mã: 'L.1', 'Nội dung': 'Có khiếu kiện đông người, vượt cấp.' }]);
  type(wb.getWorksheet('Danh hiệu')!, [
    {
      'Mã danh hiệu': 'tieu-bieu',
      'Tên danh hiệu': 'Khu dân cư tiêu biểu',
      Bậc: '1',
      'Tổng điểm tối thiểu': '80',
      'Tổng điểm tính theo': '% điểm tối đa',
      'Tiêu chí điểm liệt': '2.1',
      'Trường hợp loại trừ áp dụng': 'tất cả',
      'Ngưỡng riêng (JSON)': '[{"when": {"especiallyDifficult": true}, "minTotalPoints": {"value": 70, "as": "percent"}}]',
    },
    {
      'Mã danh hiệu': 'kieu-mau',
      'Tên danh hiệu': 'Khu dân cư kiểu mẫu',
      Bậc: 2,
      'Tổng điểm tối thiểu': 18,
      'Tổng điểm tính theo': 'điểm',
      'Tiêu chí bắt buộc đạt': '1.1; 2.2',
      'Phải giữ danh hiệu năm trước': 'tieu-bieu',
    },
  ]);
  return wb;
}

describe('a template filled as a clerk types it', () => {
  it('reads, validates and evaluates like its JSON twin', async () => {
    const json = parseCriteriaSet(twin);
    if (!json.ok) throw new Error(JSON.stringify(json.problems));
    const result = await readCriteriaWorkbook(await save(await clerkWorkbook()));
    if (!result.ok) throw new Error(result.problems.map(describeCriteriaProblem).join('\n'));
    expect(result.set).toEqual(json.set);

    const areas = [
      {
        profile: { area: 'Tổ dân phố 1', kind: 'to-dan-pho' },
        values: { '1.1': 2_100_000, '1.2': 8, '2.1': 10, '2.2': 98, 'L.1': false },
        history: [{ year: 2024, level: 'tieu-bieu' }],
      },
      { profile: { area: 'Thôn 2', kind: 'thon', especiallyDifficult: true }, values: { '1.1': 1_900_000, '1.2': 6, '2.1': 10, '2.2': 'na', 'L.1': false } },
      { profile: { area: 'Bản 3', kind: 'ban' }, values: { '1.1': 2_000_000, '1.2': 10, '2.1': 5, '2.2': 99, 'L.1': false } },
      { profile: { area: 'Tổ dân phố 4', kind: 'to-dan-pho' }, values: { '1.1': 2_000_000, '1.2': 10, '2.1': 10, '2.2': 99, 'L.1': true } },
    ];
    const verdicts = areas.map((a) => ({ year: 2025, ...a })).map((ctx) => [evaluate(result.set, ctx as never), evaluate(json.set, ctx as never)]);
    for (const [fromSheet, fromJson] of verdicts) expect(fromSheet).toEqual(fromJson);
    expect(verdicts.map(([v]) => v!.title)).toEqual(['kieu-mau', 'tieu-bieu', null, null]);
  });
});

describe('a broken workbook says where', () => {
  const laichau = () => writeCriteriaWorkbook(findBuiltinSet('laichau-tqpttd')!);

  it('a missing sheet', async () => {
    const wb = await load(await laichau());
    wb.removeWorksheet(wb.getWorksheet('Tiêu chí')!.id);
    const problems = await problemsOf(await save(wb));
    expect(problems).toHaveLength(1);
    expect(describeCriteriaProblem(problems[0]!)).toBe(
      'Trang Tiêu chí: tệp không có trang "Tiêu chí" (các trang cần có: Bộ tiêu chí, Tiêu chuẩn, Tiêu chí, Trường hợp loại trừ, Danh hiệu)',
    );
  });

  it('an unknown kind and a threshold that is not a number, each at its row and column', async () => {
    const wb = await load(await laichau());
    const ws = wb.getWorksheet('Tiêu chí')!;
    ws.getRow(rowOf(ws, '1.2')).getCell(column(ws, 'Loại')).value = 'có/không';
    ws.getRow(rowOf(ws, '1.3')).getCell(column(ws, 'Tối thiểu')).value = 'chín tám';
    const problems = await problemsOf(await save(wb));
    expect(problems.map(describeCriteriaProblem)).toEqual([
      'Trang Tiêu chí, dòng 3, cột Loại: "có/không" không hợp lệ; chọn một trong: đạt/không đạt; định lượng; chấm điểm; giữ danh hiệu; tỷ lệ đạt danh hiệu',
      'Trang Tiêu chí, dòng 4, cột Tối thiểu: "chín tám" không phải là số',
    ]);
    expect(problems[0]).toEqual({ sheet: 'Tiêu chí', row: 3, column: 'Loại', message: expect.stringContaining('"có/không" không hợp lệ') });
  });

  it('a duplicate criterion code, naming where the code was first used', async () => {
    const wb = await load(await laichau());
    const ws = wb.getWorksheet('Tiêu chí')!;
    ws.getRow(rowOf(ws, '1.4')).getCell(column(ws, 'Mã tiêu chí')).value = '1.1';
    const problems = await problemsOf(await save(wb));
    expect(problems.map(describeCriteriaProblem)).toEqual([
      'Trang Tiêu chí, dòng 5, cột Mã tiêu chí: mã "1.1" bị trùng (đã dùng ở Trang Tiêu chí, dòng 2, cột Mã tiêu chí)',
    ]);
  });

  it('a rule naming a title the set does not have', async () => {
    const wb = await load(await laichau());
    const ws = wb.getWorksheet('Danh hiệu')!;
    ws.getRow(2).getCell(column(ws, 'Phải giữ danh hiệu năm trước')).value = 'kieu-mau';
    ws.getRow(2).getCell(column(ws, 'Tiêu chí bắt buộc đạt')).value = '4.1, 9.9';
    const problems = await problemsOf(await save(wb));
    expect(problems.map(describeCriteriaProblem)).toEqual([
      'Trang Danh hiệu, dòng 2, cột Tiêu chí bắt buộc đạt: không có tiêu chí mã "9.9" trong bộ',
      'Trang Danh hiệu, dòng 2, cột Phải giữ danh hiệu năm trước: không có danh hiệu mã "kieu-mau"',
    ]);
  });

  it("a quantity without a threshold, in the sheet's words", async () => {
    const wb = await load(await laichau());
    const ws = wb.getWorksheet('Tiêu chí')!;
    ws.getRow(4).getCell(column(ws, 'Tối thiểu')).value = null;
    const problems = await problemsOf(await save(wb));
    expect(problems.map(describeCriteriaProblem)).toEqual(['Trang Tiêu chí, dòng 4, cột Tối thiểu: cần ít nhất một ngưỡng Tối thiểu hoặc Tối đa']);
  });

  it('a file that is not a workbook', async () => {
    const problems = await problemsOf(Buffer.from('code,name\n1,2\n'));
    expect(problems[0]!.message).toContain('không mở được như một tệp Excel');
  });
});
