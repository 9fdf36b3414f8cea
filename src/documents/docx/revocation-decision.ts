/**
 * Quyết định thu hồi danh hiệu: an amending decision. It names the decisions
 * that gave the titles, the reason, and lists the areas whose title is
 * withdrawn; the titles stop counting from the day it is issued.
 */
import type { Paragraph, Table } from 'docx';
import { formatDate } from '../../core/text/date';
import type { RevocationDecisionModel } from '../model';
import { count2, issuerInText } from '../text';
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
} from './layout';
import { verificationBlock } from './verification';

const withSemicolon = (text: string) => (/[;.]$/.test(text) ? text : `${text};`);

/** Điều 1–3 of a revocation. */
export function revocationArticles(model: Pick<RevocationDecisionModel, 'titleName' | 'year' | 'areas' | 'amends' | 'reason'>): string[] {
  return [
    `Thu hồi danh hiệu "${model.titleName}" năm ${model.year} của ${count2(model.areas.length)} khu dân cư (có danh sách kèm theo). Lý do: ${model.reason.replace(/\.$/, '')}.`,
    `Quyết định này sửa đổi ${model.amends.join('; ')} đối với các khu dân cư có tên tại Điều 1.`,
    'Quyết định có hiệu lực kể từ ngày ký. Thủ trưởng các cơ quan, đơn vị có liên quan và các khu dân cư có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
  ];
}

export async function renderRevocationDecision(model: RevocationDecisionModel): Promise<Buffer> {
  const articles = revocationArticles(model).map((text, i) => body([run(`Điều ${i + 1}. `, { bold: true }), run(text)]));
  const annex: (Paragraph | Table)[] = [
    ...annexHeading(
      'DANH SÁCH',
      [`Khu dân cư bị thu hồi danh hiệu "${model.titleName}" năm ${model.year}`],
      `Kèm theo Quyết định số ${model.number} ngày ${formatDate(model.date)} của ${issuerInText(model.issuer)}`,
    ),
    dataTable(
      [
        { header: 'STT', width: 8, align: 'center' },
        { header: 'Tên khu dân cư', width: 26 },
        { header: 'Xã, phường, thị trấn', width: 24 },
        { header: 'Đã công nhận tại', width: 42 },
      ],
      model.areas.map((a, i) => [String(i + 1), a.areaName, a.communeName ?? '', a.grantedBy]),
    ),
  ];
  const children = [
    documentHeader(model.issuer, model.number, model.date),
    ...documentTitle('Quyết định', model.title),
    line(model.deciderTitle.toLocaleUpperCase('vi'), { bold: true, after: 120 }),
    ...model.legalBases.map((b) => legalBasis(withSemicolon(b.startsWith('Căn cứ') ? b : `Căn cứ ${b}`))),
    line('QUYẾT ĐỊNH:', { bold: true, before: 120, after: 120 }),
    ...articles,
    closingBlock(model),
    ...(model.verification ? [line('', { size: 6, before: 240 }), await verificationBlock(model.verification, TEXT_WIDTH)] : []),
    ...annex,
  ];
  return toBuffer(buildDocument(`Quyết định ${model.number}`, [portraitSection(children)]));
}
