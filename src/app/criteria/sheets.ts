/**
 * Every sheet of a small workbook, read as typed cells: a criteria workbook
 * spreads one set over several sheets (the set, standards, criteria,
 * disqualifying cases, titles), unlike an import file whose first sheet is
 * all that counts (src/app/import/read.ts). The same defences apply: the
 * zip's sizes are checked by xlsx-zip.ts before anything is unpacked, the
 * sheets are read as a stream, and a sheet longer than a criteria table can
 * be is refused while it is read.
 *
 * A cell keeps its type: a number typed as a number is that number (no
 * guessing whether "0.001" meant a thousand), a date is an ISO day, and
 * text is text with formula-neutralising apostrophes removed.
 */
import type ExcelJS from 'exceljs';
import { readCellText } from '../../documents/xlsx/formula';
import { isoDay } from '../../core/text/date';
import { formatNumber } from '../../core/text/format';
import { invalid } from '../errors';
import { MAX_CRITERIA_SHEET_ROWS, MAX_UPLOAD_BYTES, megabytes } from '../limits';
import { inspectXlsx, openXlsxStream } from '../import/xlsx-zip';

export interface Cell {
  /** What the cell shows, as text ("" when empty). */
  text: string;
  /** Set when the cell holds a number (a percent-formatted 0,8 is 80). */
  number?: number;
  /** Set when the cell holds a date: the ISO day. */
  date?: string;
}

export interface TypedSheet {
  name: string;
  rows: Cell[][];
}

const EMPTY: Cell = { text: '' };

function cellOf(value: ExcelJS.CellValue, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (value instanceof Date) return { text: isoDay(value), date: isoDay(value) };
  if (typeof value === 'number') {
    const n = numFmt?.includes('%') ? Number((value * 100).toFixed(10)) : value;
    return { text: String(n), number: n };
  }
  if (typeof value === 'boolean') return { text: value ? 'có' : 'không' };
  if (typeof value === 'string') return { text: readCellText(value) };
  if (typeof value !== 'object') return { text: String(value) };
  if ('richText' in value) return { text: readCellText(value.richText.map((r) => r.text).join('')) };
  if ('error' in value) return { text: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined || result === null) return { text: `=${(value as { formula?: string }).formula ?? ''}` };
    return cellOf(result as ExcelJS.CellValue, numFmt);
  }
  if ('text' in value) return { text: String(value.text) };
  return EMPTY;
}

const broken = (filename: string) =>
  invalid(`Tệp ${filename} không mở được như một tệp Excel (.xlsx): tệp hỏng, bị cắt hoặc không đúng định dạng. Hãy mở bằng Excel và lưu lại dạng .xlsx.`);

/** Every worksheet by name, in the order of the workbook's tabs. Hidden sheets are read too. */
export async function readAllSheets(bytes: Buffer, filename: string): Promise<TypedSheet[]> {
  if (!bytes.length) throw invalid(`Tệp ${filename} rỗng`);
  if (bytes.length > MAX_UPLOAD_BYTES) throw invalid(`Tệp ${filename} lớn hơn ${megabytes(MAX_UPLOAD_BYTES)}`);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw invalid(`Tệp ${filename} là định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx`);
    throw broken(filename);
  }
  const outline = await inspectXlsx(bytes, filename);
  const sheets: Array<TypedSheet & { order: number }> = [];
  try {
    for await (const { part, order, rows: sheetRows } of openXlsxStream(outline)) {
      const rows: Cell[][] = [];
      const name = part.name ?? `Sheet${part.partNo}`;
      for await (const row of sheetRows) {
        if (row.number > MAX_CRITERIA_SHEET_ROWS + 1)
          throw invalid(`Trang "${name}" của tệp ${filename} có hơn ${formatNumber(MAX_CRITERIA_SHEET_ROWS)} dòng, quá nhiều cho một bộ tiêu chí`);
        const cells: Cell[] = [];
        for (let c = 1; c <= row.cellCount; c++) {
          const cell = row.getCell(c);
          cells.push(cellOf(cell.value, cell.numFmt));
        }
        rows[row.number - 1] = cells;
      }
      sheets.push({ name, order, rows: Array.from(rows, (r) => r ?? []) });
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw broken(filename);
  }
  if (!sheets.length) throw invalid(`Tệp ${filename} không có trang tính nào`);
  return sheets.sort((a, b) => a.order - b.order).map(({ name, rows }) => ({ name, rows }));
}
