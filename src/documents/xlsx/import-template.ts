/**
 * An import template: the data sheet first (the one the importer reads),
 * its header in row 1 with a note on each column saying what goes in it,
 * cells typed as text so "1.10" stays "1.10"; then a "Hướng dẫn" sheet of
 * plain instructions. The rows a template is filled with are the records
 * already kept, so sending a template back unchanged changes nothing.
 */
import { cellText } from './formula';
import { addSheet, newWorkbook, toBuffer, type CellValue } from './sheet';

export interface TemplateColumn {
  header: string;
  note: string;
  width: number;
}
export interface ImportTemplateModel {
  sheetName: string;
  columns: TemplateColumn[];
  rows: CellValue[][];
  instructions: string[];
}

export const INSTRUCTIONS_SHEET = 'Hướng dẫn';

export async function renderImportTemplate(model: ImportTemplateModel): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addSheet(
    wb,
    model.sheetName,
    model.columns.map((c) => ({ header: c.header, width: c.width, wrap: false })),
    model.rows,
  );
  model.columns.forEach((c, i) => {
    const header = ws.getRow(1).getCell(i + 1);
    header.note = c.note;
    ws.getColumn(i + 1).numFmt = '@';
  });
  const help = wb.addWorksheet(INSTRUCTIONS_SHEET);
  help.getColumn(1).width = 120;
  model.instructions.forEach((line, i) => {
    const cell = help.getRow(i + 1).getCell(1);
    cell.value = cellText(line);
    cell.font = { name: 'Times New Roman', size: 12, bold: i === 0 };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  return toBuffer(wb);
}
