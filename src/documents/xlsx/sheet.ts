/**
 * One way to lay out a sheet: a styled header row that stays frozen, fixed
 * column widths, thin borders, values only (no formulas, so the numbers read
 * back exactly as the report printed them), and an optional bold total row.
 * Every text cell passes through `cellText` (formula.ts), so no name or
 * note a person typed can turn into a formula.
 */
import ExcelJS from 'exceljs';
import { dateParts } from '../../core/text/date';
import { cellText } from './formula';

export type CellValue = string | number | Date | null;

export interface SheetColumn {
  header: string;
  /** Width in characters. */
  width: number;
  /** "#,##0" for counts and money, "0.0%" for ratios, "dd/mm/yyyy" for dates. */
  numFmt?: string;
  /** Long text wraps instead of widening the column. */
  wrap?: boolean;
}

export const FMT = { count: '#,##0', money: '#,##0', ratio: '0.0%', date: 'dd/mm/yyyy' } as const;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KDC';
  wb.created = new Date(0);
  return wb;
}

function styleHeader(row: ExcelJS.Row): void {
  row.height = 36;
  row.eachCell((c) => {
    c.font = { name: 'Times New Roman', size: 12, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.border = THIN;
  });
}

function styleBody(row: ExcelJS.Row, columns: SheetColumn[], bold: boolean): void {
  columns.forEach((col, i) => {
    const c = row.getCell(i + 1);
    c.font = { name: 'Times New Roman', size: 12, bold };
    c.alignment = { vertical: 'top', wrapText: col.wrap ?? false };
    if (col.numFmt) c.numFmt = col.numFmt;
    c.border = THIN;
  });
}

/** Adds a sheet with the header in row 1, frozen, and the rows below. */
export function addSheet(wb: ExcelJS.Workbook, name: string, columns: SheetColumn[], rows: CellValue[][], total?: CellValue[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: cellText(c.header), width: c.width }));
  styleHeader(ws.getRow(1));
  for (const values of rows) styleBody(ws.addRow(values.map(cellText)), columns, false);
  if (total) styleBody(ws.addRow(total.map(cellText)), columns, true);
  return ws;
}

/** ISO day → a Date at UTC midnight, so Excel shows the same calendar day everywhere. */
export function isoToDate(iso: string | null): Date | null {
  if (!iso) return null;
  const { year, month, day } = dateParts(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
