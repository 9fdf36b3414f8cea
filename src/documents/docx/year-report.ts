/**
 * Báo cáo kết quả năm, shaped like section II of Báo cáo 299-BC/HU (registration and
 * recognition by title and status, rewards, money and workdays) plus what the
 * database knows and the Thành ủy Lai Châu's 2024 report writes in footnotes (results by commune, the
 * criteria most often failed and by which areas), with Phụ lục 1 (documents
 * issued) and Phụ lục 2 (money mobilised).
 */
import type { Paragraph, Table } from 'docx';
import { STATUS_LABELS } from '../../core/cycle/status';
import { formatMoney, formatNumber } from '../../core/text/format';
import { formatDate } from '../../core/text/date';
import type { YearReportModel } from '../model';
import { householdSentence, titleSentence, titlesTable } from './all-titles';
import { issuerInText, allRecognised, allRegistered, count2, percentOrDash, recognisedTotal } from '../text';
import {
  annexHeading,
  body,
  buildDocument,
  closingBlock,
  dataTable,
  documentHeader,
  documentTitle,
  heading,
  portraitSection,
  gap,
  tableCaption,
  toBuffer,
} from './layout';

type Block = Paragraph | Table;

/** Numbers the tables in order ("Biểu 1.", "Biểu 2." …) so skipped sections leave no gaps. */
type Caption = (text: string) => Paragraph;

function captionCounter(): Caption {
  let n = 0;
  return (text) => tableCaption(`Biểu ${++n}. ${text}`);
}

/** Section I's numbered parts; empty parts are dropped and the rest renumbered. */
function resultSections(model: YearReportModel): Block[] {
  const caption = captionCounter();
  const parts: [string, Block[]][] = [
    ['Kết quả đăng ký, công nhận', recognitionSection(model, caption)],
    ['Kết quả theo đơn vị hành chính', communeSection(model, caption)],
    ['Các danh hiệu trên địa bàn', relatedSection(model, caption)],
    ['Các tiêu chí chưa đạt nhiều nhất', criteriaSection(model, caption)],
    ['Biểu dương, khen thưởng', rewardSection(model, caption)],
    ['Kinh phí, nguồn lực thực hiện', resourcesSection(model)],
  ];
  return parts.filter(([, blocks]) => blocks.length).flatMap(([title, blocks], i) => [heading(`${i + 1}. ${title}`), ...blocks]);
}

/** 1. Registration and recognition, in words then as Biểu 1. */
function recognitionSection(model: YearReportModel, caption: Caption): Block[] {
  const f = model.figures;
  const recognised = allRecognised(f);
  const perTitle = f.titles.map((t) => {
    const total = recognisedTotal(t);
    return body(
      `- ${t.titleName}: đăng ký ${formatNumber(t.registered)}, công nhận ${formatNumber(total)} khu dân cư (công nhận lần đầu ${count2(t.firstTime)}, giữ vững ${count2(t.held)}, công nhận lại ${count2(t.again)}).`,
    );
  });
  const targets: string[] = [];
  if (f.yearTarget) targets.push(`đạt ${percentOrDash(recognised, f.yearTarget)} so với mục tiêu năm ${model.year} (${formatNumber(f.yearTarget)} khu dân cư)`);
  if (f.periodTarget)
    targets.push(
      `đạt ${percentOrDash(recognised, f.periodTarget)} so với mục tiêu giai đoạn${f.periodLabel ? ` ${f.periodLabel}` : ''} (${formatNumber(f.periodTarget)} khu dân cư)`,
    );
  const rows = f.titles.map((t) => [
    t.titleName,
    formatNumber(t.registered),
    formatNumber(t.firstTime),
    formatNumber(t.held),
    formatNumber(t.again),
    formatNumber(recognisedTotal(t)),
    percentOrDash(recognisedTotal(t), t.registered),
  ]);
  const total = [
    'Tổng cộng',
    formatNumber(allRegistered(f)),
    ...(['firstTime', 'held', 'again'] as const).map((k) => formatNumber(f.titles.reduce((s, t) => s + t[k], 0))),
    formatNumber(recognised),
    percentOrDash(recognised, allRegistered(f)),
  ];
  return [
    body(`Toàn địa bàn có ${formatNumber(f.totalAreas)} khu dân cư; ${formatNumber(allRegistered(f))} lượt khu dân cư đăng ký xây dựng, trong đó:`),
    ...perTitle,
    body(
      `Tổng số khu dân cư được công nhận năm ${model.year}: ${formatNumber(recognised)}/${formatNumber(f.totalAreas)}, chiếm ${percentOrDash(recognised, f.totalAreas)} tổng số khu dân cư${targets.length ? `; ${targets.join('; ')}` : ''}.`,
    ),
    caption(`Kết quả đăng ký, công nhận năm ${model.year}`),
    dataTable(
      [
        { header: 'Danh hiệu', width: 28 },
        { header: 'Đăng ký', width: 11, align: 'right' },
        { header: 'Công nhận lần đầu', width: 13, align: 'right' },
        { header: 'Giữ vững', width: 11, align: 'right' },
        { header: 'Công nhận lại', width: 12, align: 'right' },
        { header: 'Tổng số công nhận', width: 13, align: 'right' },
        { header: 'Tỷ lệ so với đăng ký', width: 12, align: 'right' },
      ],
      rows,
      { total },
    ),
  ];
}

