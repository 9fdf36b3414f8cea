/**
 * The presentation rules of Nghị định 30/2020/NĐ-CP (Phụ lục I, văn bản hành
 * chính) as docx building blocks, so each document file only says what it
 * contains. Sizes are in points here and converted once (docx wants half-points
 * for fonts and twips for lengths).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
  type FileChild,
} from 'docx';
import type { DocumentHead, Issuer, Signature } from '../model';
import { numberLine, placeDateLine } from '../text';

export const FONT = 'Times New Roman';

/** A4 in twips; the library swaps width and height itself for landscape. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Millimetres to twips, rounded up: docx's own converter truncates, and 20 mm would come out as 19,98 mm. */
export const mmToTwip = (mm: number): number => Math.ceil((mm / 25.4) * 1440);

/** Margins at the low end of NĐ 30's ranges (top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm): most text per page. */
export const MARGIN = {
  top: mmToTwip(20),
  bottom: mmToTwip(20),
  left: mmToTwip(30),
  right: mmToTwip(15),
  header: mmToTwip(10),
  footer: mmToTwip(10),
} as const;

/** Usable width of a portrait page. */
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** Body text 14 pt (NĐ 30 allows 13–14); tables a point smaller to fit. */
export const BODY_PT = 14;
export const TABLE_PT = 12;

/** First-line indent 1,27 cm, one of the two values NĐ 30 names. */
const FIRST_LINE = mmToTwip(12.7);

const halfPoints = (pt: number): number => Math.round(pt * 2);

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  color?: string;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text: text.normalize('NFC'),
    font: FONT,
    size: halfPoints(style.size ?? BODY_PT),
    bold: style.bold,
    italics: style.italics,
    color: style.color,
  });
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

interface LineOptions extends RunStyle {
  align?: Align;
  before?: number;
  after?: number;
  pageBreakBefore?: boolean;
  keepNext?: boolean;
}

/** One centred (by default) line, used for headings and header cells. */
export function line(text: string, options: LineOptions = {}): Paragraph {
  return new Paragraph({
    alignment: options.align ?? AlignmentType.CENTER,
    spacing: { before: options.before ?? 0, after: options.after ?? 0 },
    pageBreakBefore: options.pageBreakBefore,
    keepNext: options.keepNext,
    children: [run(text, options)],
  });
}

/** Body paragraph: justified, first-line indent, 6 pt after (NĐ 30: spacing ≥ 6 pt, line single to 1,5). */
export function body(children: string | TextRun[], style: RunStyle = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: { before: 0, after: 120, line: 288 },
    children: typeof children === 'string' ? [run(children, style)] : children,
  });
}

/** Numbered heading inside the body ("I. KẾT QUẢ THỰC HIỆN", "1. …"): bold, indented like the body. */
export function heading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: { before: 120, after: 120 },
    keepNext: true,
    children: [run(text, { bold: true })],
  });
}

/** "Căn cứ …" lines are italic in decisions (NĐ 30, Phụ lục I, mục 7a). */
export function legalBasis(text: string): Paragraph {
  return body(text, { italics: true });
}

/**
 * A short horizontal rule, centred in a box of `boxWidth` twips: an empty
 * paragraph with a top border, narrowed by indents. This is what Word users
 * draw by hand under the body name, the motto and the subject.
 */
export function rule(ruleWidth: number, boxWidth: number): Paragraph {
  const side = Math.max(0, Math.round((boxWidth - ruleWidth) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 40, after: 0, line: 120, lineRule: 'exact' },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { size: 2 },
    children: [],
  });
}

const NO_BORDERS = TableBorders.NONE;

function plainCell(children: Paragraph[], width: number, verticalAlign: 'top' | 'bottom' = 'top'): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: NO_BORDERS,
    // No side padding: the header's names and the date need every twip of the column.
    margins: { left: 0, right: 0 },
    verticalAlign: verticalAlign === 'top' ? VerticalAlign.TOP : VerticalAlign.BOTTOM,
    children,
  });
}

