/**
 * Thông báo kết luận cuộc họp Hội đồng xét đề nghị công nhận (Báo cáo 299-BC/HU:
 * Thông báo 103/TB-MTTQ-BTT, 139/TB-MTTQ-BTT). Says who met, and which areas
 * the council recommends or does not, with the reason.
 */
import type { Paragraph, Table } from 'docx';
import { STATUS_LABELS } from '../../core/cycle/status';
import { commentCountText } from '../../core/notice/notice';
import { formatDate } from '../../core/text/date';
import type { CouncilAreaVerdict, CouncilConclusionModel } from '../model';
import { count2 } from '../text';
import { body, buildDocument, gap, closingBlock, dataTable, documentHeader, documentTitle, heading, portraitSection, toBuffer, type Column } from './layout';

function opening(model: CouncilConclusionModel): Paragraph[] {
  const when = `${model.meeting.time ? `Vào hồi ${model.meeting.time}, ngày` : 'Ngày'} ${formatDate(model.meeting.date)}`;
  const paragraphs = [
    body(
      `${when}, tại ${model.meeting.place}, ${model.councilName} họp xét đề nghị công nhận danh hiệu "${model.titleName}" năm ${model.year}. ${model.chair.position} ${model.chair.name} chủ trì cuộc họp.`,
    ),
  ];
  if (model.attendees.length) {
    paragraphs.push(body('Tham dự cuộc họp có:'));
    paragraphs.push(...model.attendees.map((a) => body(`- ${a}`)));
  }
  if (model.comments)
    paragraphs.push(
      body(
        `Trong thời gian niêm yết công khai lấy ý kiến Nhân dân, các khu dân cư được đề nghị nhận ${commentCountText(model.comments)}; các ý kiến đã được ban thẩm định, Hội đồng xem xét, trả lời.`,
      ),
    );
  paragraphs.push(
    body('Sau khi nghe báo cáo kết quả thẩm định của các xã, phường, thị trấn và ý kiến thảo luận của các thành viên, Hội đồng thống nhất kết luận như sau:'),
  );
  return paragraphs;
}

const COLUMNS: Column[] = [
  { header: 'STT', width: 8, align: 'center' },
  { header: 'Tên khu dân cư', width: 22 },
  { header: 'Xã, phường, thị trấn', width: 21 },
  { header: 'Kết quả thẩm định', width: 20, align: 'center' },
  { header: 'Ý kiến của Hội đồng', width: 29 },
];

function verdictRow(v: CouncilAreaVerdict, index: number): string[] {
  const opinion = v.recommended
    ? `Đề nghị ${v.proposedStatus ? STATUS_LABELS[v.proposedStatus].toLocaleLowerCase('vi') : 'công nhận'}${v.reason ? `. ${v.reason}` : ''}`
    : `Không đề nghị công nhận${v.reason ? `: ${v.reason}` : ''}`;
  const comments = v.comments?.total ? ` (Nhân dân góp ${commentCountText(v.comments)})` : '';
  return [String(v.order ?? index + 1), v.areaName, v.communeName ?? '', v.assessment ?? '', `${opinion}${comments}`];
}

/** Section "1. Đề nghị công nhận" / "2. Chưa đề nghị công nhận", each with its table. */
function verdictSection(label: string, verdicts: CouncilAreaVerdict[]): (Paragraph | Table)[] {
  if (!verdicts.length) return [heading(`${label}: không có.`)];
  return [heading(`${label}: ${count2(verdicts.length)} khu dân cư.`), dataTable(COLUMNS, verdicts.map(verdictRow)), gap()];
}

export async function renderCouncilConclusion(model: CouncilConclusionModel): Promise<Buffer> {
  const yes = model.areas.filter((a) => a.recommended);
  const no = model.areas.filter((a) => !a.recommended);
  const extra = model.conclusions.length ? [heading('3. Các nội dung khác'), ...model.conclusions.map((c) => body(c))] : [];
  const children = [
    documentHeader(model.issuer, model.number, model.date),
    ...documentTitle('Thông báo', model.title),
    ...opening(model),
    ...verdictSection(`1. Đề nghị công nhận danh hiệu "${model.titleName}"`, yes),
    ...verdictSection('2. Chưa đề nghị công nhận', no),
    ...extra,
    body(`Trên đây là kết luận cuộc họp của ${model.councilName} năm ${model.year}./.`),
    closingBlock(model),
  ];
  return toBuffer(buildDocument(`Thông báo ${model.number}`, [portraitSection(children)]));
}
