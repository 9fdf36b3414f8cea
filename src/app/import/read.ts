/**
 * Reads an uploaded or given file into its first sheet of text cells: XLSX
 * through exceljs, CSV through papaparse after finding its encoding (UTF-8
 * with or without BOM, UTF-16 with BOM, else Windows-1258 as older
 * Vietnamese Excel exports write it). What a cell shows is what is read:
 * a formula gives its computed value, a merged cell its first cell's value,
 * a cell formatted as a percentage its percent (0,985 shown as 98,5% is 98.5).
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { Sheet } from '../../core/import/sheet';
import { invalid } from '../errors';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

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
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(numFmt?.includes('%') ? Number((value * 100).toFixed(10)) : value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
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

function cellText(cell: ExcelJS.Cell): string {
  const source = cell.isMerged && cell.master !== cell ? cell.master : cell;
  return scalarText(source.value, source.numFmt);
}

async function readXlsx(bytes: Buffer, filename: string): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid(`Tệp ${filename} không mở được như một tệp Excel (.xlsx): tệp hỏng, bị cắt hoặc không đúng định dạng. Hãy mở bằng Excel và lưu lại dạng .xlsx.`);
  }
  const ws = workbook.worksheets[0];
  if (!ws) throw invalid(`Tệp ${filename} không có trang tính nào`);
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
    rows[n - 1] = cells;
  });
  return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
}

/** The file's first sheet (an import template keeps its instructions on the second). */
export async function readSheet(bytes: Buffer, filename: string): Promise<Sheet> {
  if (!bytes.length) throw invalid(`Tệp ${filename} rỗng`);
  if (bytes.length > MAX_IMPORT_BYTES) throw invalid(`Tệp ${filename} lớn hơn ${MAX_IMPORT_BYTES / 1024 / 1024} MB; hãy chia thành nhiều tệp`);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(filename) || isZip) return readXlsx(bytes, filename);
  if (/\.xls$/i.test(filename) || (bytes[0] === 0xd0 && bytes[1] === 0xcf))
    throw invalid(`Tệp ${filename} là định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx hoặc CSV`);
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw invalid(`Tệp ${filename} không phải tệp văn bản CSV hay tệp Excel (.xlsx)`);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  return { name: filename.replace(/^.*[\\/]/, ''), rows: parsed.data.map((r) => r.map((c) => String(c))) };
}
