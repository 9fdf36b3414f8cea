/**
 * Phiếu tự đánh giá: the blank form a village fills on paper (issue 10, item
 * 4), printed from the criteria set the programme uses in the year. Every
 * standard and criterion with its words and what it asks for; an empty result
 * column — boxes for Đạt / Không đạt, dotted room for a figure, or points with
 * the maximum shown; the disqualifying cases with Có / Không; the conditions
 * of each title, so the village can weigh its own result; and the signatures.
 * It names no village, date or signer: those are written by hand.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import type { CriteriaSet, Criterion, CriterionPart, Section } from '../../core/criteria/schema';
import { maxPointsOf, passPointsOf } from '../../core/criteria/walk';
import { conditionText, judgingText, legalBasisText, levelConditions } from '../../core/criteria/words';
import { formatNumber } from '../../core/text/format';
import {
  TABLE_PT,
  TEXT_WIDTH,
  blankFormHeader,
  body,
  buildDocument,
  gap,
  heading,
  line,
  portraitSection,
  rule,
  run,
  signatureColumns,
  toBuffer,
  type RunStyle,
} from './layout';

export interface CriteriaFormModel {
  set: CriteriaSet;
  /** The year the form is for; the date line leaves it blank when absent. */
  year?: number | null;
}

const BOX = '□';
const DOTS = '…………';
const SHORT = '……';

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: border, bottom: border, left: border, right: border };

interface Cell {
  paragraphs: Paragraph[];
  span?: number;
  align?: 'left' | 'center';
}

/** A paragraph in a table cell: left by default, one point of air. */
function p(text: string, style: RunStyle & { align?: 'left' | 'center' } = {}): Paragraph {
  return new Paragraph({
    alignment: style.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: 20, after: 20 },
    children: [run(text, { size: TABLE_PT, ...style })],
  });
}

