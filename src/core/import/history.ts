/** Rows of a title history kept before KDC: unit, year, title. */
import { fold } from '../text/normalize';
import { AREA_HEADERS, dataRows, readHeader, rowReader, TITLE_HEADERS, type Header, type ImportProblem, type Sheet } from './sheet';

export const HISTORY_COLUMNS: Record<string, string[]> = {
  unit: AREA_HEADERS,
  year: ['year', 'nam'],
  title: TITLE_HEADERS,
};

export interface HistoryRecord { row: number; unit: string; year: number; title: string }

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

export function parseYear(text: string): number | null {
  const year = Number(text.trim());
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

export function parseHistoryRows(sheet: Sheet): { records: HistoryRecord[]; problems: ImportProblem[]; header: Header } {
  const problems: ImportProblem[] = [];
  const header = readHeader(sheet, HISTORY_COLUMNS, ['unit', 'year', 'title'], problems);
  if (problems.length) return { records: [], problems, header };
  const records: HistoryRecord[] = [];
  const seen = new Map<string, number>();
  for (const data of dataRows(sheet, problems)) {
    const cell = rowReader(sheet, header, data, problems);
    const unit = cell.get('unit');
    const title = cell.get('title');
    const year = parseYear(cell.get('year'));
    if (!unit) cell.problem('unit', 'thiếu đơn vị (mã hoặc đường dẫn tên)');
    if (year === null) cell.problem('year', `năm "${cell.get('year')}" không hợp lệ (${MIN_YEAR}–${MAX_YEAR})`);
    if (!title) cell.problem('title', 'thiếu danh hiệu');
    const key = `${fold(unit)}|${year}|${fold(title)}`;
    if (unit && year !== null && title) {
      if (seen.has(key)) cell.problem('unit', `trùng với dòng ${seen.get(key)}`);
      else seen.set(key, data.row);
    }
    records.push({ row: data.row, unit, year: year ?? 0, title });
  }
  return { records, problems, header };
}
