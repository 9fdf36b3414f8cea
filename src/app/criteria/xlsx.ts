/**
 * A criteria set as an Excel workbook, both ways (issue 10, item 5). Officials
 * type criteria tables in Excel, not JSON: `writeCriteriaTemplate` gives them
 * an empty workbook with an instruction sheet, Vietnamese headers and
 * drop-down lists; `readCriteriaWorkbook` turns a filled one into a set through
 * the very validation `kdc criteria validate` applies (parseCriteriaSet), and
 * says each problem at its sheet, row and column in Vietnamese;
 * `writeCriteriaWorkbook` exports any set the same way.
 *
 * The round trip is exact: what a cell cannot sensibly hold (wording
 * variants, conditions beyond kinds of unit, thresholds that differ by place)
 * goes into a JSON cell on the same row, merged over what the other cells
 * say. The writer checks each row by reading it back and moves whatever would
 * not come back the same into that cell, so no field is ever dropped.
 */
import type ExcelJS from 'exceljs';
import type { CriteriaSet, Criterion } from '../../core/criteria/schema';
import { parseCriteriaSet } from '../../core/criteria/validate';
import { formatNumber } from '../../core/text/format';
import { formatDate, formatDayMonth } from '../../core/text/date';
import { fold } from '../../core/text/normalize';
import { cellText } from '../../documents/xlsx/formula';
import { newWorkbook, toBuffer } from '../../documents/xlsx/sheet';
import { MAX_CRITERIA_CELL_CHARS } from '../limits';
import {
  CRITERION_COLUMNS,
  DISQUALIFIER_COLUMNS,
  LEVEL_COLUMNS,
  SECTION_COLUMNS,
  SET_COLUMNS,
  SET_FIELDS,
  SHEETS,
  VARIANT_WORD,
  headerKey,
  wordFor,
  type Column,
} from './layout';
import {
  CRITERION_FIELD_COLUMN,
  LEVEL_FIELD_COLUMN,
  RowReader,
  VARIANT_FIELD_COLUMN,
  clean,
  criterionCells,
  criterionFromRow,
  levelCells,
  levelFromRow,
  asJson,
  missingFrom,
  surplus,
  variantCells,
  variantFromRow,
  type Json,
  type RowCells,
} from './rows';
import { readAllSheets, type TypedSheet } from './sheets';

export { SHEETS as CRITERIA_SHEETS } from './layout';

/** A problem in a criteria workbook: the sheet, its row as Excel numbers it (0: the sheet as a whole), the column's header. */
export interface CriteriaSheetProblem {
  sheet: string;
  row: number;
  column?: string;
  message: string;
}

export type CriteriaWorkbookResult = { ok: true; set: CriteriaSet } | { ok: false; problems: CriteriaSheetProblem[] };

/** "Trang Tiêu chí, dòng 12, cột Loại: loại "abc" không có; …". */
export function describeCriteriaProblem(p: CriteriaSheetProblem): string {
  const where = [`Trang ${p.sheet}`];
  if (p.row > 0) where.push(`dòng ${p.row}`);
  if (p.column) where.push(`cột ${p.column}`);
  return `${where.join(', ')}: ${p.message}`;
}

export function describeCriteriaProblems(problems: CriteriaSheetProblem[]): string {
  return problems.map(describeCriteriaProblem).join('\n');
}

/* ───────────── Writing ───────────── */

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const FONT = { name: 'Times New Roman', size: 12 } as const;
/** Rows offered with drop-down lists in a blank template. */
const LIST_ROWS = 500;

/** A cell written as the reader will see it: numbers as numbers, everything else as text that cannot turn into a formula. */
const toCell = (v: string | number | undefined) => (v === undefined || v === '' ? null : typeof v === 'number' ? v : cellText(v));

