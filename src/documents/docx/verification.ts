/**
 * The mark that lets anyone check a printed certificate or decision: a QR
 * code of the public page /xac-minh/<code> and the code in words, "Mã xác
 * minh: 7KQ2M-XC91D — tra tại …/xac-minh" (docs/verification.md). The QR is
 * a PNG drawn by `qrcode` (error correction M: a crease or a stamp over a
 * corner still reads) and placed as a picture; no URL means no QR, the code
 * still prints.
 */
import { AlignmentType, BorderStyle, ImageRun, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import QRCode from 'qrcode';
import { formatVerifyCode } from '../../core/verify/code';
import type { Verification } from '../model';
import { line, run } from './layout';

/** Printed size of the QR in pixels at 96 dpi: 96 px ≈ 25 mm, readable by any phone at arm's length. */
export const QR_PX = 96;

export async function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 300 });
}

export function qrImage(png: Buffer, url: string, px = QR_PX): ImageRun {
  return new ImageRun({
    type: 'png',
    data: png,
    transformation: { width: px, height: px },
    altText: { name: 'Mã QR xác minh', title: 'Mã QR xác minh', description: url },
  });
}

/** "Mã xác minh: 7KQ2M-XC91D" and where to type it, as lines of text. */
export function verificationText(v: Verification, options: { size: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] }): Paragraph[] {
  const align = options.align ?? AlignmentType.LEFT;
  return [
    new Paragraph({
      alignment: align,
      children: [run('Mã xác minh: ', { size: options.size, italics: true }), run(formatVerifyCode(v.code), { size: options.size, bold: true })],
    }),
    ...(v.lookupUrl ? [line(`Tra cứu tại ${v.lookupUrl}`, { size: options.size, italics: true, align })] : []),
  ];
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/**
 * For a decision: the QR beside a short note, in one borderless row after the signature, so the first page keeps
 * the state layout (NĐ 30) and the mark sits where a reader looks last.
 */
export async function verificationBlock(v: Verification, width: number): Promise<Table> {
  const qrWidth = v.url ? 1700 : 0;
  const cells: TableCell[] = [];
  if (v.url)
    cells.push(
      new TableCell({
        width: { size: qrWidth, type: WidthType.DXA },
        borders: NO_BORDERS,
        verticalAlign: VerticalAlign.CENTER,
        children: [new Paragraph({ alignment: AlignmentType.LEFT, children: [qrImage(await qrPng(v.url), v.url, 90)] })],
      }),
    );
  cells.push(
    new TableCell({
      width: { size: width - qrWidth, type: WidthType.DXA },
      borders: NO_BORDERS,
      verticalAlign: VerticalAlign.CENTER,
      children: [
        ...verificationText(v, { size: 11 }),
        line('Quét mã QR hoặc nhập mã xác minh để đối chiếu văn bản này với hồ sơ gốc và biết danh hiệu nào đã bị thu hồi (nếu có).', {
          size: 11,
          italics: true,
          align: AlignmentType.LEFT,
        }),
      ],
    }),
  );
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: v.url ? [qrWidth, width - qrWidth] : [width],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: cells })],
  });
}
