/**
 * Reads an uploaded or given file into its first sheet of text cells: XLSX
 * through exceljs, CSV through papaparse after finding its encoding (UTF-8
 * with or without BOM, UTF-16 with BOM, else Windows-1258 as older
 * Vietnamese Excel exports write it). What a cell shows is what is read:
 * a formula gives its computed value, a merged cell its first cell's value,
 * a cell formatted as a percentage its percent (0,985 shown as 98,5% is 98.5).
 */
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { Sheet } from '../../core/import/sheet';
import { isoDay } from '../../core/text/date';
import { readCellText } from '../../documents/xlsx/formula';
import { invalid } from '../errors';
import { MAX_SHEET_ROWS, MAX_UPLOAD_BYTES, megabytes } from '../limits';
import { inspectXlsx, openXlsxStream } from './xlsx-zip';

export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'windows-1258');
  }
}

function scalarText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'number') return String(numFmt?.includes('%') ? Number((value * 100).toFixed(10)) : value);
  if (typeof value === 'string') return readCellText(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return readCellText(value.richText.map((r) => r.text).join(''));
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    // A formula nobody computed (a file written by a program, not by Excel) has no value to read: say so.
    if (result === undefined || result === null) return `=${(value as { formula?: string }).formula ?? ''}`;
    return scalarText(result as ExcelJS.CellValue, numFmt);
  }
  if ('text' in value) return String(value.text);
  return '';
}

/** "B2" → [row 2, column 2], both from 1. */
function cellRef(ref: string): [number, number] {
  const [, letters = 'A', digits = '1'] = /^([A-Z]+)(\d+)$/.exec(ref) ?? [];
  return [Number(digits), [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)];
}

/** A merged range shows its first cell's value in every cell, as Excel displays it. */
function applyMerges(rows: string[][], merges: string[]): void {
  for (const range of merges) {
    const [from = '', to = ''] = range.split(':');
    const [r0, c0] = cellRef(from);
    const [r1, c1] = cellRef(to);
    const master = rows[r0 - 1]?.[c0 - 1] ?? '';
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const row = (rows[r - 1] ??= []);
        while (row.length < c) row.push('');
        row[c - 1] = master;
      }
  }
}

/**
 * The first sheet, read as a stream after xlsx-zip.ts has checked the file's
 * sizes and row count: exceljs's streaming reader holds one row at a time
 * (and the shared strings), not the whole workbook.
 */
async function readXlsx(bytes: Buffer, filename: string): Promise<Sheet> {
  const outline = await inspectXlsx(bytes, filename);
  const first = outline.sheets[0]!;
  const rows: string[][] = [];
  let name: string | null = null;
  try {
    for await (const ws of openXlsxStream(outline)) {
      if (ws.part !== first) continue;
      name = first.name ?? `Sheet${first.partNo}`;
      for await (const row of ws.rows) {
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) {
          const cell = row.getCell(c);
          cells.push(scalarText(cell.value, cell.numFmt));
        }
        rows[row.number - 1] = cells;
      }
      break;
    }
  } catch {
    throw invalid(
      `Tệp ${filename} không mở được như một tệp Excel (.xlsx): tệp hỏng, bị cắt hoặc không đúng định dạng. Hãy mở bằng Excel và lưu lại dạng .xlsx.`,
    );
  }
  if (name === null) throw invalid(`Tệp ${filename} không có trang tính nào`);
  const dense = Array.from(rows, (r) => r ?? []);
  applyMerges(dense, outline.merges);
  return { name, rows: dense };
}

/** The file's first sheet (an import template keeps its instructions on the second). */
export async function readSheet(bytes: Buffer, filename: string): Promise<Sheet> {
  if (!bytes.length) throw invalid(`Tệp ${filename} rỗng`);
  if (bytes.length > MAX_UPLOAD_BYTES) throw invalid(`Tệp ${filename} lớn hơn ${megabytes(MAX_UPLOAD_BYTES)}; hãy chia thành nhiều tệp`);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(filename) || isZip) return readXlsx(bytes, filename);
  if (/\.xls$/i.test(filename) || (bytes[0] === 0xd0 && bytes[1] === 0xcf))
    throw invalid(`Tệp ${filename} là định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx hoặc CSV`);
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw invalid(`Tệp ${filename} không phải tệp văn bản CSV hay tệp Excel (.xlsx)`);
  // One row past the limit is enough to say the file is too long; the rest is not parsed.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, preview: MAX_SHEET_ROWS + 2 });
  return { name: filename.replace(/^.*[\\/]/, ''), rows: parsed.data.map((r) => r.map((c) => readCellText(String(c)))) };
}