function addTable(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Array<Record<string, string | number>>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.height = 42;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = HEADER_FILL;
    cell.note = c.note;
    // Text, so that "1.10" stays "1.10" and "01/11" stays a day of the year; numbers typed in number columns still read as numbers.
    if (
      ![
        'min',
        'max',
        'maxPoints',
        'passPoints',
        'rank',
        'minSectionPassPercent',
        'minTotalPoints',
        'minSectionPoints',
        'consecutiveYears',
        'rewardCoefficient',
      ].includes(c.key)
    )
      ws.getColumn(i + 1).numFmt = '@';
  });
  for (const values of rows) {
    const row = ws.addRow(columns.map((c) => toCell(values[c.key])));
    row.eachCell((cell) => {
      cell.font = FONT;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  }
  columns.forEach((c, i) => {
    if (!c.list) return;
    const letter = ws.getColumn(i + 1).letter;
    const validations = (ws as unknown as { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } }).dataValidations;
    validations.add(`${letter}2:${letter}${Math.max(LIST_ROWS, rows.length + 50)}`, {
      type: 'list',
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: 'warning',
      error: `Chọn một trong: ${c.list.join('; ')}`,
      formulae: [`"${c.list.join(',')}"`],
    });
  });
  return ws;
}

function setRows(set: CriteriaSet | null): Array<Record<string, string | number>> {
  const v: Record<string, string | number | undefined> = set
    ? {
        code: set.code,
        name: set.name,
        version: set.version,
        documentType: set.legalBasis.documentType,
        number: set.legalBasis.number,
        date: formatDate(set.legalBasis.date),
        issuer: set.legalBasis.issuer,
        title: set.legalBasis.title,
        validFrom: formatDate(set.validFrom),
        validTo: set.validTo ? formatDate(set.validTo) : undefined,
        subject: wordFor('subject', set.subject),
        scoring: wordFor('scoring', set.scoring),
        allowNa: wordFor('yesNo', set.allowNa ? 'yes' : 'no'),
        periodFrom: set.period ? formatDayMonth(set.period.from) : undefined,
        periodTo: set.period ? formatDayMonth(set.period.to) : undefined,
        illustrative: wordFor('yesNo', set.illustrative ? 'yes' : 'no'),
        template: wordFor('yesNo', set.template ? 'yes' : 'no'),
        notes: set.notes,
      }
    : { subject: wordFor('subject', 'area'), scoring: wordFor('scoring', 'pass-fail'), allowNa: 'có', illustrative: 'không', template: 'không' };
  return SET_FIELDS.map((f) => ({ label: f.header, value: v[f.key] ?? '', hint: f.note }));
}

function addSetSheet(wb: ExcelJS.Workbook, set: CriteriaSet | null): void {
  const columns: Column[] = [
    { key: 'label', header: SET_COLUMNS.label, note: 'Giữ nguyên tên mục.', width: 30 },
    { key: 'value', header: SET_COLUMNS.value, note: 'Ghi giá trị của bộ tiêu chí.', width: 60 },
    { key: 'hint', header: SET_COLUMNS.hint, note: 'Không được đọc khi nhập.', width: 70 },
  ];
  const ws = addTable(wb, SHEETS.set, columns, setRows(set));
  SET_FIELDS.forEach((f, i) => {
    const cell = ws.getRow(i + 2).getCell(1);
    cell.font = { ...FONT, bold: true };
    if (f.list)
      ws.getRow(i + 2).getCell(2).dataValidation = {
        type: 'list',
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        error: `Chọn một trong: ${f.list.join('; ')}`,
        formulae: [`"${f.list.join(',')}"`],
      };
  });
}

/** Cells of a row; whatever they would not give back exactly goes into its JSON cell. */
function faithful(original: Json, cells: Record<string, string | number>, read: (r: RowReader) => Json, what: string): Record<string, string | number> {
  const back = read(
    new RowReader(Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, typeof v === 'number' ? { text: String(v), number: v } : { text: v }]))),
  );
  const extra = missingFrom(original, back);
  const wrong = surplus(original, back);
  if (wrong.length) throw new Error(`${what}: ô tính tạo ra ${wrong.join(', ')} mà bộ tiêu chí không có`);
  return extra ? { ...cells, extra: JSON.stringify(extra) } : cells;
}

