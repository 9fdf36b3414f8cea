/**
 * Báo cáo kết quả các danh hiệu: every title held on a territory in a year,
 * side by side, as a city's yearly review summarises them ("72/72 bản, tổ dân
 * phố đạt tiêu chuẩn văn hóa, đạt 100%"; "12.460/12.937 hộ gia đình đạt tiêu
 * chuẩn gia đình văn hóa, đạt 96,3%"). The sentences and the table are the
 * same figures; both come from the model.
 */
import type { Paragraph, Table } from 'docx';
import { formatNumber } from '../../core/text/format';
import type { AllTitlesModel, HouseholdShare, TitleShare } from '../model';
import { percentOrDash } from '../text';
import { body, buildDocument, closingBlock, dataTable, documentHeader, documentTitle, heading, portraitSection, tableCaption, toBuffer } from './layout';

/** "72/72 thôn, tổ dân phố, bản đạt danh hiệu “Khu dân cư văn hóa”, đạt 100%." */
export function titleSentence(t: TitleShare): string {
  return `${formatNumber(t.held)}/${formatNumber(t.total)} ${t.subjectName} đạt danh hiệu “${t.titleName}”, đạt ${percentOrDash(t.held, t.total)}.`;
}

export function householdSentence(h: HouseholdShare): string {
  return `${formatNumber(h.cultured)}/${formatNumber(h.total)} hộ gia đình đạt danh hiệu “Gia đình văn hóa”, đạt ${percentOrDash(h.cultured, h.total)}.`;
}

/** The table of every title, with the households as the last row. */
export function titlesTable(titles: TitleShare[], households: HouseholdShare | null): Table {
  const rows = titles.map((t, i) => [
    String(i + 1),
    t.titleName,
    t.programName,
    formatNumber(t.held),
    formatNumber(t.total),
    percentOrDash(t.held, t.total),
    formatNumber(t.firstTime),
    formatNumber(t.heldOver),
    formatNumber(t.again),
  ]);
  if (households)
    rows.push([
      String(rows.length + 1),
      'Gia đình văn hóa (hộ)',
      'Số liệu của các khu dân cư',
      formatNumber(households.cultured),
      formatNumber(households.total),
      percentOrDash(households.cultured, households.total),
      '',
      '',
      '',
    ]);
  return dataTable(
    [
      { header: 'STT', width: 6, align: 'center' },
      { header: 'Danh hiệu', width: 22 },
      { header: 'Phong trào', width: 22 },
      { header: 'Số đạt', width: 9, align: 'right' },
      { header: 'Tổng số', width: 9, align: 'right' },
      { header: 'Tỷ lệ', width: 9, align: 'right' },
      { header: 'Lần đầu', width: 8, align: 'right' },
      { header: 'Giữ vững', width: 8, align: 'right' },
      { header: 'Công nhận lại', width: 9, align: 'right' },
    ],
    rows,
    { size: 11 },
  );
}

export async function renderAllTitles(model: AllTitlesModel): Promise<Buffer> {
  const lines: (Paragraph | Table)[] = [
    documentHeader(model.issuer, model.number, model.date),
    ...documentTitle('Báo cáo', model.title),
    heading(`I. KẾT QUẢ CÁC DANH HIỆU NĂM ${model.year}`),
    body(`Số liệu tổng hợp tự động từ các quyết định công nhận và hồ sơ lưu trong hệ thống KDC, trên địa bàn ${model.unitName}:`),
    ...model.titles.map((t) => body(`- ${titleSentence(t)}`)),
    ...(model.households ? [body(`- ${householdSentence(model.households)}`)] : []),
    tableCaption(`Biểu 1. Các danh hiệu năm ${model.year}`),
    titlesTable(model.titles, model.households),
    closingBlock(model),
  ];
  return toBuffer(buildDocument(model.title, [portraitSection(lines)]));
}
