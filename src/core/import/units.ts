/** Rows of a unit list: code, name, kind, parent[, households, population, poor_households, mountainous]. */
import { UNIT_KIND_NAMES, unitKind, type UnitKind } from '../units/kinds';
import { parseLocaleNumber } from '../text/number';
import { dataRows, parseYesNo, readHeader, rowReader, type Header, type ImportProblem, type Sheet } from './sheet';

export const UNIT_COLUMNS: Record<string, string[]> = {
  code: ['code', 'ma', 'ma_don_vi'],
  name: ['name', 'ten', 'ten_don_vi'],
  kind: ['kind', 'loai', 'cap'],
  parent: ['parent', 'cap_tren', 'don_vi_cap_tren', 'truc_thuoc'],
  households: ['households', 'so_ho', 'ho'],
  population: ['population', 'nhan_khau', 'so_nhan_khau', 'dan_so'],
  poor_households: ['poor_households', 'ho_ngheo', 'so_ho_ngheo'],
  mountainous: ['mountainous', 'mien_nui', 'vung_cao'],
};

export interface UnitRecord {
  row: number;
  code: string;
  name: string;
  /** Null when the cell names no kind: the row is refused with a problem. */
  kind: UnitKind | null;
  parent: string;
  households: number | null;
  population: number | null;
  poorHouseholds: number | null;
  /**
   * The older "mountainous" column: now the attribute "mien-nui" with no year
   * bounds (attributes per year have their own import). Undefined when the cell is empty.
   */
  mountainous?: boolean;
}

export function parseUnitRows(sheet: Sheet): { records: UnitRecord[]; problems: ImportProblem[]; header: Header } {
  const problems: ImportProblem[] = [];
  const header = readHeader(sheet, UNIT_COLUMNS, ['code', 'name', 'kind', 'parent'], problems);
  if (problems.length) return { records: [], problems, header };
  const records: UnitRecord[] = [];
  const seen = new Map<string, number>();
  for (const data of dataRows(sheet, problems)) {
    const cell = rowReader(sheet, header, data, problems);
    const count = (field: string): number | null => {
      const text = cell.get(field);
      if (!text) return null;
      const n = parseLocaleNumber(text);
      if (n === null || !Number.isInteger(n) || n < 0) {
        cell.problem(field, `"${text}" không phải số nguyên không âm`, 'invalid-cell');
        return null;
      }
      return n;
    };
    const code = cell.get('code');
    const name = cell.get('name');
    const kind = unitKind(cell.get('kind'));
    if (!code) cell.problem('code', 'thiếu mã đơn vị', 'missing-cell');
    else if (!/^[\p{L}\p{N}._-]+$/u.test(code)) cell.problem('code', `mã "${code}" chỉ được gồm chữ, số, dấu chấm, gạch ngang, gạch dưới`, 'invalid-cell');
    if (!name) cell.problem('name', 'thiếu tên đơn vị', 'missing-cell');
    if (!kind) cell.problem('kind', `loại đơn vị "${cell.get('kind')}" không hợp lệ (dùng: ${Object.values(UNIT_KIND_NAMES).join(', ')})`, 'invalid-cell');
    if (code && seen.has(code)) cell.problem('code', `mã "${code}" trùng với dòng ${seen.get(code)}`, 'duplicate-row');
    if (code && !seen.has(code)) seen.set(code, data.row);
    if (code && cell.get('parent') === code) cell.problem('parent', 'đơn vị không thể là cấp trên của chính nó', 'invalid-cell');
    const mountainousText = cell.get('mountainous');
    const mountainous = mountainousText ? parseYesNo(mountainousText) : undefined;
    if (mountainous === null) cell.problem('mountainous', `"${mountainousText}" phải là "có" hoặc "không"`, 'invalid-cell');
    records.push({
      row: data.row,
      code,
      name,
      kind: kind ?? null,
      parent: cell.get('parent'),
      households: count('households'),
      population: count('population'),
      poorHouseholds: count('poor_households'),
      mountainous: mountainous ?? undefined,
    });
  }
  return { records, problems, header };
}
