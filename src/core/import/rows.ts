/**
 * Rows of an imported sheet, validated before anything is written. Every
 * problem names the sheet, the row, the column and what is wrong, in
 * Vietnamese. Pure: the file reading is at the edge (src/app/import/read.ts).
 */
import { fold, nfc } from '../text/normalize';

export interface Sheet { name: string; rows: string[][] }
export interface ImportProblem { sheet: string; row: number; column: string; message: string }

export const MAX_CELL = 1000;

const KINDS: Record<string, string> = {
  'tinh': 'tinh', 'huyen': 'huyen', 'thanh pho': 'thanh-pho', 'thi xa': 'thi-xa', 'xa': 'xa', 'phuong': 'phuong', 'thi tran': 'thi-tran',
  'dac khu': 'dac-khu', 'thon': 'thon', 'to dan pho': 'to-dan-pho', 'ban': 'ban',
};
export function unitKind(text: string): string | undefined {
  const key = fold(text).replace(/-/g, ' ');
  return KINDS[key];
}

/** The header row, folded, mapped to column indexes; missing required columns are problems. */
export function columns(sheet: Sheet, required: string[], optional: string[] = []) {
  const header = (sheet.rows[0] ?? []).map((h) => fold(h).replace(/\s+/g, '_'));
  const index: Record<string, number> = {};
  for (const name of [...required, ...optional]) {
    const i = header.indexOf(name);
    if (i >= 0) index[name] = i;
  }
  const problems = required.filter((c) => index[c] === undefined)
    .map((c): ImportProblem => ({ sheet: sheet.name, row: 1, column: c, message: `thiếu cột "${c}"` }));
  return { index, problems };
}

/** Non-empty data rows with their 1-based sheet row numbers; over-long cells are problems. */
export function dataRows(sheet: Sheet, problems: ImportProblem[]) {
  const rows: Array<{ row: number; cells: string[] }> = [];
  sheet.rows.slice(1).forEach((cells, i) => {
    const trimmed = cells.map((c) => nfc(String(c ?? '').trim()));
    if (trimmed.every((c) => !c)) return;
    trimmed.forEach((c, col) => {
      if (c.length > MAX_CELL) problems.push({ sheet: sheet.name, row: i + 2, column: String.fromCharCode(65 + (col % 26)), message: `ô dài ${c.length} ký tự, tối đa ${MAX_CELL}` });
    });
    rows.push({ row: i + 2, cells: trimmed });
  });
  return rows;
}

export interface UnitRecord { row: number; code: string; name: string; kind: string; parent: string; households: number | null; population: number | null; poorHouseholds: number | null; mountainous: boolean }

function count(value: string | undefined, sheet: string, row: number, column: string, problems: ImportProblem[]): number | null {
  if (!value) return null;
  const n = Number(value.replace(/\./g, '').replace(/,/g, ''));
  if (!Number.isInteger(n) || n < 0) { problems.push({ sheet, row, column, message: `"${value}" không phải số nguyên không âm` }); return null; }
  return n;
}

const YES = new Set(['co', 'x', '1', 'true', 'yes']);
const NO = new Set(['', 'khong', '0', 'false', 'no']);

export function parseUnitRows(sheet: Sheet): { records: UnitRecord[]; problems: ImportProblem[] } {
  const { index, problems } = columns(sheet, ['code', 'name', 'kind', 'parent'], ['households', 'population', 'poor_households', 'mountainous']);
  if (problems.length) return { records: [], problems };
  const records: UnitRecord[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of dataRows(sheet, problems)) {
    const get = (c: string) => (index[c] === undefined ? '' : (cells[index[c]!] ?? ''));
    const code = get('code');
    const name = get('name');
    const kind = unitKind(get('kind'));
    if (!code) problems.push({ sheet: sheet.name, row, column: 'code', message: 'thiếu mã đơn vị' });
    if (!name) problems.push({ sheet: sheet.name, row, column: 'name', message: 'thiếu tên đơn vị' });
    if (!kind) problems.push({ sheet: sheet.name, row, column: 'kind', message: `loại đơn vị "${get('kind')}" không hợp lệ (tỉnh, huyện, xã, phường, thị trấn, thôn, tổ dân phố, bản…)` });
    if (code && seen.has(code)) problems.push({ sheet: sheet.name, row, column: 'code', message: `mã "${code}" trùng với dòng ${seen.get(code)}` });
    if (code) seen.set(code, row);
    const mountainous = fold(get('mountainous'));
    if (!YES.has(mountainous) && !NO.has(mountainous)) problems.push({ sheet: sheet.name, row, column: 'mountainous', message: `"${get('mountainous')}" phải là có/không` });
    records.push({
      row, code, name, kind: kind ?? '', parent: get('parent'),
      households: count(get('households'), sheet.name, row, 'households', problems),
      population: count(get('population'), sheet.name, row, 'population', problems),
      poorHouseholds: count(get('poor_households'), sheet.name, row, 'poor_households', problems),
      mountainous: YES.has(mountainous),
    });
  }
  return { records, problems };
}

export interface HistoryRecord { row: number; unit: string; year: number; title: string }

export function parseHistoryRows(sheet: Sheet): { records: HistoryRecord[]; problems: ImportProblem[] } {
  const { index, problems } = columns(sheet, ['unit', 'year', 'title']);
  if (problems.length) return { records: [], problems };
  const records: HistoryRecord[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of dataRows(sheet, problems)) {
    const unit = cells[index.unit!] ?? '';
    const yearText = cells[index.year!] ?? '';
    const title = cells[index.title!] ?? '';
    const year = Number(yearText);
    if (!unit) problems.push({ sheet: sheet.name, row, column: 'unit', message: 'thiếu đơn vị' });
    if (!Number.isInteger(year) || year < 1990 || year > 2100) problems.push({ sheet: sheet.name, row, column: 'year', message: `năm "${yearText}" không hợp lệ` });
    if (!title) problems.push({ sheet: sheet.name, row, column: 'title', message: 'thiếu danh hiệu' });
    const key = `${fold(unit)}|${year}|${fold(title)}`;
    if (seen.has(key)) problems.push({ sheet: sheet.name, row, column: 'unit', message: `trùng với dòng ${seen.get(key)}` });
    seen.set(key, row);
    records.push({ row, unit, year, title });
  }
  return { records, problems };
}

export function describeImportProblems(problems: ImportProblem[]): string {
  return problems.map((p) => `Trang "${p.sheet}", dòng ${p.row}, cột ${p.column}: ${p.message}`).join('\n');
}
