/**
 * Rows about places that rules read, kept as spreadsheets are:
 *
 * - attributes: `unit, attribute, from, to` — a unit carries an attribute
 *   ("miền núi", "đặc biệt khó khăn", a province's own tag) from one year to
 *   another (blank = open-ended), because lists change (a commune leaves the
 *   especially-difficult list);
 * - figures: `unit, year`, then one column per figure ("ho", "ho_gia_dinh_van_hoa",
 *   or a province's own code): households are counted, not listed.
 */
import { readAttribute } from '../units/attributes';
import { parseLocaleNumber } from '../text/number';
import { fold } from '../text/normalize';
import { AREA_HEADERS, columnLetter, dataRows, headerKey, readHeader, rowReader, type Header, type ImportProblem, type Sheet } from './sheet';
import { MAX_YEAR, MIN_YEAR, parseYear } from './history';

export const ATTRIBUTE_COLUMNS: Record<string, string[]> = {
  unit: AREA_HEADERS,
  attribute: ['attribute', 'thuoc_tinh'],
  from: ['from', 'from_year', 'tu_nam'],
  to: ['to', 'to_year', 'den_nam'],
};

export interface AttributeRecord {
  row: number;
  unit: string;
  code: string;
  fromYear: number | null;
  toYear: number | null;
}

export function parseAttributeRows(sheet: Sheet): { records: AttributeRecord[]; problems: ImportProblem[]; header: Header } {
  const problems: ImportProblem[] = [];
  const header = readHeader(sheet, ATTRIBUTE_COLUMNS, ['unit', 'attribute'], problems);
  if (problems.length) return { records: [], problems, header };
  const records: AttributeRecord[] = [];
  const seen = new Map<string, number>();
  for (const data of dataRows(sheet, problems)) {
    const cell = rowReader(sheet, header, data, problems);
    const unit = cell.get('unit');
    if (!unit) cell.problem('unit', 'thiếu đơn vị (mã hoặc đường dẫn tên)', 'missing-cell');
    const code = readAttribute(cell.get('attribute'));
    if (!code)
      cell.problem(
        'attribute',
        cell.get('attribute') ? `thuộc tính "${cell.get('attribute')}" không hợp lệ (vd. miền núi, hải đảo, biên giới, đặc biệt khó khăn)` : 'thiếu thuộc tính',
        cell.get('attribute') ? 'invalid-cell' : 'missing-cell',
      );
    const year = (field: 'from' | 'to') => {
      const text = cell.get(field);
      if (!text) return null;
      const y = parseYear(text);
      if (y === null) cell.problem(field, `năm "${text}" không hợp lệ (${MIN_YEAR}–${MAX_YEAR}, để trống nếu không giới hạn)`, 'invalid-cell');
      return y;
    };
    const fromYear = year('from');
    const toYear = year('to');
    if (fromYear !== null && toYear !== null && toYear < fromYear) cell.problem('to', `đến năm ${toYear} trước từ năm ${fromYear}`, 'invalid-cell');
    const key = `${fold(unit)}|${code}|${fromYear ?? ''}`;
    if (unit && code) {
      if (seen.has(key)) cell.problem('unit', `trùng đơn vị, thuộc tính và năm bắt đầu với dòng ${seen.get(key)}`, 'duplicate-row');
      else seen.set(key, data.row);
    }
    records.push({ row: data.row, unit, code: code ?? '', fromYear, toYear });
  }
  return { records, problems, header };
}

/** The figure a header names: "ho", "số hộ" → "ho"; "hộ gia đình văn hóa", "ho_gdvh" → "ho-gia-dinh-van-hoa"; a province's own code as written. */
function figureOfHeader(key: string): string | null {
  if (['ho', 'so_ho', 'households'].includes(key)) return 'ho';
  if (['ho_gia_dinh_van_hoa', 'ho_gdvh', 'so_ho_gia_dinh_van_hoa', 'gia_dinh_van_hoa', 'so_ho_gdvh'].includes(key)) return 'ho-gia-dinh-van-hoa';
  const code = key.replace(/_/g, '-');
  return /^[a-z0-9][a-z0-9-]*$/.test(code) ? code : null;
}

export interface FigureRecord {
  row: number;
  unit: string;
  year: number;
  figures: Record<string, number>;
  columns: Record<string, string>;
}

export function parseFigureRows(sheet: Sheet): { records: FigureRecord[]; problems: ImportProblem[]; header: Header } {
  const problems: ImportProblem[] = [];
  const header = readHeader(sheet, { unit: AREA_HEADERS, year: ['year', 'nam'] }, ['unit', 'year'], problems);
  const figureColumns = new Map<number, string>();
  header.names.forEach((name, i) => {
    if (i === header.index.unit || i === header.index.year || !name) return;
    const key = headerKey(name);
    if (['name', 'ten', 'ten_don_vi'].includes(key)) return; // read for people, ignored
    const code = figureOfHeader(key);
    if (code) figureColumns.set(i, code);
    else
      problems.push({
        sheet: sheet.name,
        row: 1,
        column: columnLetter(i),
        field: name,
        message: `tên cột "${name}" không dùng được làm mã số liệu (chỉ chữ không dấu, số, gạch dưới)`,
        kind: 'unknown-column',
      });
  });
  if (!figureColumns.size && !problems.length)
    problems.push({ sheet: sheet.name, row: 1, column: '', message: 'thiếu cột số liệu (vd. "ho", "ho_gia_dinh_van_hoa")', kind: 'missing-column' });
  if (problems.length) return { records: [], problems, header };
  const records: FigureRecord[] = [];
  const seen = new Map<string, number>();
  for (const data of dataRows(sheet, problems)) {
    const cell = rowReader(sheet, header, data, problems);
    const unit = cell.get('unit');
    if (!unit) cell.problem('unit', 'thiếu đơn vị (mã hoặc đường dẫn tên)', 'missing-cell');
    const year = parseYear(cell.get('year'));
    if (year === null) cell.problem('year', `năm "${cell.get('year')}" không hợp lệ (${MIN_YEAR}–${MAX_YEAR})`, 'invalid-cell');
    const figures: Record<string, number> = {};
    const columns: Record<string, string> = {};
    for (const [i, code] of figureColumns) {
      const text = data.cells[i] ?? '';
      if (!text) continue;
      const n = parseLocaleNumber(text);
      if (n === null || !Number.isInteger(n) || n < 0) {
        problems.push({
          sheet: sheet.name,
          row: data.row,
          column: columnLetter(i),
          field: header.names[i],
          message: `"${text}" không phải số nguyên không âm`,
          kind: 'invalid-cell',
        });
        continue;
      }
      figures[code] = n;
      columns[code] = columnLetter(i);
    }
    if ((figures.ho ?? Infinity) < (figures['ho-gia-dinh-van-hoa'] ?? 0))
      problems.push({
        sheet: sheet.name,
        row: data.row,
        column: columns['ho-gia-dinh-van-hoa'] ?? '',
        field: 'ho_gia_dinh_van_hoa',
        message: `số hộ gia đình văn hóa (${figures['ho-gia-dinh-van-hoa']}) lớn hơn số hộ (${figures.ho})`,
        kind: 'invalid-cell',
      });
    const key = `${fold(unit)}|${year}`;
    if (unit && year !== null) {
      if (seen.has(key)) cell.problem('unit', `trùng đơn vị và năm với dòng ${seen.get(key)}`, 'duplicate-row');
      else seen.set(key, data.row);
    }
    records.push({ row: data.row, unit, year: year ?? 0, figures, columns });
  }
  return { records, problems, header };
}
