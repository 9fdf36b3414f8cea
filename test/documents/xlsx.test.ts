/** Read the workbooks back with exceljs: sheet names, figures, formats, Vietnamese text. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AREA_LIST_SHEET, YEAR_SHEETS, renderAreaList, renderYearTables } from '../../src/documents';
import { recognisedAreas, yearReportModel } from '../fixtures/laichau-2024';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

function rowByLabel(ws: ExcelJS.Worksheet, column: number, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(column).value === label) found = row;
  });
  if (!found) throw new Error(`no row "${label}" in ${ws.name}`);
  return found;
}

describe('renderYearTables', () => {
  it('has the five Vietnamese sheets with frozen headers', async () => {
    const wb = await load(await renderYearTables(yearReportModel()));
    expect(wb.worksheets.map((w) => w.name)).toEqual([...YEAR_SHEETS]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    }
  });

  it('carries the Lai Châu 2024 figures as values', async () => {
    const wb = await load(await renderYearTables(yearReportModel()));
    const sum = wb.getWorksheet('Tổng hợp')!;
    expect(rowByLabel(sum, 1, 'Tổng số khu dân cư được công nhận').getCell(2).value).toBe(35);
    const year = rowByLabel(sum, 1, 'Tỷ lệ so với mục tiêu năm').getCell(2);
    expect(year.value).toBeCloseTo(35 / 32, 10);
    expect(year.numFmt).toBe('0.0%');
    expect(rowByLabel(sum, 1, 'Tỷ lệ so với mục tiêu giai đoạn').getCell(2).value).toBeCloseTo(35 / 26, 10);

    const units = wb.getWorksheet('Theo đơn vị')!;
    const dongPhong = rowByLabel(units, 2, 'Phường Đông Phong');
    expect(dongPhong.getCell(3).value).toBe(8);
    expect(dongPhong.getCell(8).value).toBe(7);
    expect(dongPhong.getCell(3).numFmt).toBe('#,##0');
    const total = rowByLabel(units, 2, 'Tổng cộng');
    expect([total.getCell(3).value, total.getCell(5).value, total.getCell(6).value, total.getCell(8).value]).toEqual([72, 7, 28, 35]);

    const criteria = wb.getWorksheet('Tiêu chí chưa đạt')!;
    expect(String(criteria.getRow(2).getCell(5).value)).toContain('Bản Nậm Loỏng 3, Sáo Làn Than (Quyết Thắng)');

    const docs = wb.getWorksheet('Phụ lục 1')!;
    const nq = rowByLabel(docs, 4, '02-NQ/ThU');
    expect((nq.getCell(5).value as Date).toISOString().slice(0, 10)).toBe('2020-09-22');

    const funding = wb.getWorksheet('Phụ lục 2')!;
    expect(rowByLabel(funding, 2, 'Tổng cộng').getCell(4).value).toBe(1_250_000_000);
  });
});

describe('renderAreaList', () => {
  it('lists each area with title and status label', async () => {
    const wb = await load(await renderAreaList(recognisedAreas()));
    const ws = wb.getWorksheet(AREA_LIST_SHEET)!;
    expect(ws.rowCount).toBe(36);
    const row = rowByLabel(ws, 2, 'Bản Tả Xin Chải');
    expect(row.getCell(3).value).toBe('Phường Đông Phong');
    expect(row.getCell(5).value).toBe('Công nhận lần đầu');
    expect(row.getCell(6).value).toBe(2_000_000);
  });
});
