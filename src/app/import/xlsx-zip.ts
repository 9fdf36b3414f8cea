/**
 * Looking inside an XLSX (a zip) before anything is unpacked into memory
 * (issue 12, finding 6: a 2.8 MB file unpacking to 440 MB of XML took 2.65 GB
 * and blocked the server for 14 s). The central directory's sizes are checked
 * first; then every part is inflated as a stream, counted and thrown away —
 * yauzl stops a part that unpacks past the size it declared — while the
 * first sheet's rows are counted and its merged ranges noted. Memory stays
 * at a few chunks, and the server keeps answering between them.
 *
 * `openXlsxStream` then reads the sheets with exceljs's streaming reader,
 * which reads the zip front to back and depends on the order of its parts:
 * a worksheet met before `xl/workbook.xml` made it throw (a good file refused
 * as broken), and a worksheet met before the shared strings is spooled to a
 * temporary file and read at the end — a detour on which, under load, a
 * file's text cells were now and then read empty (a good header refused as
 * "thiếu cột", 1 run in some thousands in CI). So the reader is handed the
 * same zip records reordered — relationships, workbook, shared strings and
 * styles first — and reads every worksheet straight from the zip. Nothing is
 * unpacked or packed again: the records are moved whole, and the streaming
 * reader never looks at the central directory that still points at the old
 * places.
 */
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { Readable } from 'node:stream';
import { formatNumber } from '../../core/text/format';
import { invalid } from '../errors';
import { MAX_SHEET_ROWS, MAX_XLSX_ENTRIES, MAX_XLSX_UNPACKED_BYTES, megabytes } from '../limits';

export interface XlsxSheetPart {
  /** The number in the part's name, as exceljs's reader gives it as the worksheet's id ("1" for xl/worksheets/sheet1.xml). */
  partNo: string;
  /** The zip path, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  /** The name on the sheet's tab; null when workbook.xml does not say. */
  name: string | null;
}

/** Parts the streaming reader must have read before any worksheet, in the order it needs them. */
const READ_FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

export interface XlsxOutline {
  /** The zip path of the first sheet in the workbook's own order, e.g. "xl/worksheets/sheet1.xml". */
  sheetPath: string;
  sheetName: string | null;
  /** Every sheet, in the workbook's own order (the order of the tabs). */
  sheets: XlsxSheetPart[];
  /** Merged ranges of the first sheet ("B2:B3"). */
  merges: string[];
  /** The file's zip records with READ_FIRST in front, for `openXlsxStream`. */
  streamBytes: Buffer;
}

const broken = (filename: string) =>
  invalid(`Tệp ${filename} không mở được như một tệp Excel (.xlsx): tệp hỏng, bị cắt hoặc không đúng định dạng. Hãy mở bằng Excel và lưu lại dạng .xlsx.`);

async function readSmall(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** Reads a stream to its end, handing each chunk to `look`; `look` may throw to stop. */
async function drain(stream: Readable, look?: (text: string) => void): Promise<void> {
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) look?.(chunk.toString('latin1'));
  } finally {
    stream.destroy();
  }
}

const decode = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

const partNo = (path: string) => /(\d+)\.xml$/.exec(path)?.[1] ?? '';