const INSTRUCTIONS = [
  'Mẫu nhập bộ tiêu chí (kdc criteria import TỆP.xlsx --out bo-tieu-chi.json)',
  'Tệp gồm các trang: Bộ tiêu chí (thông tin chung, căn cứ ban hành), Tiêu chuẩn, Tiêu chí, Trường hợp loại trừ, Danh hiệu. Giữ nguyên tên trang và dòng tiêu đề (dòng 1); trang này không được đọc khi nhập.',
  'Mỗi dòng là một mục; dòng trống được bỏ qua; thứ tự các dòng là thứ tự in ra. Di chuột vào ô tiêu đề để xem hướng dẫn của từng cột; cột có danh sách chọn thì chọn trong danh sách.',
  'Mã (bộ tiêu chí, tiêu chuẩn, tiêu chí, trường hợp loại trừ, danh hiệu) chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới: 1.3, 6.3.1, II.2, tieu-bieu. Mã tiêu chí và mã trường hợp loại trừ không trùng nhau.',
  'Số ghi như thường lệ: 80, 97,5 hoặc 2.000.000. Ngày ghi ngày/tháng/năm: 24/12/2021.',
  'Loại tiêu chí: đạt/không đạt; định lượng (ghi Đo bằng, Đối tượng đo và Tối thiểu hoặc Tối đa); chấm điểm (ghi Điểm tối đa, chỉ trong bộ chấm điểm); giữ danh hiệu (ghi Danh hiệu liên quan và Của phong trào hoặc Của bộ tiêu chí); tỷ lệ đạt danh hiệu (thêm Tối thiểu là tỷ lệ %).',
  'Tiêu chí gồm nhiều yêu cầu, mỗi yêu cầu một ngưỡng (vd. 6.3 = 6.3.1 + 6.3.2): mỗi yêu cầu là một dòng ngay sau dòng tiêu chí, cột "Thuộc tiêu chí" ghi mã tiêu chí.',
  'Danh hiệu: mỗi dòng một danh hiệu với các điều kiện công nhận (tỷ lệ tiêu chí đạt của mỗi tiêu chuẩn, điểm, tiêu chí bắt buộc, điểm liệt, trường hợp loại trừ, danh hiệu phải giữ năm trước).',
  'Phần hiếm dùng (lời văn riêng theo loại khu dân cư, ngưỡng riêng theo nơi) ghi bằng JSON ở cột "Khác (JSON)" hoặc "Ngưỡng riêng (JSON)", đúng như trong tệp bộ tiêu chí: xem docs/criteria-format.md. Để xem ví dụ, xuất một bộ có sẵn: kdc criteria export laichau-tqpttd --out vidu.xlsx.',
  'Tệp được kiểm tra toàn bộ như lệnh kdc criteria validate; nếu có lỗi, mỗi lỗi nêu trang, dòng, cột và không ghi gì.',
  'Bộ tiêu chí đã có kết quả đánh giá thì không sửa: ban hành phiên bản mới (Phiên bản, Có hiệu lực từ ngày, căn cứ mới).',
];

