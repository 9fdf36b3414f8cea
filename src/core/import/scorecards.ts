/**
 * Rows of a year's scorecards: `unit`, optionally `title` and `name` (read
 * for people, ignored here), then one column per criterion code of the set
 * (or per part, e.g. 6.3.1 and 6.3.2) and per disqualifying case (II.1…).
 * An empty cell is a value not given yet; a column the set does not know is
 * refused, so a file made for another set or year cannot slip through.
 */
import type { CriteriaSet, CriterionKind } from '../criteria/schema';
import { flattenCriteria } from '../criteria/walk';
import type { Scorecard } from '../evaluation/types';
import { fold } from '../text/normalize';
import { AREA_HEADERS, columnLetter, dataRows, headerKey, TITLE_HEADERS, type ImportProblem, type Sheet } from './sheet';
import { parseCriterionCell, type CellKind } from './values';

const FIXED: Record<string, string[]> = {
  unit: AREA_HEADERS,
  title: TITLE_HEADERS,
  name: ['name', 'ten', 'ten_don_vi', 'ten_khu_dan_cu'],
};

export interface ScorecardRecord {
  row: number;
  unit: string;
  title: string;
  values: Scorecard;
  /** Excel column of each code given, to point a later problem at its cell. */
  columns: Record<string, string>;
}

/** Every code a scorecard file may carry, with how its cells are read. */
export function scorecardCodes(set: CriteriaSet): Map<string, CellKind> {
  const codes = new Map<string, CellKind>();
  for (const { criterion } of flattenCriteria(set)) {
    codes.set(criterion.code, cellKind(criterion.kind));
    for (const part of criterion.parts ?? []) codes.set(part.code, cellKind(part.kind));
  }
  for (const d of set.disqualifiers) codes.set(d.code, 'disqualifier');
  return codes;
}

/** A title held is typed like đạt / không đạt; a share of units holding one like a percentage. */
function cellKind(kind: CriterionKind): CellKind {
  if (kind === 'title') return 'pass-fail';
  if (kind === 'title-share') return 'quantity';
  return kind;
}

/** "1,1" (a Vietnamese Excel's rendering of 1.1) and "ii.1" find "1.1" and "II.1". */
function matchCode(header: string, codes: Map<string, CellKind>): string | undefined {
  const text = header.trim();
  if (codes.has(text)) return text;
  const wanted = text.replace(/,/g, '.').toLowerCase();
  for (const code of codes.keys()) if (code.toLowerCase() === wanted) return code;
  return undefined;
}

export interface ScorecardRows {
  records: ScorecardRecord[];
  problems: ImportProblem[];
  /** Excel columns of `unit` and `title` ("" when absent), to point later problems at them. */
  unitColumn: string;
  titleColumn: string;
}

export function parseScorecardRows(sheet: Sheet, set: CriteriaSet): ScorecardRows {
  const problems: ImportProblem[] = [];
  const codes = scorecardCodes(set);
  const header = (sheet.rows[0] ?? []).map((h) => String(h ?? '').trim());
  const fixed: Record<string, number> = {};
  const criterionColumns: Array<{ index: number; code: string; kind: CellKind }> = [];
  const seenCode = new Map<string, string>();
  header.forEach((text, index) => {
    if (!text) return;
    const key = headerKey(text);
    const field = Object.keys(FIXED).find((f) => FIXED[f]!.includes(key));
    if (field) {
      if (fixed[field] === undefined) fixed[field] = index;
      return;
    }
    const code = matchCode(text, codes);
    const column = columnLetter(index);
    if (!code) {
      // The list of valid codes once, with the first unknown column: a phone screen need not read it ten times.
      const listed = problems.some((p) => p.kind === 'unknown-column');
      problems.push({
        sheet: sheet.name,
        row: 1,
        column,
        message: `"${text}" không phải mã tiêu chí của bộ tiêu chí ${set.code} (phiên bản ${set.version})${listed ? '' : `; các mã hợp lệ: ${[...codes.keys()].join(', ')}`}`,
        kind: 'unknown-column',
      });
    } else if (seenCode.has(code)) {
      problems.push({ sheet: sheet.name, row: 1, column, message: `tiêu chí ${code} đã có ở cột ${seenCode.get(code)}`, kind: 'duplicate-column' });
    } else {
      seenCode.set(code, column);
      criterionColumns.push({ index, code, kind: codes.get(code)! });
    }
  });
  if (fixed.unit === undefined)
    problems.push({
      sheet: sheet.name,
      row: 1,
      column: '',
      field: 'unit',
      message: 'thiếu cột "unit" (mã hoặc đường dẫn tên của khu dân cư)',
      kind: 'missing-column',
    });
  if (!criterionColumns.length && !problems.length)
    problems.push({
      sheet: sheet.name,
      row: 1,
      column: '',
      message: 'không có cột tiêu chí nào (dòng tiêu đề cần các mã tiêu chí, vd. 1.1, 1.2)',
      kind: 'missing-column',
    });
  const unitColumn = fixed.unit === undefined ? '' : columnLetter(fixed.unit);
  const titleColumn = fixed.title === undefined ? '' : columnLetter(fixed.title);
  // Without a unit column no row can be read; otherwise the rows are still checked, so one pass shows every problem.
  if (fixed.unit === undefined || !criterionColumns.length) return { records: [], problems, unitColumn, titleColumn };

  const records: ScorecardRecord[] = [];
  const seenUnit = new Map<string, number>();
  for (const { row, cells } of dataRows(sheet, problems)) {
    const unit = cells[fixed.unit!] ?? '';
    const title = fixed.title === undefined ? '' : (cells[fixed.title] ?? '');
    if (!unit)
      problems.push({ sheet: sheet.name, row, column: unitColumn, field: 'unit', message: 'thiếu khu dân cư (mã hoặc đường dẫn tên)', kind: 'missing-cell' });
    const unitKey = fold(unit);
    if (unit && seenUnit.has(unitKey))
      problems.push({
        sheet: sheet.name,
        row,
        column: unitColumn,
        field: 'unit',
        message: `"${unit}" đã có ở dòng ${seenUnit.get(unitKey)}: mỗi khu dân cư một dòng`,
        kind: 'duplicate-row',
      });
    else if (unit) seenUnit.set(unitKey, row);
    const values: Scorecard = {};
    const columns: Record<string, string> = {};
    for (const { index, code, kind } of criterionColumns) {
      const result = parseCriterionCell(kind, cells[index] ?? '');
      if (!result) continue;
      columns[code] = columnLetter(index);
      if ('error' in result) problems.push({ sheet: sheet.name, row, column: columnLetter(index), field: code, message: result.error, kind: 'invalid-cell' });
      else values[code] = result.value;
    }
    records.push({ row, unit, title, values, columns });
  }
  return { records, problems, unitColumn, titleColumn };
}
