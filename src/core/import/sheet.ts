/**
 * A sheet of text cells read from an imported file, and the problems found
 * in it. Every problem names the sheet, the row and the column as Excel
 * shows them (row 1 is the header, columns A, B, … AA) and says in
 * Vietnamese what is wrong. Pure: reading the file is at the edge
 * (src/app/import/read.ts).
 */
import type { RefusalKind } from '../cycle/workflow';
import type { ScorecardProblemKind } from '../evaluation/scorecard';
import { formatNumber } from '../text/format';
import { fold, nfc } from '../text/normalize';

export interface Sheet {
  name: string;
  rows: string[][];
}

/**
 * What kind of problem, for code that decides on it (never on the words):
 * the file's shape, a cell, the unit a row names, or the cycle's rules and the
 * scorecard's checks that a file meets as a save by hand does.
 */
export type ImportProblemKind =
  | 'missing-column'
  | 'unknown-column'
  | 'duplicate-column'
  | 'too-many-rows'
  | 'cell-too-long'
  | 'missing-cell'
  | 'invalid-cell'
  | 'duplicate-row'
  | 'unknown-unit'
  | 'out-of-reach'
  | 'wrong-unit'
  | 'unknown-title'
  | 'not-registered'
  /** What the row would make is already there in another way (a code taken, an area under another parent). */
  | 'exists'
  /** The policy refuses the person this duty (one person per duty). */
  | 'duty'
  | RefusalKind
  | Exclude<ScorecardProblemKind, 'missing'>;

export interface ImportProblem {
  sheet: string;
  row: number;
  /** Excel's column letter ("C"), or "" when the problem is the whole row or file. */
  column: string;
  /** The header of that column, when it has one ("kind"). */
  field?: string;
  message: string;
  kind: ImportProblemKind;
}

/** Headers naming the area of a row and its title, the same in every file that has them. */
export const AREA_HEADERS = ['unit', 'don_vi', 'khu_dan_cu', 'ma_don_vi'];
export const TITLE_HEADERS = ['title', 'danh_hieu'];

export const MAX_CELL = 1000;
export const MAX_ROWS = 100_000;

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A header as a key: "Cấp trên (parent)" and "cap tren" both give "cap_tren"; the text in brackets is a hint and dropped. */
export function headerKey(text: string): string {
  return fold(text.replace(/\(.*?\)/g, '')).replace(/[\s-]+/g, '_');
}

export interface Header {
  /** Column index of each known field found. */
  index: Record<string, number>;
  /** Header text by column index. */
  names: string[];
}

/**
 * The header row mapped to fields. `aliases` maps each field to the header
 * keys that name it (its English name first, Vietnamese ones after).
 */
export function readHeader(sheet: Sheet, aliases: Record<string, string[]>, required: string[], problems: ImportProblem[]): Header {
  const names = (sheet.rows[0] ?? []).map((h) => nfc(String(h ?? '').trim()));
  const keys = names.map(headerKey);
  const index: Record<string, number> = {};
  for (const [field, accepted] of Object.entries(aliases)) {
    const i = keys.findIndex((k) => accepted.includes(k));
    if (i >= 0) index[field] = i;
  }
  for (const field of required) {
    if (index[field] === undefined)
      problems.push({ sheet: sheet.name, row: 1, column: '', field, message: `thiếu cột "${field}" ở dòng tiêu đề (dòng 1)`, kind: 'missing-column' });
  }
  return { index, names };
}

export interface DataRow {
  row: number;
  cells: string[];
}

/** Non-empty rows after the header, trimmed and NFC, with Excel row numbers. Over-long cells and too many rows are problems. */
export function dataRows(sheet: Sheet, problems: ImportProblem[]): DataRow[] {
  const rows: DataRow[] = [];
  for (let i = 1; i < sheet.rows.length; i++) {
    const trimmed = (sheet.rows[i] ?? []).map((c) => nfc(String(c ?? '').trim()));
    if (trimmed.every((c) => !c)) continue;
    if (rows.length === MAX_ROWS) {
      problems.push({
        sheet: sheet.name,
        row: i + 1,
        column: '',
        message: `tệp có hơn ${formatNumber(MAX_ROWS)} dòng dữ liệu; hãy chia thành nhiều tệp`,
        kind: 'too-many-rows',
      });
      break;
    }
    trimmed.forEach((c, col) => {
      if (c.length > MAX_CELL)
        problems.push({
          sheet: sheet.name,
          row: i + 1,
          column: columnLetter(col),
          message: `ô dài ${formatNumber(c.length)} ký tự, tối đa ${formatNumber(MAX_CELL)}`,
          kind: 'cell-too-long',
        });
    });
    rows.push({ row: i + 1, cells: trimmed });
  }
  return rows;
}

/** A reader of one row's named cells that files problems against the right column. */
export function rowReader(sheet: Sheet, header: Header, { row, cells }: DataRow, problems: ImportProblem[]) {
  const at = (field: string) => header.index[field];
  return {
    get: (field: string) => {
      const i = at(field);
      return i === undefined ? '' : (cells[i] ?? '');
    },
    problem: (field: string, message: string, kind: ImportProblemKind) => {
      problems.push(fieldProblem(sheet, header, row, field, message, kind));
    },
  };
}

/** A problem about a named field of a row, pointed at its column. */
export function fieldProblem(sheet: Sheet, header: Header, row: number, field: string, message: string, kind: ImportProblemKind): ImportProblem {
  const i = header.index[field];
  return { sheet: sheet.name, row, column: i === undefined ? '' : columnLetter(i), field, message, kind };
}

export function describeImportProblem(p: ImportProblem): string {
  const where = [`Trang "${p.sheet}"`, `dòng ${p.row}`];
  if (p.column) where.push(`cột ${p.column}${p.field ? ` (${p.field})` : ''}`);
  else if (p.field) where.push(`cột ${p.field}`);
  return `${where.join(', ')}: ${p.message}`;
}

export function describeImportProblems(problems: ImportProblem[], limit = 50): string {
  const lines = problems.slice(0, limit).map(describeImportProblem);
  if (problems.length > limit) lines.push(`… và ${formatNumber(problems.length - limit)} lỗi khác`);
  return lines.join('\n');
}

/** The sentence an import fails with: how many problems, that nothing was written, then each problem. */
export function importRefusal(problems: ImportProblem[]): string {
  return `Tệp có ${formatNumber(problems.length)} lỗi, chưa ghi gì vào hệ thống:\n${describeImportProblems(sortProblems(problems))}`;
}

/** In the order a person reads the sheet: row by row, column by column. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const col = (c: string) => (c ? c.length * 100 + c.charCodeAt(c.length - 1) : 0);
  return [...problems].sort((a, b) => a.row - b.row || col(a.column) - col(b.column));
}

/** "có", "x", "1" → true; "", "không", "0" → false; anything else → null. */
export function parseYesNo(text: string): boolean | null {
  const key = fold(text);
  if (['co', 'x', '1', 'true', 'yes', 'dung'].includes(key)) return true;
  if (['', 'khong', '0', 'false', 'no', 'sai'].includes(key)) return false;
  return null;
}