function table(widths: number[], header: string[], rows: Cell[][]): Table {
  const sum = widths.reduce((s, w) => s + w, 0);
  const twips = widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const cell = (c: Cell, i: number) =>
    new TableCell({
      columnSpan: c.span,
      width: { size: twips.slice(i, i + (c.span ?? 1)).reduce((s, w) => s + w, 0), type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      borders: BORDERS,
      children: c.paragraphs.length ? c.paragraphs : [p('')],
    });
  const toRow = (cells: Cell[], headerRow = false) => {
    let at = 0;
    return new TableRow({
      tableHeader: headerRow || undefined,
      cantSplit: true,
      children: cells.map((c) => {
        const made = cell(c, at);
        at += c.span ?? 1;
        return made;
      }),
    });
  };
  return new Table({
    rows: [
      toRow(
        header.map((h) => ({ paragraphs: [p(h, { bold: true, align: 'center' })] })),
        true,
      ),
      ...rows.map((r) => toRow(r)),
    ],
    width: { size: twips.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: twips,
    layout: TableLayoutType.FIXED,
  });
}

/** What the village writes or ticks for an item. */
function resultCell(item: Criterion | CriterionPart, naAllowed: boolean): Paragraph[] {
  const na = naAllowed ? [p(`${BOX} Không áp dụng`)] : [];
  if (item.kind === 'points')
    return [
      p(`${SHORT} / ${formatNumber(maxPointsOf(item))} điểm`, { align: 'center' }),
      ...(naAllowed ? [p(`${BOX} Không áp dụng`, { align: 'center' })] : []),
    ];
  if ('parts' in item && item.parts?.length) return [p('(theo từng ý dưới đây)', { italics: true, align: 'center' })];
  const boxes = [p(`${BOX} Đạt`), p(`${BOX} Không đạt`), ...na];
  if (item.kind === 'quantity' && item.quantity && !item.quantity.from) {
    const unit = item.quantity.measure === 'percent' ? '%' : item.quantity.of;
    return [p(`Số liệu: ${SHORT}${unit === '%' ? '%' : ` ${unit}`}`), ...boxes];
  }
  return boxes;
}

/** The words of an item, its wording for some kinds of unit, and what it asks for. */
function contentCell(set: CriteriaSet, item: Criterion | CriterionPart, isPart: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  const own = [item.lead, item.text].filter(Boolean).join(' ');
  if (own) out.push(p(own));
  if ('variants' in item)
    for (const v of item.variants ?? []) out.push(p(`Đối với nơi ${conditionText(v.when)}: ${[v.lead, v.text].filter(Boolean).join(' ')}`));
  const italic = (text: string) => out.push(p(text, { italics: true, size: TABLE_PT - 1 }));
  const knockout = !isPart && set.levels.some((l) => l.rule.knockoutCriteria?.includes(item.code));
  if (item.kind === 'points') {
    const pass = !isPart && (item as Criterion).passPoints !== undefined ? `; đạt từ ${formatNumber(passPointsOf(item as Criterion))} điểm` : '';
    italic(`Tối đa ${formatNumber(maxPointsOf(item))} điểm${pass}${knockout ? ' (điểm liệt: không đạt thì không xét công nhận)' : ''}.`);
  } else {
    if (knockout) italic('Điểm liệt: không đạt thì không xét công nhận.');
    const judging = judgingText(item);
    if (judging) italic(`${judging}.`);
  }
  if ('appliesTo' in item && item.appliesTo) italic(`Chỉ áp dụng khi ${conditionText(item.appliesTo)}.`);
  return out;
}

function sectionRows(set: CriteriaSet, section: Section): Cell[][] {
  const points = set.scoring === 'points' ? section.criteria.reduce((s, c) => s + maxPointsOf(c), 0) : 0;
  const rows: Cell[][] = [[{ span: 4, paragraphs: [p(`${section.title}${points ? ` (tối đa ${formatNumber(points)} điểm)` : ''}`, { bold: true })] }]];
  if (!section.criteria.length) rows.push([{ span: 4, paragraphs: [p('(chưa có tiêu chí)', { italics: true })] }]);
  for (const c of section.criteria) {
    const naAllowed = set.allowNa || Boolean(c.appliesTo);
    rows.push([
      { paragraphs: [p(c.code, { align: 'center', bold: true })] },
      { paragraphs: contentCell(set, c, false) },
      { paragraphs: resultCell(c, naAllowed) },
      { paragraphs: [] },
    ]);
    for (const part of c.parts ?? []) {
      rows.push([
        { paragraphs: [p(part.code, { align: 'center' })] },
        { paragraphs: contentCell(set, part, true) },
        { paragraphs: resultCell(part, naAllowed) },
        { paragraphs: [] },
      ]);
    }
  }
  return rows;
}

const SUBJECT_HEAD: Record<CriteriaSet['subject'], Array<{ text: string; bold?: boolean }>> = {
  area: [{ text: `XÃ, PHƯỜNG ${DOTS}${DOTS}` }, { text: 'THÔN, BẢN, TỔ DÂN PHỐ', bold: true }, { text: `${DOTS}${DOTS}${DOTS}`, bold: true }],
  commune: [{ text: `TỈNH, THÀNH PHỐ ${DOTS}${DOTS}` }, { text: 'ỦY BAN NHÂN DÂN', bold: true }, { text: `XÃ, PHƯỜNG ${DOTS}${DOTS}`, bold: true }],
  street: [{ text: `PHƯỜNG ${DOTS}${DOTS}` }, { text: 'TUYẾN ĐƯỜNG, PHỐ', bold: true }, { text: `${DOTS}${DOTS}${DOTS}`, bold: true }],
};

const SUBJECT_NAME: Record<CriteriaSet['subject'], string> = { area: 'khu dân cư', commune: 'xã, phường', street: 'tuyến đường, phố' };

const SIGNERS: Record<CriteriaSet['subject'], Array<{ title: string[] }>> = {
  area: [{ title: ['Trưởng ban công tác', 'Mặt trận'] }, { title: ['Trưởng thôn, bản,', 'Tổ trưởng tổ dân phố'] }],
  commune: [{ title: ['TM. Ban Thường trực', 'Ủy ban MTTQ Việt Nam'] }, { title: ['TM. Ủy ban nhân dân', 'Chủ tịch'] }],
  street: [{ title: ['Trưởng ban công tác', 'Mặt trận'] }, { title: ['Tổ trưởng tổ dân phố'] }],
};

/** The opening lines: who fills the form, and the title asked for when the set has several. */
function identity(set: CriteriaSet): Paragraph[] {
  const name = SUBJECT_NAME[set.subject];
  const left = (text: string) => new Paragraph({ spacing: { before: 60, after: 60 }, children: [run(text)] });
  const lines = [left(`Tên ${name}: ${DOTS.repeat(6)}`)];
  if (set.subject === 'area')
    lines.push(left(`Thuộc xã, phường, đặc khu: ${DOTS.repeat(5)}`), left(`Số hộ: ${DOTS.repeat(2)}   Số nhân khẩu: ${DOTS.repeat(2)}`));
  const levels = [...set.levels].sort((a, b) => a.rank - b.rank);
  if (levels.length > 1) lines.push(left(`Danh hiệu đăng ký: ${levels.map((l) => `${BOX} ${l.name}`).join('   ')}`));
  else lines.push(left(`Danh hiệu đăng ký: ${levels[0]?.name ?? ''}`));
  return lines;
}

export async function renderCriteriaForm(model: CriteriaFormModel): Promise<Buffer> {
  const { set } = model;
  const year = model.year ? String(model.year) : `20${SHORT}`;
  const points = set.scoring === 'points';
  const criteriaTable = table(
    [9, 55, 21, 15],
    ['Mã', 'Nội dung tiêu chí', points ? 'Điểm tự chấm' : 'Kết quả tự đánh giá', 'Ghi chú, minh chứng'],
    [
      ...set.sections.flatMap((s) => sectionRows(set, s)),
      ...(points
        ? [
            [
              { span: 2, paragraphs: [p('Tổng cộng', { bold: true, align: 'center' })] },
              {
                paragraphs: [
                  p(`${DOTS} / ${formatNumber(set.sections.flatMap((s) => s.criteria).reduce((sum, c) => sum + maxPointsOf(c), 0))} điểm`, {
                    bold: true,
                    align: 'center',
                  }),
                ],
              },
              { paragraphs: [] },
            ],
          ]
        : []),
    ],
  );
  const count = set.sections.reduce((n, s) => n + s.criteria.length, 0);
  const status = set.template
    ? 'Khung mẫu: tỉnh hoàn thiện ngưỡng, điểm trước khi dùng'
    : set.illustrative
      ? 'Bộ tiêu chí minh họa, không phải văn bản chính thức'
      : null;
  const children = [
    blankFormHeader(SUBJECT_HEAD[set.subject], `${DOTS}, ngày ${SHORT} tháng ${SHORT} năm ${year}`),
    line('PHIẾU TỰ ĐÁNH GIÁ', { bold: true, before: 360 }),
    line(`Kết quả thực hiện các tiêu chí “${set.name}”${model.year ? ` năm ${model.year}` : ''}`, { bold: true }),
    line(`(Theo ${legalBasisText(set)})`, { italics: true }),
    ...(status ? [line(`(${status})`, { italics: true })] : []),
    rule(2200, TEXT_WIDTH),
    line('', { size: 6, after: 120 }),
    ...identity(set),
    heading('I. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ'),
    body(
      points
        ? 'Ghi số điểm tự chấm của từng tiêu chí, không vượt quá điểm tối đa; ghi minh chứng (biên bản, số liệu, văn bản) ở cột Ghi chú.'
        : `Đánh dấu X vào ô kết quả của từng tiêu chí; tiêu chí định lượng ghi thêm số liệu. Ghi minh chứng ở cột Ghi chú.${set.allowNa ? '' : ' Ô Không áp dụng chỉ có ở tiêu chí dành riêng cho một số nơi.'}`,
      { italics: true },
    ),
    criteriaTable,
    gap(),
    ...(points ? [] : [body(`Tổng số tiêu chí đạt: ${DOTS}/${formatNumber(count)} tiêu chí.`)]),
    ...(set.disqualifiers.length
      ? [
          heading('II. CÁC TRƯỜNG HỢP KHÔNG XÉT CÔNG NHẬN'),
          body('Đánh dấu X vào ô Có nếu trường hợp xảy ra trong năm, ô Không nếu không xảy ra. Có một trường hợp xảy ra thì không xét công nhận.', {
            italics: true,
          }),
          table(
            [9, 71, 10, 10],
            ['Mã', 'Trường hợp', 'Có', 'Không'],
            set.disqualifiers.map((d) => [
              { paragraphs: [p(d.code, { align: 'center', bold: true })] },
              { paragraphs: [p(d.text)] },
              { paragraphs: [p(BOX, { align: 'center' })] },
              { paragraphs: [p(BOX, { align: 'center' })] },
            ]),
          ),
          gap(),
        ]
      : []),
    heading(`${set.disqualifiers.length ? 'III' : 'II'}. TỰ ĐÁNH GIÁ VÀ ĐỀ NGHỊ`),
    body('Điều kiện công nhận theo bộ tiêu chí:', { italics: true }),
    ...[...set.levels]
      .sort((a, b) => a.rank - b.rank)
      .map((l) => {
        const conditions = levelConditions(set, l);
        return body(`- ${l.name}: ${conditions.length ? conditions.join('; ') : 'chưa có ngưỡng (tỉnh quy định)'}.`);
      }),
    body(`Căn cứ kết quả tự đánh giá, ${SUBJECT_NAME[set.subject]} đề nghị xét công nhận danh hiệu: ${DOTS.repeat(6)}`),
    signatureColumns(SIGNERS[set.subject]),
  ];
  return toBuffer(buildDocument(`Phiếu tự đánh giá — ${set.name}`, [portraitSection(children)]));
}