/** The titles the territory holds beside this programme's (khu dân cư văn hóa, an toàn về an ninh, trật tự, …) and the households. */
function relatedSection(model: YearReportModel, caption: Caption): Block[] {
  const titles = model.relatedTitles ?? [];
  if (!titles.length && !model.households) return [];
  return [
    ...titles.map((t) => body(`- ${titleSentence(t)}`)),
    ...(model.households ? [body(`- ${householdSentence(model.households)}`)] : []),
    caption(`Các danh hiệu năm ${model.year}`),
    titlesTable(titles, model.households ?? null),
  ];
}

/** 2. Biểu 2, one row per commune with a total. */
function communeSection(model: YearReportModel, caption: Caption): Block[] {
  if (!model.communes.length) return [];
  const sum = (k: 'areas' | 'registered' | 'firstTime' | 'held' | 'again'): number => model.communes.reduce((s, c) => s + c[k], 0);
  const rows = model.communes.map((c, i) => {
    const rec = c.firstTime + c.held + c.again;
    return [
      String(i + 1),
      c.communeName,
      formatNumber(c.areas),
      formatNumber(c.registered),
      formatNumber(c.firstTime),
      formatNumber(c.held),
      formatNumber(c.again),
      formatNumber(rec),
      percentOrDash(rec, c.areas),
    ];
  });
  const rec = sum('firstTime') + sum('held') + sum('again');
  const total = [
    '',
    'Tổng cộng',
    formatNumber(sum('areas')),
    formatNumber(sum('registered')),
    formatNumber(sum('firstTime')),
    formatNumber(sum('held')),
    formatNumber(sum('again')),
    formatNumber(rec),
    percentOrDash(rec, sum('areas')),
  ];
  return [
    caption('Kết quả công nhận theo xã, phường, thị trấn'),
    dataTable(
      [
        { header: 'STT', width: 8, align: 'center' },
        { header: 'Xã, phường, thị trấn', width: 22 },
        { header: 'Số khu dân cư', width: 10, align: 'right' },
        { header: 'Đăng ký', width: 10, align: 'right' },
        { header: 'Lần đầu', width: 10, align: 'right' },
        { header: 'Giữ vững', width: 10, align: 'right' },
        { header: 'Công nhận lại', width: 11, align: 'right' },
        { header: 'Tổng công nhận', width: 11, align: 'right' },
        { header: 'Tỷ lệ', width: 10, align: 'right' },
      ],
      rows,
      { total },
    ),
  ];
}

/** 3. The criteria most failed and which areas fail each (footnotes 44–49 of the 2024 report on Nghị quyết 02-NQ/ThU). */
function criteriaSection(model: YearReportModel, caption: Caption): Block[] {
  if (!model.failedCriteria.length) return [];
  return [
    caption('Tiêu chí chưa đạt và các khu dân cư chưa đạt'),
    dataTable(
      [
        { header: 'STT', width: 8, align: 'center' },
        { header: 'Tiêu chí', width: 36 },
        { header: 'Số khu dân cư chưa đạt', width: 12, align: 'right' },
        { header: 'Các khu dân cư chưa đạt', width: 46 },
      ],
      model.failedCriteria.map((c, i) => [String(i + 1), `${c.code}. ${c.text}`, formatNumber(c.areas.length), c.areas.join('; ')]),
    ),
  ];
}

/** 4. Rewards due: count × amount per title and status, and gifts/commendations. */
function rewardSection(model: YearReportModel, caption: Caption): Block[] {
  const c = model.contributions;
  const total = model.rewards.reduce((s, r) => s + r.count * r.amountPerArea, 0);
  const blocks: Block[] = [];
  if (model.rewards.length) {
    blocks.push(
      caption('Kinh phí khen thưởng khu dân cư được công nhận'),
      dataTable(
        [
          { header: 'Danh hiệu', width: 28 },
          { header: 'Hình thức công nhận', width: 20 },
          { header: 'Số khu dân cư', width: 12, align: 'right' },
          { header: 'Mức thưởng (đồng/khu dân cư)', width: 20, align: 'right' },
          { header: 'Thành tiền (đồng)', width: 20, align: 'right' },
        ],
        model.rewards.map((r) => [
          r.titleName,
          STATUS_LABELS[r.status],
          formatNumber(r.count),
          formatNumber(r.amountPerArea),
          formatNumber(r.count * r.amountPerArea),
        ]),
        { total: ['Tổng cộng', '', formatNumber(model.rewards.reduce((s, r) => s + r.count, 0)), '', formatNumber(total)] },
      ),
      gap(),
    );
  }
  const extras: string[] = [];
  if (c.commendations) extras.push(`khen thưởng ${formatNumber(c.commendations)} tập thể, cá nhân`);
  if (c.gifts) extras.push(`tặng ${formatNumber(c.gifts.count)} phần quà trị giá ${formatMoney(c.gifts.value)}`);
  blocks.push(body(`Tổng kinh phí khen thưởng khu dân cư: ${formatMoney(total)}${extras.length ? `; ngoài ra ${extras.join(', ')}` : ''}.`));
  return blocks;
}