function addHelpSheet(wb: ExcelJS.Workbook): void {
  const help = wb.addWorksheet(SHEETS.help);
  help.getColumn(1).width = 130;
  INSTRUCTIONS.forEach((text, i) => {
    const cell = help.getRow(i + 1).getCell(1);
    cell.value = cellText(text);
    cell.font = { ...FONT, bold: i === 0 };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}

async function writeWorkbook(set: CriteriaSet | null): Promise<Buffer> {
  const wb = newWorkbook();
  addHelpSheet(wb);
  addSetSheet(wb, set);
  addTable(
    wb,
    SHEETS.sections,
    SECTION_COLUMNS,
    (set?.sections ?? []).map((s) => {
      const cells: Record<string, string | number> = { code: s.code, title: s.title };
      if (s.wording) cells.wording = wordFor('wording', s.wording);
      if (s.note !== undefined) cells.note = s.note;
      return cells;
    }),
  );
  const criteriaRows = (set?.sections ?? []).flatMap((s) =>
    s.criteria.flatMap((c) => [
      faithful(asJson(c), criterionCells(c, s.code), (r) => criterionFromRowWithParts(r, c), `Tiêu chí ${c.code}`),
      ...(c.variants ?? []).map((v, i) =>
        faithful(asJson(v), variantCells(v, s.code, c.code), variantFromRow, `Lời văn riêng ${i + 1} của tiêu chí ${c.code}`),
      ),
      ...(c.parts ?? []).map((p) => faithful(asJson(p), criterionCells(p, s.code, c.code), (r) => criterionFromRow(r, true), `Tiêu chí ${p.code}`)),
    ]),
  );
  addTable(wb, SHEETS.criteria, CRITERION_COLUMNS, criteriaRows);
  addTable(
    wb,
    SHEETS.disqualifiers,
    DISQUALIFIER_COLUMNS,
    (set?.disqualifiers ?? []).map((d) => ({ code: d.code, text: d.text, ...(d.wording ? { wording: wordFor('wording', d.wording) } : {}) })),
  );
  addTable(
    wb,
    SHEETS.levels,
    LEVEL_COLUMNS,
    (set?.levels ?? []).map((l) => faithful(asJson(l), levelCells(l), levelFromRow, `Danh hiệu ${l.code}`)),
  );
  return toBuffer(wb);
}

/** The parts and wording variants come from their own rows; a criterion's row is compared without them. */
function criterionFromRowWithParts(r: RowReader, original: Criterion): Json {
  return clean({ ...criterionFromRow(r, false), parts: original.parts, variants: original.variants });
}

/** An empty workbook an official fills in Excel: instructions, headers with notes, drop-down lists. */
export async function writeCriteriaTemplate(): Promise<Buffer> {
  return writeWorkbook(null);
}

/** Any set as a workbook; `readCriteriaWorkbook` gives back the same set. */
export async function writeCriteriaWorkbook(set: CriteriaSet): Promise<Buffer> {
  return writeWorkbook(set);
}

/* ───────────── Reading ───────────── */

interface Loc {
  sheet: string;
  row: number;
  column?: string;
  field?: string;
}

interface Table {
  sheet: TypedSheet;
  rows: Array<{ row: number; cells: RowCells }>;
}

function findSheet(sheets: TypedSheet[], name: string): TypedSheet | undefined {
  return sheets.find((s) => fold(s.name) === fold(name));
}

/** The data rows of a sheet, cells keyed by column; unknown headers and missing ones are problems. */
function readTable(sheet: TypedSheet, columns: Column[], required: string[], problems: CriteriaSheetProblem[]): Table {
  const headers = (sheet.rows[0] ?? []).map((c) => headerKey(c.text));
  const index = new Map<string, number>();
  for (const c of columns) {
    const i = headers.findIndex((h) => h && (h === headerKey(c.header) || h === headerKey(c.key)));
    if (i >= 0) index.set(c.key, i);
  }
  for (const key of required) {
    if (!index.has(key))
      problems.push({ sheet: SHEET_NAME(sheet), row: 1, message: `thiếu cột "${columns.find((c) => c.key === key)?.header}" ở dòng tiêu đề` });
  }
  const rows: Table['rows'] = [];
  for (let i = 1; i < sheet.rows.length; i++) {
    const raw = sheet.rows[i] ?? [];
    if (raw.every((c) => !c.text.trim())) continue;
    const cells: RowCells = {};
    for (const [key, col] of index) {
      const cell = raw[col];
      if (!cell) continue;
      if (cell.text.length > MAX_CRITERIA_CELL_CHARS)
        problems.push({
          sheet: SHEET_NAME(sheet),
          row: i + 1,
          column: columns.find((c) => c.key === key)?.header,
          message: `ô dài ${formatNumber(cell.text.length)} ký tự, tối đa ${formatNumber(MAX_CRITERIA_CELL_CHARS)}`,
        });
      cells[key] = cell;
    }
    if (Object.values(cells).every((c) => !c.text.trim())) continue;
    rows.push({ row: i + 1, cells });
  }
  return { sheet, rows };
}

/** Problems name the sheet as this template does, whatever case the file used. */
const SHEET_NAME = (sheet: TypedSheet) => Object.values(SHEETS).find((n) => fold(n) === fold(sheet.name)) ?? sheet.name;

class Locator {
  private readonly map = new Map<string, Loc>();
  set(path: string, loc: Loc): void {
    this.map.set(path, loc);
  }
  /** The place of a path, or of the nearest enclosing path that has one. */
  find(path: string): Loc | undefined {
    let p = path;
    for (;;) {
      const loc = this.map.get(p);
      if (loc) return loc;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 1) return this.map.get('$');
      p = p.slice(0, cut);
    }
  }
  /** A row's fields, each at its column. */
  row(base: string, sheet: string, row: number, fields: Record<string, string>, columns: Column[]): void {
    this.set(base, { sheet, row });
    for (const [field, key] of Object.entries(fields)) this.set(`${base}.${field}`, { sheet, row, column: columns.find((c) => c.key === key)?.header });
  }
}

/** Field names of the file format, as the columns that hold them, so a validation message reads in the sheet's words. */
const FIELD_WORDS: Array<[RegExp, string]> = [
  [/"scoring": "points"/g, 'Cách đánh giá là «chấm điểm»'],
  [/"quantity"/g, '«Đo bằng, Đối tượng đo, Tối thiểu hoặc Tối đa»'],
  [/min hoặc max/g, 'Tối thiểu hoặc Tối đa'],
  [/"maxPoints"/g, '«Điểm tối đa»'],
  [/"passPoints"/g, '«Điểm đạt»'],
  [/"title"/g, '«Danh hiệu liên quan»'],
  [/"share"/g, '«Danh hiệu liên quan» và «Tối thiểu»'],
  [/"program" \(mã phong trào\) hoặc "set" \(mã bộ tiêu chí\)/g, '«Của phong trào» hoặc «Của bộ tiêu chí»'],
  [/"measure" phải là "percent"/g, '«Đo bằng» phải là «tỷ lệ %»'],
  [/"section:/g, '"'],
  ...Object.entries({
    'pass-fail': 'đạt/không đạt',
    quantity: 'định lượng',
    points: 'chấm điểm',
    title: 'giữ danh hiệu',
    'title-share': 'tỷ lệ đạt danh hiệu',
  }).map(([code, word]) => [new RegExp(`loại "${code}"`, 'g'), `loại «${word}»`] as [RegExp, string]),
];

/** Messages the schema gives about a path, as a sheet says them. */
function pathWords(path: string, message: string): string {
  if (/^Quá nhỏ/.test(message)) {
    if (path === '$.sections') return 'chưa có tiêu chuẩn nào';
    if (path === '$.levels') return 'chưa có danh hiệu nào';
    if (path.endsWith('.parts')) return 'tiêu chí chia thành tiêu chí thành phần cần ít nhất 2 dòng thành phần';
  }
  if (/nhận được undefined$/.test(message)) return 'chưa ghi';
  if (message === 'ngày phải có dạng YYYY-MM-DD') return 'chưa ghi ngày, hoặc ngày không đúng; ghi ngày/tháng/năm, vd. 24/12/2021';
  return message;
}

function sheetWords(message: string, locator: Locator): string {
  let m = message.replace(/\$(?:\.[A-Za-z]+|\[\d+\])+/g, (path) => {
    const loc = locator.find(path);
    return loc ? describeCriteriaProblem({ ...loc, message: '' }).replace(/: $/, '') : path;
  });
  for (const [re, words] of FIELD_WORDS) m = m.replace(re, words);
  return m;
}

function rowProblems(r: RowReader, sheet: string, row: number, columns: Column[], problems: CriteriaSheetProblem[]): void {
  for (const p of r.problems) problems.push({ sheet, row, column: columns.find((c) => c.key === p.key)?.header, message: p.message });
}

/**
 * A filled workbook → the set it describes, through the same validation as `kdc criteria validate`
 * (parseCriteriaSet: shape, then cross-references). Every problem names its sheet, row and column.
 */
export async function readCriteriaWorkbook(buffer: Buffer, filename = 'bo-tieu-chi.xlsx'): Promise<CriteriaWorkbookResult> {
  let sheets: TypedSheet[];
  try {
    sheets = await readAllSheets(buffer, filename);
  } catch (error) {
    if (error instanceof Error && error.name === 'AppError') return { ok: false, problems: [{ sheet: filename, row: 0, message: error.message }] };
    throw error;
  }
  const problems: CriteriaSheetProblem[] = [];
  const locator = new Locator();
  const need = (name: string, optional = false) => {
    const sheet = findSheet(sheets, name);
    if (!sheet && !optional)
      problems.push({
        sheet: name,
        row: 0,
        message: `tệp không có trang "${name}" (các trang cần có: ${[SHEETS.set, SHEETS.sections, SHEETS.criteria, SHEETS.disqualifiers, SHEETS.levels].join(', ')})`,
      });
    return sheet;
  };
  const setSheet = need(SHEETS.set);
  const sectionSheet = need(SHEETS.sections);
  const criteriaSheet = need(SHEETS.criteria);
  const disqualifierSheet = need(SHEETS.disqualifiers, true);
  const levelSheet = need(SHEETS.levels);
  if (problems.length) return { ok: false, problems };

  // The set: one field per row, label in column A, value in column B.
  const fieldCells: RowCells = {};
  const fieldRows = new Map<string, number>();
  setSheet!.rows.forEach((row, i) => {
    if (i === 0) return;
    const label = headerKey(row[0]?.text ?? '');
    const field = SET_FIELDS.find((f) => headerKey(f.header) === label || headerKey(f.key) === label);
    if (!field) {
      if (label && (row[1]?.text ?? '').trim())
        problems.push({ sheet: SHEETS.set, row: i + 1, column: SET_COLUMNS.label, message: `mục "${row[0]!.text.trim()}" không có trong mẫu` });
      return;
    }
    fieldCells[field.key] = row[1] ?? { text: '' };
    fieldRows.set(field.key, i + 1);
  });
  const s = new RowReader(fieldCells);
  const setPath: Record<string, string> = {
    code: '$.code',
    name: '$.name',
    version: '$.version',
    documentType: '$.legalBasis.documentType',
    number: '$.legalBasis.number',
    date: '$.legalBasis.date',
    issuer: '$.legalBasis.issuer',
    title: '$.legalBasis.title',
    validFrom: '$.validFrom',
    validTo: '$.validTo',
    subject: '$.subject',
    scoring: '$.scoring',
    allowNa: '$.allowNa',
    periodFrom: '$.period.from',
    periodTo: '$.period.to',
    illustrative: '$.illustrative',
    template: '$.template',
    notes: '$.notes',
  };
  locator.set('$', { sheet: SHEETS.set, row: 0 });
  locator.set('$.period', { sheet: SHEETS.set, row: fieldRows.get('periodFrom') ?? 0, column: SET_COLUMNS.value, field: 'Kỳ đánh giá' });
  locator.set('$.legalBasis', { sheet: SHEETS.set, row: fieldRows.get('number') ?? 0, column: SET_COLUMNS.value, field: 'Căn cứ ban hành' });
  for (const f of SET_FIELDS)
    locator.set(setPath[f.key]!, {
      sheet: SHEETS.set,
      row: fieldRows.get(f.key) ?? 0,
      column: fieldRows.has(f.key) ? SET_COLUMNS.value : undefined,
      field: f.header,
    });
  const periodFrom = s.monthDay('periodFrom');
  const periodTo = s.monthDay('periodTo');
  const data: Json = clean({
    format: 'kdc-criteria/1',
    code: s.code('code'),
    version: s.code('version'),
    name: s.text('name'),
    illustrative: s.yesNo('illustrative'),
    legalBasis: clean({
      documentType: s.text('documentType'),
      number: s.text('number'),
      date: s.date('date') ?? s.text('date'),
      issuer: s.text('issuer'),
      title: s.optText('title'),
    }),
    validFrom: s.date('validFrom') ?? s.text('validFrom'),
    validTo: s.date('validTo') ?? null,
    subject: s.choice('subject', 'subject'),
    template: s.yesNo('template'),
    allowNa: s.yesNo('allowNa'),
    period: periodFrom || periodTo ? clean({ from: periodFrom, to: periodTo }) : undefined,
    scoring: s.choice('scoring', 'scoring') ?? (s.text('scoring') || undefined),
    notes: s.raw('notes'),
  });
  for (const p of s.problems) {
    const f = SET_FIELDS.find((x) => x.key === p.key)!;
    problems.push({ sheet: SHEETS.set, row: fieldRows.get(p.key) ?? 0, column: SET_COLUMNS.value, message: `${f.header}: ${p.message}` });
  }

  // Standards.
  const sectionTable = readTable(sectionSheet!, SECTION_COLUMNS, ['code', 'title'], problems);
  const sections: Array<{
    json: Json;
    row: number;
    criteria: Array<{ json: Json; row: number; parts: Array<{ json: Json; row: number }>; variants: Array<{ json: Json; row: number }> }>;
  }> = [];
  for (const { row, cells } of sectionTable.rows) {
    const r = new RowReader(cells);
    sections.push({
      json: clean({ code: r.code('code'), title: r.text('title'), wording: r.choice('wording', 'wording'), note: r.raw('note') }),
      row,
      criteria: [],
    });
    rowProblems(r, SHEETS.sections, row, SECTION_COLUMNS, problems);
  }

  // Criteria and their parts.
  const criteriaTable = readTable(criteriaSheet!, CRITERION_COLUMNS, ['section', 'code', 'text', 'kind'], problems);
  type Rows = Array<{ json: Json; row: number }>;
  const byCode = new Map<string, { json: Json; row: number; parts: Rows; variants: Rows }>();
  for (const { row, cells } of criteriaTable.rows) {
    const r = new RowReader(cells);
    const parentCode = r.code('parent');
    const isVariant = fold(r.text('kind')) === fold(VARIANT_WORD);
    if (isVariant && !parentCode) r.problem('parent', `dòng ${VARIANT_WORD} cần mã tiêu chí ở cột Thuộc tiêu chí`);
    const json = isVariant ? variantFromRow(r) : criterionFromRow(r, Boolean(parentCode));
    rowProblems(r, SHEETS.criteria, row, CRITERION_COLUMNS, problems);
    if (isVariant && !parentCode) continue;
    const sectionCode = r.code('section');
    if (parentCode) {
      const parent = byCode.get(parentCode);
      if (!parent) {
        problems.push({
          sheet: SHEETS.criteria,
          row,
          column: 'Thuộc tiêu chí',
          message: `không có tiêu chí mã "${parentCode}" ở các dòng trước; dòng ${isVariant ? VARIANT_WORD : 'tiêu chí thành phần'} đặt sau dòng tiêu chí của nó`,
        });
        continue;
      }
      (isVariant ? parent.variants : parent.parts).push({ json, row });
      continue;
    }
    const section = sections.find((x) => x.json.code === sectionCode);
    if (!section) {
      problems.push({
        sheet: SHEETS.criteria,
        row,
        column: 'Tiêu chuẩn',
        message: sectionCode ? `không có tiêu chuẩn mã "${sectionCode}" ở trang ${SHEETS.sections}` : 'chưa ghi mã tiêu chuẩn',
      });
      continue;
    }
    const entry = { json, row, parts: [] as Rows, variants: [] as Rows };
    section.criteria.push(entry);
    if (typeof json.code === 'string' && !byCode.has(json.code)) byCode.set(json.code, entry);
  }
  const criterionColumns = (base: string, row: number, item: Json) => {
    locator.row(base, SHEETS.criteria, row, CRITERION_FIELD_COLUMN, CRITERION_COLUMNS);
    for (const key of Object.keys(item))
      if (!(key in CRITERION_FIELD_COLUMN)) locator.set(`${base}.${key}`, { sheet: SHEETS.criteria, row, column: 'Khác (JSON)' });
  };
  locator.set('$.sections', { sheet: SHEETS.sections, row: 0 });
  data.sections = sections.map((section, si) => {
    locator.row(`$.sections[${si}]`, SHEETS.sections, section.row, { code: 'code', title: 'title', wording: 'wording', note: 'note' }, SECTION_COLUMNS);
    locator.set(`$.sections[${si}].criteria`, { sheet: SHEETS.sections, row: section.row });
    return {
      ...section.json,
      criteria: section.criteria.map((c, ci) => {
        criterionColumns(`$.sections[${si}].criteria[${ci}]`, c.row, c.json);
        c.parts.forEach((p, pi) => criterionColumns(`$.sections[${si}].criteria[${ci}].parts[${pi}]`, p.row, p.json));
        c.variants.forEach((v, vi) =>
          locator.row(`$.sections[${si}].criteria[${ci}].variants[${vi}]`, SHEETS.criteria, v.row, VARIANT_FIELD_COLUMN, CRITERION_COLUMNS),
        );
        return clean({
          ...c.json,
          parts: c.parts.length ? c.parts.map((p) => p.json) : c.json.parts,
          variants: c.variants.length ? c.variants.map((v) => v.json) : c.json.variants,
        });
      }),
    };
  });

  // Disqualifying cases.
  const disqualifiers: Json[] = [];
  if (disqualifierSheet) {
    locator.set('$.disqualifiers', { sheet: SHEETS.disqualifiers, row: 0 });
    for (const { row, cells } of readTable(disqualifierSheet, DISQUALIFIER_COLUMNS, ['code', 'text'], problems).rows) {
      const r = new RowReader(cells);
      locator.row(
        `$.disqualifiers[${disqualifiers.length}]`,
        SHEETS.disqualifiers,
        row,
        { code: 'code', text: 'text', wording: 'wording' },
        DISQUALIFIER_COLUMNS,
      );
      disqualifiers.push(clean({ code: r.code('code'), text: r.text('text'), wording: r.choice('wording', 'wording') }));
      rowProblems(r, SHEETS.disqualifiers, row, DISQUALIFIER_COLUMNS, problems);
    }
  }
  data.disqualifiers = disqualifiers;

  // Titles and their rules.
  const levels: Json[] = [];
  locator.set('$.levels', { sheet: SHEETS.levels, row: 0 });
  for (const { row, cells } of readTable(levelSheet!, LEVEL_COLUMNS, ['code', 'name', 'rank'], problems).rows) {
    const r = new RowReader(cells);
    const base = `$.levels[${levels.length}]`;
    locator.row(base, SHEETS.levels, row, LEVEL_FIELD_COLUMN, LEVEL_COLUMNS);
    levels.push(levelFromRow(r));
    rowProblems(r, SHEETS.levels, row, LEVEL_COLUMNS, problems);
  }
  data.levels = levels;

  // The same validation as `kdc criteria validate`; a row already refused above is not told twice.
  const parsed = parseCriteriaSet(data);
  if (parsed.ok && !problems.length) return { ok: true, set: parsed.set };
  const refusedRows = new Set(problems.map((p) => `${p.sheet}#${p.row}`));
  if (!parsed.ok) {
    for (const p of parsed.problems) {
      const loc = locator.find(p.path) ?? { sheet: SHEETS.set, row: 0 };
      if (loc.row > 0 && refusedRows.has(`${loc.sheet}#${loc.row}`)) continue;
      const message = sheetWords(pathWords(p.path, p.message), locator);
      problems.push({ sheet: loc.sheet, row: loc.row, column: loc.column, message: loc.field ? `${loc.field}: ${message}` : message });
    }
  }
  const order = [SHEETS.set, SHEETS.sections, SHEETS.criteria, SHEETS.disqualifiers, SHEETS.levels] as string[];
  problems.sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet) || a.row - b.row);
  return { ok: false, problems };
}