/** Two borderless columns, used by the header and the signature block. */
function layoutTable(rows: TableRow[], widths: [number, number]): Table {
  return new Table({
    rows,
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}

/**
 * Header column widths: the left holds the names (~44%), the right the Quốc
 * hiệu, which at 12 pt bold needs about 5.000 twips and must not wrap.
 */
const HEAD_LEFT = 4100;
const HEAD_RIGHT = TEXT_WIDTH - HEAD_LEFT;

const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

/**
 * The header (NĐ 30, Phụ lục I, ô 1–5): authority and body on the left with a
 * rule and the number; Quốc hiệu and Tiêu ngữ on the right with a rule and
 * the place and date in italics. Two rows so that "Số:" and the date share a
 * baseline however many lines the body name takes.
 */
export function documentHeader(issuer: Issuer, number: string, date: string): Table {
  // "\n" in a name chooses where a long name breaks, as clerks do by hand.
  const names = (text: string, style: RunStyle): Paragraph[] =>
    text
      .toLocaleUpperCase('vi')
      .split('\n')
      .map((t) => line(t.trim(), style));
  const left: Paragraph[] = [];
  if (issuer.authority) left.push(...names(issuer.authority, { size: 12 }));
  left.push(...names(issuer.body, { size: 12, bold: true }));
  left.push(rule(1300, HEAD_LEFT));

  const right = [line(QUOC_HIEU, { size: 12, bold: true }), line(TIEU_NGU, { size: 13, bold: true }), rule(3300, HEAD_RIGHT)];

  return layoutTable(
    [
      new TableRow({ children: [plainCell(left, HEAD_LEFT), plainCell(right, HEAD_RIGHT)] }),
      new TableRow({
        children: [
          plainCell([line(numberLine(number), { size: 13, before: 120 })], HEAD_LEFT),
          plainCell([line(placeDateLine(issuer.place, date), { size: 13, italics: true, before: 120 })], HEAD_RIGHT),
        ],
      }),
    ],
    [HEAD_LEFT, HEAD_RIGHT],
  );
}

/**
 * The header of a form people fill by hand: on the left who fills it, with
 * dotted room for the name; on the right Quốc hiệu, Tiêu ngữ and a date line
 * left to be written in.
 */
export function blankFormHeader(left: Array<{ text: string; bold?: boolean }>, dateLine: string): Table {
  const names = [...left.map((l) => line(l.text, { size: 12, bold: l.bold })), rule(1300, HEAD_LEFT)];
  const right = [line(QUOC_HIEU, { size: 12, bold: true }), line(TIEU_NGU, { size: 13, bold: true }), rule(3300, HEAD_RIGHT)];
  return layoutTable(
    [
      new TableRow({ children: [plainCell(names, HEAD_LEFT), plainCell(right, HEAD_RIGHT)] }),
      new TableRow({
        children: [plainCell([line('', { size: 13 })], HEAD_LEFT), plainCell([line(dateLine, { size: 13, italics: true, before: 120 })], HEAD_RIGHT)],
      }),
    ],
    [HEAD_LEFT, HEAD_RIGHT],
  );
}

/** Signatures side by side, each a title in bold capitals, "(Ký, ghi rõ họ tên)" and room to sign; the row never splits. */
export function signatureColumns(signers: Array<{ title: string[]; hint?: string }>): Table {
  const width = Math.floor(TEXT_WIDTH / signers.length);
  const cells = signers.map((s) =>
    plainCell(
      [
        line('', { size: 6, before: 240 }),
        ...s.title.map((t) => line(t.toLocaleUpperCase('vi'), { bold: true, size: 13 })),
        line(s.hint ?? '(Ký, ghi rõ họ tên)', { italics: true, size: 13 }),
        ...[0, 1, 2, 3].map(() => line('', { size: 13 })),
      ],
      width,
    ),
  );
  return new Table({
    rows: [new TableRow({ cantSplit: true, children: cells })],
    width: { size: width * signers.length, type: WidthType.DXA },
    columnWidths: signers.map(() => width),
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}

/** "QUYẾT ĐỊNH" / "Về việc …" with a rule under the subject (NĐ 30, ô 5a). */
export function documentTitle(type: string, subject: string): Paragraph[] {
  return [
    line(type.toLocaleUpperCase('vi'), { bold: true, before: 360 }),
    line(subject, { bold: true }),
    rule(2200, TEXT_WIDTH),
    line('', { size: 6, after: 120 }),
  ];
}

function signatureLines(signature: Signature): string[] {
  const lines: string[] = [];
  if (signature.mode === 'TM.' && signature.collective) lines.push(`TM. ${signature.collective}`);
  if (signature.mode === 'KT.') {
    if (signature.collective) lines.push(`TM. ${signature.collective}`);
    lines.push(`KT. ${signature.headPosition ?? ''}`.trim());
  }
  lines.push(signature.position);
  return lines.map((l) => l.toLocaleUpperCase('vi'));
}

/** The right half: authority lines bold upper case, room to sign and seal, the name bold. */
export function signatureParagraphs(signature: Signature): Paragraph[] {
  return [
    ...signatureLines(signature).map((text) => line(text, { bold: true, size: 14 })),
    ...[0, 1, 2, 3].map(() => line('', { size: 14 })),
    line(signature.name, { bold: true, size: 14 }),
  ];
}

/** "Nơi nhận:" bold italic 12 pt, lines 11 pt (NĐ 30, ô 9a). */
function recipientParagraphs(recipients: string[]): Paragraph[] {
  return [
    line('Nơi nhận:', { bold: true, italics: true, size: 12, align: AlignmentType.LEFT, before: 120 }),
    ...recipients.map((r, i) => line(`- ${r}${i === recipients.length - 1 || /[;,.]$/.test(r) ? '' : ';'}`, { size: 11, align: AlignmentType.LEFT })),
  ];
}

const SIGN_LEFT = 4300;

/** Recipients bottom-left, signature right, in one borderless row. */
export function closingBlock(head: Pick<DocumentHead, 'recipients' | 'signature'>): Table {
  return layoutTable(
    [
      new TableRow({
        cantSplit: true,
        children: [
          plainCell(recipientParagraphs(head.recipients), SIGN_LEFT),
          plainCell([line('', { size: 6, before: 120 }), ...signatureParagraphs(head.signature)], TEXT_WIDTH - SIGN_LEFT),
        ],
      }),
    ],
    [SIGN_LEFT, TEXT_WIDTH - SIGN_LEFT],
  );
}

/** Annex heading on a new page: "PHỤ LỤC 1", its name, "(Kèm theo …)" and a rule. */
export function annexHeading(label: string, name: string[], attachedTo: string): Paragraph[] {
  return [
    line(label.toLocaleUpperCase('vi'), { bold: true, pageBreakBefore: true }),
    ...name.map((n) => line(n, { bold: true })),
    line(`(${attachedTo})`, { italics: true }),
    rule(2200, TEXT_WIDTH),
    line('', { size: 6, after: 120 }),
  ];
}

/** A few points of air after a table, before the text goes on. */
export function gap(): Paragraph {
  return line('', { size: 6 });
}

/** "Biểu 2. Kết quả theo đơn vị" above a table: bold, centred, kept with the table. */
export function tableCaption(text: string): Paragraph {
  return line(text, { bold: true, size: 13, before: 120, after: 60, keepNext: true });
}

export interface Column {
  header: string;
  /** Relative width; scaled to the page. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

const ALIGN: Record<NonNullable<Column['align']>, Align> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

function dataCell(text: string, width: number, align: Align, style: RunStyle): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: text.split('\n').map((part) => line(part, { ...style, align })),
  });
}

/**
 * A bordered table over the full text width. The header row repeats on every
 * page (tblHeader) and no row splits across pages, as printed annexes need.
 * `total` is a last row in bold.
 */
export function dataTable(columns: Column[], rows: string[][], options: { total?: string[]; size?: number; width?: number } = {}): Table {
  const size = options.size ?? TABLE_PT;
  const full = options.width ?? TEXT_WIDTH;
  const sum = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.floor((c.width / sum) * full));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => dataCell(c.header, widths[i]!, AlignmentType.CENTER, { bold: true, size })),
  });
  const bodyRow = (cells: string[], bold: boolean): TableRow =>
    new TableRow({
      cantSplit: true,
      children: columns.map((c, i) => dataCell(cells[i] ?? '', widths[i]!, ALIGN[c.align ?? 'left'], { bold, size })),
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    rows: [header, ...rows.map((r) => bodyRow(r, false)), ...(options.total ? [bodyRow(options.total, true)] : [])],
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

/** NĐ 30 ô 11: page numbers centred at the top from page 2; none on page 1. */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: halfPoints(13) })] }),
    ],
  });
}

/** A portrait A4 section with NĐ 30 margins and page numbers. */
export function portraitSection(children: FileChild[]): ISectionOptions {
  return {
    properties: {
      page: { size: { width: A4.width, height: A4.height }, margin: MARGIN },
      titlePage: true,
    },
    headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
    children,
  };
}

/** Document defaults: Times New Roman 14 pt everywhere, so even empty paragraphs measure alike. */
export function buildDocument(title: string, sections: ISectionOptions[]): Document {
  return new Document({
    title,
    creator: 'KDC',
    styles: {
      default: {
        document: { run: { font: FONT, size: halfPoints(BODY_PT) } },
      },
    },
    sections,
  });
}

export async function toBuffer(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}
