/**
 * Issue 12, finding 6: a 2.8 MB XLSX unpacking to 440 MB of XML took 34.7 s,
 * 2.65 GB of memory and blocked /api/health for 14 s. Now an XLSX is looked
 * into before it is unpacked: too large once unpacked (as declared, or as it
 * really inflates), too many rows — refused at once with a Vietnamese
 * message, while the server keeps answering.
 */
import JSZip from 'jszip';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from '../../src/app/import/read';
import { AppError } from '../../src/app/errors';
import { MAX_SHEET_ROWS, MAX_UPLOAD_BYTES, MAX_XLSX_UNPACKED_BYTES } from '../../src/app/limits';
import { renderImportTemplate } from '../../src/documents/xlsx/import-template';
import { demoServer, loginAs } from '../support/server';

const rowXml = (n: number) =>
  `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>LC-TP-TANPHONG-TDP05</t></is></c><c r="B${n}" t="inlineStr"><is><t>Tổ dân phố số 5</t></is></c></row>`;

/** A real workbook's parts with the first sheet's XML replaced by `rows` rows (streamed, never held whole). */
async function workbookWithRows(rows: number): Promise<Buffer> {
  const template = await JSZip.loadAsync(
    await renderImportTemplate({ sheetName: 'Đơn vị', columns: [{ header: 'unit', note: 'x', width: 10 }], rows: [], instructions: ['x'] }),
  );
  const zip = new yazl.ZipFile();
  for (const [path, file] of Object.entries(template.files)) {
    if (file.dir || path === 'xl/worksheets/sheet1.xml') continue;
    zip.addBuffer(await file.async('nodebuffer'), path);
  }
  async function* sheet() {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    for (let n = 1; n <= rows; n += 1000) yield Array.from({ length: Math.min(1000, rows - n + 1) }, (_, i) => rowXml(n + i)).join('');
    yield '</sheetData></worksheet>';
  }
  zip.addReadStream(Readable.from(sheet()), 'xl/worksheets/sheet1.xml', { compress: true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The same file whose central directory claims the sheet is tiny (a lying zip bomb). */
function lying(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  for (let at = copy.indexOf('PK\u0001\u0002'); at >= 0; at = copy.indexOf('PK\u0001\u0002', at + 4)) {
    const nameLength = copy.readUInt16LE(at + 28);
    if (copy.subarray(at + 46, at + 46 + nameLength).toString() === 'xl/worksheets/sheet1.xml') copy.writeUInt32LE(1000, at + 24);
  }
  return copy;
}

const refusal = (bytes: Buffer) =>
  readSheet(bytes, 'bom.xlsx').then(
    () => null,
    (e: unknown) => e,
  );
// Rows of ~170 bytes: enough of them to unpack past the limit.
const BOMB_ROWS = Math.ceil((MAX_XLSX_UNPACKED_BYTES * 1.2) / rowXml(999_999).length);

describe('reading a spreadsheet within limits', () => {
  let bomb: Buffer;
  beforeAll(async () => {
    bomb = await workbookWithRows(BOMB_ROWS);
  }, 120_000);

  it('refuses a file that unpacks past the limit, from its declared sizes, before unpacking', async () => {
    expect(bomb.length).toBeLessThan(MAX_UPLOAD_BYTES);
    const started = performance.now();
    const error = await refusal(bomb);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/khi giải nén lớn hơn 100 MB/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a file whose parts lie about their size, while inflating, without holding it', async () => {
    const before = process.memoryUsage().rss;
    const error = await refusal(lying(bomb));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('lớn hơn kích thước nó tự khai');
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  });

  it('refuses more rows than the limit, naming it', async () => {
    const error = await refusal(await workbookWithRows(MAX_SHEET_ROWS + 2));
    expect((error as AppError).message).toBe('Tệp bom.xlsx có hơn 100.000 dòng dữ liệu; hãy chia thành nhiều tệp');
  }, 60_000);

  it('still reads an ordinary file', async () => {
    const sheet = await readSheet(await workbookWithRows(3), 'ok.xlsx');
    expect(sheet.rows).toEqual([
      ['LC-TP-TANPHONG-TDP05', 'Tổ dân phố số 5'],
      ['LC-TP-TANPHONG-TDP05', 'Tổ dân phố số 5'],
      ['LC-TP-TANPHONG-TDP05', 'Tổ dân phố số 5'],
    ]);
    expect(sheet.name).toBe('Đơn vị');
  });

  describe('through the API', () => {
    let server: Awaited<ReturnType<typeof demoServer>>;
    beforeAll(async () => {
      server = await demoServer();
    });
    afterAll(async () => {
      await server?.close();
    });

    it('the server keeps answering /api/health while a bomb or an over-long file is refused', async () => {
      const thanhpho = await loginAs(server.app, 'thanhpho');
      const boundary = '----kdc-bomb';
      for (const file of [lying(bomb), await workbookWithRows(MAX_SHEET_ROWS + 2)]) {
        const payload = Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bom.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
          ),
          file,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        let done = false;
        const pauses: number[] = [];
        const poll = (async () => {
          while (!done) {
            const t = performance.now();
            expect((await server.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
            pauses.push(performance.now() - t);
            await new Promise((r) => setTimeout(r, 10));
          }
        })();
        const started = performance.now();
        const res = await thanhpho.request({
          method: 'POST',
          url: '/api/imports/units',
          payload,
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        });
        done = true;
        await poll;
        expect(res.statusCode).toBe(400);
        expect(res.json().error.message).toMatch(/giải nén|100\.000 dòng/);
        expect(performance.now() - started).toBeLessThan(10_000);
        expect(Math.max(...pauses)).toBeLessThan(1_000);
      }
    }, 60_000);
  });
});
