/**
 * Quyết định công nhận: the decision recognising the areas of one title in one
 * year, with the list of areas as an annex (Quyết định 46, 47, 75,
 * 76/QĐ-MTTQ-BTT quoted in Báo cáo 299-BC/HU "V/v Công nhận Khu dân cư tiêu biểu").
 */
import { AlignmentType, type Paragraph, type Table } from 'docx';
import { STATUS_LABELS } from '../../core/cycle/status';
import { formatMoney, formatNumber } from '../../core/text/format';
import { formatDate } from '../../core/text/date';
import type { RecognitionDecisionModel, RecognizedAreaRow } from '../model';
import { issuerInText } from '../text';
import {
  annexHeading,
  body,
  buildDocument,
  closingBlock,
  dataTable,
  documentHeader,
  documentTitle,
  legalBasis,
  line,
  portraitSection,
  run,
  TEXT_WIDTH,
  toBuffer,
  type Column,
} from './layout';
import { verificationBlock } from './verification';

function withSemicolon(text: string): string {
  return /[;.]$/.test(text) ? text : `${text};`;
}

function articleParagraph(text: string, index: number): Paragraph {
  return body([run(`Điều ${index + 1}. `, { bold: true }), run(text)]);
}

function preamble(model: RecognitionDecisionModel): Paragraph[] {
  const lines = [
    line(model.deciderTitle.toLocaleUpperCase('vi'), { bold: true, after: 120 }),
    ...model.legalBases.map((b) => legalBasis(withSemicolon(b.startsWith('Căn cứ') ? b : `Căn cứ ${b}`))),
  ];
  if (model.proposal) lines.push(legalBasis(model.proposal.endsWith('.') ? model.proposal : `${model.proposal}.`));
  lines.push(line('QUYẾT ĐỊNH:', { bold: true, before: 120, after: 120 }));
  return lines;
}

/** Columns of the annexed list; the title column only when the list mixes titles. */
function areaColumns(mixedTitles: boolean): Column[] {
  return [
    { header: 'STT', width: 8, align: 'center' },
    { header: 'Tên khu dân cư', width: 24 },
    { header: 'Xã, phường, thị trấn', width: 23 },
    ...(mixedTitles ? [{ header: 'Danh hiệu', width: 20 } satisfies Column] : []),
    { header: 'Hình thức công nhận', width: 22, align: 'center' },
    { header: 'Mức thưởng (đồng)', width: 15, align: 'right' },
  ];
}

function areaRow(area: RecognizedAreaRow, index: number, mixedTitles: boolean): string[] {
  return [
    String(area.order ?? index + 1),
    area.areaName,
    area.communeName ?? '',
    ...(mixedTitles ? [area.titleName ?? ''] : []),
    STATUS_LABELS[area.status],
    area.reward === null ? '–' : formatNumber(area.reward),
  ];
}

/** The annexed list with a total row: number of areas and sum of rewards. */
export function areaListTable(areas: RecognizedAreaRow[]): Table {
  const titles = new Set(areas.map((a) => a.titleName ?? ''));
  const mixed = titles.size > 1;
  const total = areas.reduce((s, a) => s + (a.reward ?? 0), 0);
  const totalRow = ['', `Tổng cộng: ${formatNumber(areas.length)} khu dân cư`, '', ...(mixed ? [''] : []), '', formatNumber(total)];
  return dataTable(
    areaColumns(mixed),
    areas.map((a, i) => areaRow(a, i, mixed)),
    { total: totalRow },
  );
}

function annex(model: RecognitionDecisionModel): (Paragraph | Table)[] {
  const total = model.areas.reduce((s, a) => s + (a.reward ?? 0), 0);
  return [
    ...annexHeading(
      'DANH SÁCH',
      [`Khu dân cư đạt danh hiệu "${model.titleName}" năm ${model.year}`],
      `Kèm theo Quyết định số ${model.number} ngày ${formatDate(model.date)} của ${issuerInText(model.issuer)}`,
    ),
    areaListTable(model.areas),
    line(`Tổng số tiền thưởng: ${formatMoney(total)}.`, { italics: true, size: 13, before: 120, align: AlignmentType.LEFT }),
  ];
}

export async function renderRecognitionDecision(model: RecognitionDecisionModel): Promise<Buffer> {
  const children = [
    documentHeader(model.issuer, model.number, model.date),
    ...documentTitle('Quyết định', model.title),
    ...preamble(model),
    ...model.articles.map(articleParagraph),
    closingBlock(model),
    ...(model.verification ? [line('', { size: 6, before: 240 }), await verificationBlock(model.verification, TEXT_WIDTH)] : []),
    ...(model.areas.length ? annex(model) : []),
  ];
  return toBuffer(buildDocument(`Quyết định ${model.number}`, [portraitSection(children)]));
}
