/**
 * Rows of a title history kept before KDC: unit, year, title, and — when the
 * records give it — the decision that gave the title (number, date, issuer),
 * shown wherever the title is cited (a criterion judged from it, reports).
 */
import { parseDate } from '../text/date';
import { fold } from '../text/normalize';
import { AREA_HEADERS, dataRows, readHeader, rowReader, TITLE_HEADERS, type Header, type ImportProblem, type Sheet } from './sheet';

export const HISTORY_COLUMNS: Record<string, string[]> = {
  unit: AREA_HEADERS,
  year: ['year', 'nam'],
  title: TITLE_HEADERS,
  decision_number: ['decision_number', 'so_quyet_dinh', 'quyet_dinh'],
  decision_date: ['decision_date', 'ngay_quyet_dinh', 'ngay_ban_hanh'],
  decision_issuer: ['decision_issuer', 'co_quan_ban_hanh', 'noi_ban_hanh'],
};

export interface HistoryRecord {
  row: number;
  unit: string;
  year: number;
  title: string;
  decision: { number: string; date: string | null; issuer: string | null } | null;
}

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
    if (!unit) cell.problem('unit', 'thiếu đơn vị (mã hoặc đường dẫn tên)', 'missing-cell');
    if (year === null) cell.problem('year', `năm "${cell.get('year')}" không hợp lệ (${MIN_YEAR}–${MAX_YEAR})`, 'invalid-cell');
    if (!title) cell.problem('title', 'thiếu danh hiệu', 'missing-cell');
    const key = `${fold(unit)}|${year}|${fold(title)}`;
    if (unit && year !== null && title) {
      if (seen.has(key)) cell.problem('unit', `trùng với dòng ${seen.get(key)}`, 'duplicate-row');
      else seen.set(key, data.row);
    }
    const number = cell.get('decision_number');
    const dateText = cell.get('decision_date');
    const date = dateText ? parseDate(dateText) : null;
    if (dateText && !date) cell.problem('decision_date', `ngày "${dateText}" không hợp lệ (ghi ngày/tháng/năm, vd. 15/11/2021)`, 'invalid-cell');
    if (!number && (dateText || cell.get('decision_issuer')))
      cell.problem('decision_number', 'có ngày hoặc cơ quan ban hành nhưng thiếu số quyết định', 'missing-cell');
    const decision = number ? { number, date, issuer: cell.get('decision_issuer') || null } : null;
    records.push({ row: data.row, unit, year: year ?? 0, title, decision });
  }
  return { records, problems, header };
}
