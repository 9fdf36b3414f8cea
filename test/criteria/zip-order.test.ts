/**
 * A workbook is read whatever the order of the parts inside its zip. Excel
 * writes xl/workbook.xml before the worksheets; exceljs's own writer now and
 * then does not, and its streaming reader then threw, so a good criteria
 * workbook was refused as "tệp hỏng" (seen once in CI; about 1 in 800 under load).
 * Here the order is made bad on purpose, every time. And the worksheets
 * must never go through exceljs's temporary-file detour (taken when a
 * worksheet comes before the shared strings), on which text cells were now
 * and then read empty under load.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { readCriteriaWorkbook, writeCriteriaWorkbook } from '../../src/app/criteria/xlsx';
import { readSheet } from '../../src/app/import/read';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import { renderImportTemplate } from '../../src/documents/xlsx/import-template';

/** The `tmp` package exceljs spools worksheets with (the same module instance exceljs requires). */
const tmp = createRequire(import.meta.url)('tmp') as { file: (...args: unknown[]) => void };

/**
 * The same parts, re-zipped in the order that broke the reader: workbook.xml
 * last, after the worksheets, and the shared strings and relationships before them.
 */
async function worksheetsFirst(bytes: Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files).filter((n) => !source.files[n]!.dir);
  const rank = (n: string) => (n === 'xl/workbook.xml' ? 2 : n.startsWith('xl/worksheets/') ? 1 : 0);
  const ordered = [...names].sort((a, b) => rank(a) - rank(b));
  expect(ordered.indexOf('xl/workbook.xml')).toBeGreaterThan(ordered.findIndex((n) => n.startsWith('xl/worksheets/sheet')));
  expect(ordered.indexOf('xl/sharedStrings.xml')).toBeGreaterThan(-1);
  expect(ordered.indexOf('xl/sharedStrings.xml')).toBeLessThan(ordered.findIndex((n) => n.startsWith('xl/worksheets/sheet')));
  const zip = new JSZip();
  for (const name of ordered) zip.file(name, await source.files[name]!.async('nodebuffer'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('parts of an XLSX in an unusual order', () => {
  it('a criteria workbook still reads as the same set, its sheets by their tab names', async () => {
    const set = findBuiltinSet('laichau-tqpttd')!;
    const shuffled = await worksheetsFirst(await writeCriteriaWorkbook(set));
    const result = await readCriteriaWorkbook(shuffled, 'laichau.xlsx');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.set).toEqual(set);
  });

  it('an import file still reads its first sheet, named as on its tab', async () => {
    const template = await renderImportTemplate({
      sheetName: 'Đơn vị',
      columns: [{ header: 'unit', note: 'mã', width: 10 }],
      rows: [['LC-TP-TANPHONG-TDP05']],
      instructions: ['Điền mỗi dòng một đơn vị'],
    });
    const sheet = await readSheet(await worksheetsFirst(template), 'don-vi.xlsx');
    expect(sheet.name).toBe('Đơn vị');
    expect(sheet.rows[0]).toEqual(['unit']);
    expect(sheet.rows[1]).toEqual(['LC-TP-TANPHONG-TDP05']);
  });

  it('worksheets are read straight from the zip, never spooled to a temporary file, whatever order exceljs wrote', async () => {
    const spool = vi.spyOn(tmp, 'file');
    try {
      for (let i = 0; i < 20; i++) {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('Dữ liệu').addRow(['name', 'ghi chú', 'unit', 'title', 'year']);
        wb.addWorksheet('Hướng dẫn').addRow(['Điền mỗi dòng một khu dân cư']);
        const bytes = Buffer.from(await wb.xlsx.writeBuffer());
        for (const file of [bytes, await worksheetsFirst(bytes)]) {
          const sheet = await readSheet(file, 'lich-su.xlsx');
          expect(sheet.name).toBe('Dữ liệu');
          expect(sheet.rows).toEqual([['name', 'ghi chú', 'unit', 'title', 'year']]);
        }
      }
      expect(spool).not.toHaveBeenCalled();
    } finally {
      spool.mockRestore();
    }
  });
});