/** 5. Money, land and workdays (Báo cáo 299-BC/HU, section II.5). */
function resourcesSection(model: YearReportModel): Block[] {
  const c = model.contributions;
  return [
    body(`- Kinh phí từ ngân sách nhà nước: ${formatMoney(c.budget)}.`),
    body(
      `- Nhân dân đóng góp và các nguồn xã hội hóa: ${formatMoney(c.people)}; hiến ${formatNumber(c.landM2)} m² đất; đóng góp ${formatNumber(c.workdays)} ngày công (chi tiết tại Phụ lục 2).`,
    ),
  ];
}

function narrative(model: YearReportModel): Block[] {
  return model.narrative.flatMap((s) => [heading(s.heading), ...s.paragraphs.map((p) => body(p))]);
}

function attachedTo(model: YearReportModel): string {
  return `Kèm theo Báo cáo số ${model.number} ngày ${formatDate(model.date)} của ${issuerInText(model.issuer)}`;
}

function documentsAnnex(model: YearReportModel): Block[] {
  return [
    ...annexHeading('Phụ lục 1', ['Hệ thống văn bản lãnh đạo, chỉ đạo, hướng dẫn thực hiện', lowerFirst(model.programName)], attachedTo(model)),
    dataTable(
      [
        { header: 'STT', width: 8, align: 'center' },
        { header: 'Đơn vị phát hành', width: 14 },
        { header: 'Loại văn bản', width: 13 },
        { header: 'Ký hiệu văn bản', width: 17 },
        { header: 'Ngày ban hành', width: 14, align: 'center' },
        { header: 'Trích yếu nội dung', width: 34 },
      ],
      model.documents.map((d, i) => [String(i + 1), d.issuer, d.type, d.number ?? '', d.date ? formatDate(d.date) : '', d.summary]),
      { size: 11 },
    ),
  ];
}

function fundingAnnex(model: YearReportModel): Block[] {
  const budget = model.funding.reduce((s, r) => s + (r.budget ?? 0), 0);
  const mobilised = model.funding.reduce((s, r) => s + (r.mobilised ?? 0), 0);
  const money = (v: number | null): string => (v === null ? '' : formatNumber(v));
  return [
    ...annexHeading('Phụ lục 2', ['Kinh phí hỗ trợ, vận động xây dựng, biểu dương, khen thưởng', lowerFirst(model.programName)], attachedTo(model)),
    dataTable(
      [
        { header: 'TT', width: 7, align: 'center' },
        { header: 'Cấp thực hiện', width: 16 },
        { header: 'Kinh phí ngân sách (đồng)', width: 18, align: 'right' },
        { header: 'Kinh phí vận động, xã hội hóa, nhân dân đóng góp (đồng)', width: 22, align: 'right' },
        { header: 'Nội dung thực hiện', width: 38 },
      ],
      model.funding.map((r, i) => [String(i + 1), r.level, money(r.budget), [money(r.mobilised), r.inKind ?? ''].filter(Boolean).join('\n'), r.content]),
      { total: ['', 'Tổng cộng', formatNumber(budget), formatNumber(mobilised), ''], size: 12 },
    ),
  ];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

export async function renderYearReport(model: YearReportModel): Promise<Buffer> {
  const children: Block[] = [
    documentHeader(model.issuer, model.number, model.date),
    ...documentTitle('Báo cáo', model.title),
    ...model.intro.map((p) => body(p)),
    heading(`I. KẾT QUẢ THỰC HIỆN NĂM ${model.year}`),
    ...resultSections(model),
    ...(model.note ? [body(model.note, { italics: true, size: 12 })] : []),
    ...narrative(model),
    body(`Trên đây là báo cáo ${lowerFirst(model.title)}./.`),
    closingBlock(model),
    ...(model.documents.length ? documentsAnnex(model) : []),
    ...(model.funding.length ? fundingAnnex(model) : []),
  ];
  return toBuffer(buildDocument(`Báo cáo ${model.number}`, [portraitSection(children)]));
}
