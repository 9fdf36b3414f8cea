/**
 * Giấy công nhận: one landscape A4 page per recognised area, all in one file
 * so a commune prints the whole batch at once. Laid out like a Giấy khen:
 * Quốc hiệu on top, the grantor, "CÔNG NHẬN", the area in large type, the
 * title and year, then the decision it rests on and the signature.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
} from 'docx';
import { STATUS_LABELS } from '../../core/cycle/status';
import type { CertificateModel } from '../model';
import { decisionReference, placeDateLine } from '../text';
import { A4, buildDocument, line, mmToTwip, rule, signatureParagraphs, toBuffer } from './layout';
import { qrImage, qrPng, verificationText } from './verification';

/** Deep red, the colour such certificates are printed in. */
const RED = 'B22222';

const MARGIN = mmToTwip(18);
/** Landscape: the long side is the width. */
const WIDTH = A4.height - 2 * MARGIN;

/** A double frame 24 pt inside the paper edge, clear of the printer's dead zone. */
const FRAME: IBorderOptions = { style: BorderStyle.THICK_THIN_MEDIUM_GAP, size: 24, color: RED, space: 24 };

function cell(children: Paragraph[], width: number, bottom = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: TableBorders.NONE,
    verticalAlign: bottom ? VerticalAlign.BOTTOM : VerticalAlign.TOP,
    children,
  });
}

/**
 * Bottom row: left, the verification mark (QR and code, docs/verification.md), the decision reference and
 * register number; right, date and signature.
 */
function footer(model: CertificateModel, qr: Buffer | null): Table {
  const left = WIDTH * 0.45;
  const right = WIDTH - left;
  const refs: Paragraph[] = [];
  const v = model.verification;
  if (v) {
    if (qr && v.url) refs.push(new Paragraph({ alignment: AlignmentType.LEFT, children: [qrImage(qr, v.url)] }));
    refs.push(...verificationText(v, { size: 11 }));
  }
  const left_ = { size: 13, italics: true, align: AlignmentType.LEFT, before: v ? 60 : 0 };
  refs.push(line(decisionReference(model.decision.number, model.decision.date), left_));
  if (model.registerNumber) refs.push(line(`Số vào sổ: ${model.registerNumber}`, { ...left_, before: 0 }));
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(refs, left, true),
          cell([line(placeDateLine(model.issuer.place, model.date), { italics: true, size: 14, before: 360 }), ...signatureParagraphs(model.signature)], right),
        ],
      }),
    ],
  });
}

function certificateSection(model: CertificateModel, qr: Buffer | null): ISectionOptions {
  const children = [
    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 14, before: 240 }),
    line('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 15 }),
    rule(3800, WIDTH),
    line(model.grantorTitle.toLocaleUpperCase('vi'), { bold: true, size: 17, before: 480 }),
    line('CÔNG NHẬN', { bold: true, size: 42, color: RED, before: 360, after: 240 }),
    line(model.areaName, { bold: true, size: 34, color: RED }),
    ...(model.communeName ? [line(model.communeName, { bold: true, size: 20, before: 60 })] : []),
    line('Đạt danh hiệu', { size: 17, italics: true, before: 360 }),
    line(`"${model.titleName}" năm ${model.year}`, { bold: true, size: 22, before: 60 }),
    line(`(${STATUS_LABELS[model.status]})`, { italics: true, size: 16, before: 60 }),
    footer(model, qr),
  ];
  return {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: 'landscape' },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 0, footer: 0 },
        borders: {
          pageBorders: { offsetFrom: 'page' },
          pageBorderTop: FRAME,
          pageBorderBottom: FRAME,
          pageBorderLeft: FRAME,
          pageBorderRight: FRAME,
        },
      },
    },
    children,
  };
}

/** One section per certificate: each starts a new page and carries its own frame. */
export async function renderCertificates(models: CertificateModel[]): Promise<Buffer> {
  if (!models.length) throw new Error('Không có khu dân cư nào để in giấy công nhận');
  const qrs = await Promise.all(models.map((m) => (m.verification?.url ? qrPng(m.verification.url) : null)));
  return toBuffer(
    buildDocument(
      'Giấy công nhận',
      models.map((m, i) => certificateSection(m, qrs[i] ?? null)),
    ),
  );
}
