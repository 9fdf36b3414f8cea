/**
 * Reads an uploaded or given file into sheets of text cells: XLSX through
 * exceljs (formula cells give their computed value, merged cells their
 * master's), CSV through papaparse after finding its encoding — UTF-8 with or
 * without BOM, UTF-16 with BOM, else Windows-1258 as older Vietnamese Excel
 * exports write it.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { Sheet } from '../../core/import/rows';
import { invalid } from '../errors';

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

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.isMerged && cell.master !== cell ? cell.master.value : cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return value.result === undefined || value.result === null ? '' : String(value.result);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

export async function readSheets(bytes: Buffer, filename: string): Promise<Sheet[]> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(filename) || isZip) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw invalid(`Tệp ${filename} không mở được như một tệp Excel (.xlsx): tệp hỏng hoặc không đúng định dạng`);
    }
    return workbook.worksheets.map((ws) => {
      const rows: string[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        const cells: string[] = [];
        for (let c = 1; c <= Math.max(row.cellCount, ws.columnCount); c++) cells.push(cellText(row.getCell(c)));
        rows[n - 1] = cells;
      });
      return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
    });
  }
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw invalid(`Tệp ${filename} không phải tệp văn bản CSV`);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  return [{ name: filename.replace(/^.*[\\/]/, ''), rows: parsed.data.map((r) => r.map((c) => String(c))) }];
}
