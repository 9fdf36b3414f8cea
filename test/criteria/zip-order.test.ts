/**
 * A workbook is read whatever the order of the parts inside its zip. Excel
 * writes xl/workbook.xml before the worksheets; exceljs's own writer now and
 * then does not, and its streaming reader then threw, so a good criteria
 * workbook was refused as "tệp hỏng" (seen once in CI; about 1 in 800 under load).
 * Here the order is made bad on purpose, every time.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readCriteriaWorkbook, writeCriteriaWorkbook } from '../../src/app/criteria/xlsx';
import { readSheet } from '../../src/app/import/read';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import { renderImportTemplate } from '../../src/documents/xlsx/import-template';

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
});