/** Every sheet in workbook order, found through workbook.xml and its relationships; parts it does not name follow by number. */
function sheetsInOrder(workbookXml: string, relsXml: string, sheetPaths: string[]): XlsxSheetPart[] {
  const listed: XlsxSheetPart[] = [];
  for (const [sheet] of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const rid = /\br:id="([^"]+)"/.exec(sheet)?.[1] ?? /\b\w+:id="([^"]+)"/.exec(sheet)?.[1];
    const name = /\bname="([^"]*)"/.exec(sheet)?.[1];
    const rel = rid ? new RegExp(`<Relationship\\b[^>]*\\bId="${rid}"[^>]*>`).exec(relsXml)?.[0] : undefined;
    const target = rel ? /\bTarget="([^"]+)"/.exec(rel)?.[1] : undefined;
    const path = target ? (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`) : undefined;
    if (path && sheetPaths.includes(path) && !listed.some((s) => s.path === path))
      listed.push({ partNo: partNo(path), path, name: name === undefined ? null : decode(name) });
  }
  const rest = sheetPaths.filter((p) => !listed.some((s) => s.path === p)).sort((a, b) => Number(partNo(a)) - Number(partNo(b)));
  return [...listed, ...rest.map((path) => ({ partNo: partNo(path), path, name: null }))];
}

/** Where the central directory starts, from the end-of-central-directory record; null for a zip64 file (not reordered). */
function centralDirectoryOffset(bytes: Buffer): number | null {
  const at = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (at < 0 || at + 20 > bytes.length) return null;
  const offset = bytes.readUInt32LE(at + 16);
  return offset === 0xffffffff || offset > bytes.length ? null : offset;
}

/** The same local records, READ_FIRST first, the rest in their order, then the central directory as it was. */
function readFirstOrder(bytes: Buffer, entries: yauzl.Entry[]): Buffer {
  const end = centralDirectoryOffset(bytes);
  if (end === null) return bytes;
  const byOffset = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  const records = byOffset.map((e, i) => ({
    name: e.fileName,
    record: bytes.subarray(e.relativeOffsetOfLocalHeader, byOffset[i + 1]?.relativeOffsetOfLocalHeader ?? end),
  }));
  const rank = (name: string) => (READ_FIRST.includes(name) ? READ_FIRST.indexOf(name) : READ_FIRST.length);
  const ordered = records.map((r, i) => ({ ...r, i })).sort((a, b) => rank(a.name) - rank(b.name) || a.i - b.i);
  return Buffer.concat([...ordered.map((r) => r.record), bytes.subarray(end)]);
}

export async function inspectXlsx(bytes: Buffer, filename: string): Promise<XlsxOutline> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw broken(filename);
  }
  try {
    if (zip.entryCount > MAX_XLSX_ENTRIES)
      throw invalid(
        `Tệp ${filename} có ${formatNumber(zip.entryCount)} phần bên trong, quá nhiều cho một tệp Excel (tối đa ${formatNumber(MAX_XLSX_ENTRIES)})`,
      );
    const entries = await listEntries(zip);
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    const tooBig = () =>
      invalid(
        `Tệp ${filename} khi giải nén lớn hơn ${megabytes(MAX_XLSX_UNPACKED_BYTES)}, quá lớn để đọc; hãy chia thành nhiều tệp (mỗi tệp tối đa ${formatNumber(MAX_SHEET_ROWS)} dòng) hoặc lưu dạng CSV`,
      );
    if (declared > MAX_XLSX_UNPACKED_BYTES) throw tooBig();

    const byName = new Map(entries.map((e) => [e.fileName, e]));
    const workbook = byName.get('xl/workbook.xml');
    const rels = byName.get('xl/_rels/workbook.xml.rels');
    const sheetPaths = entries.map((e) => e.fileName).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
    if (!workbook || !sheetPaths.length) throw broken(filename);
    const sheets = sheetsInOrder(await readSmall(zip, workbook), rels ? await readSmall(zip, rels) : '', sheetPaths);
    const { path: sheetPath, name: sheetName } = sheets[0]!;

    const merges: string[] = [];
    let rows = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      if (entry.fileName !== sheetPath) {
        await drain(await zip.openReadStreamPromise(entry));
        continue;
      }
      let carry = '';
      await drain(await zip.openReadStreamPromise(entry), (text) => {
        const window = carry + text;
        rows += (window.match(/<(?:\w+:)?row[\s>]/g) ?? []).length - (carry.match(/<(?:\w+:)?row[\s>]/g) ?? []).length;
        for (const m of window.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"/g)) if (!merges.includes(m[1]!)) merges.push(m[1]!);
        if (rows > MAX_SHEET_ROWS + 1) throw invalid(`Tệp ${filename} có hơn ${formatNumber(MAX_SHEET_ROWS)} dòng dữ liệu; hãy chia thành nhiều tệp`);
        carry = window.slice(-200);
      });
    }
    return { sheetPath, sheetName, sheets, merges, streamBytes: readFirstOrder(bytes, entries) };
  } catch (error) {
    if (error instanceof Error && error.name === 'AppError') throw error;
    if (error instanceof Error && /too many bytes|exceed|size/i.test(error.message))
      throw invalid(`Tệp ${filename} khi giải nén lớn hơn kích thước nó tự khai: tệp hỏng hoặc cố ý làm hại; không đọc`);
    throw broken(filename);
  } finally {
    zip.close();
  }
}

export interface XlsxSheetStream {
  /** The sheet as the outline knows it (name and order from workbook.xml). */
  part: XlsxSheetPart;
  /** Its position among the workbook's tabs, from 0. */
  order: number;
  rows: AsyncIterable<ExcelJS.Row>;
}

/**
 * Every worksheet of a file `inspectXlsx` has passed, as exceljs's streaming
 * reader meets it, each matched to its part of the outline: by the tab's
 * name when the reader found it in workbook.xml, else by the part's number
 * (the reader's id until it has read workbook.xml).
 */
export async function* openXlsxStream(outline: XlsxOutline): AsyncGenerator<XlsxSheetStream> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([outline.streamBytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // The reader looks up a worksheet's tab in `model.sheets`, which exists only
  // once workbook.xml has been read (exceljs 4.4, workbook-reader.js
  // _parseWorksheet). Reordered, workbook.xml comes first; a file without one
  // at all is refused by inspectXlsx, but keep the reader from throwing anyway.
  const internal = reader as unknown as { model?: { sheets?: unknown[] } };
  internal.model ??= { sheets: [] };
  for await (const ws of reader as unknown as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { id: string | number; name?: string }>) {
    const byName = ws.name === undefined ? -1 : outline.sheets.findIndex((s) => s.name === ws.name);
    const order = byName >= 0 ? byName : outline.sheets.findIndex((s) => s.partNo === String(ws.id));
    const part = outline.sheets[order] ?? { partNo: String(ws.id), path: '', name: null };
    yield { part, order: order >= 0 ? order : outline.sheets.length, rows: ws as unknown as AsyncIterable<ExcelJS.Row> };
  }
}
