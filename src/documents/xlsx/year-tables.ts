/**
 * The year report's figures as a workbook, for people who recount or chart
 * them: the same numbers as the DOCX report (same model), one sheet each.
 */
import type ExcelJS from 'exceljs';
import type { YearReportModel } from '../model';
import { allRecognised, allRegistered, recognisedTotal } from '../text';
import { ALL_TITLES_SHEET, addTitlesSheet } from './all-titles';
import { FMT, addSheet, isoToDate, newWorkbook, toBuffer, type CellValue } from './sheet';

export const YEAR_SHEETS = ['Tổng hợp', 'Theo đơn vị', 'Tiêu chí chưa đạt', 'Phụ lục 1', 'Phụ lục 2', ALL_TITLES_SHEET] as const;

const ratio = (part: number, whole: number | null): number | null => (whole ? part / whole : null);

/** Rows of "Tổng hợp": label, value, unit. Ratios are fractions shown as percentages. */
function figureRows(model: YearReportModel): [string, number | null, string][] {
  const f = model.figures;
  const recognised = allRecognised(f);
  const rows: [string, number | null, string][] = [
    ['Tổng số khu dân cư', f.totalAreas, 'khu dân cư'],
    ['Tổng số lượt đăng ký', allRegistered(f), 'khu dân cư'],
  ];
  for (const t of f.titles) {
    rows.push(
      [`${t.titleName}: đăng ký`, t.registered, 'khu dân cư'],
      [`${t.titleName}: công nhận lần đầu`, t.firstTime, 'khu dân cư'],
      [`${t.titleName}: giữ vững`, t.held, 'khu dân cư'],
      [`${t.titleName}: công nhận lại`, t.again, 'khu dân cư'],
      [`${t.titleName}: tổng số công nhận`, recognisedTotal(t), 'khu dân cư'],
    );
  }
  const c = model.contributions;
  const rewards = model.rewards.reduce((s, r) => s + r.count * r.amountPerArea, 0);
  rows.push(
    ['Tổng số khu dân cư được công nhận', recognised, 'khu dân cư'],
    ['Tỷ lệ so với tổng số khu dân cư', ratio(recognised, f.totalAreas), '%'],
    [`Mục tiêu năm ${model.year}`, f.yearTarget, 'khu dân cư'],
    ['Tỷ lệ so với mục tiêu năm', ratio(recognised, f.yearTarget), '%'],
    [`Mục tiêu giai đoạn${f.periodLabel ? ` ${f.periodLabel}` : ''}`, f.periodTarget, 'khu dân cư'],
    ['Tỷ lệ so với mục tiêu giai đoạn', ratio(recognised, f.periodTarget), '%'],
    ['Kinh phí khen thưởng khu dân cư', rewards, 'đồng'],
    ['Kinh phí ngân sách', c.budget, 'đồng'],
    ['Nhân dân đóng góp, xã hội hóa', c.people, 'đồng'],
    ['Đất hiến', c.landM2, 'm²'],
    ['Ngày công đóng góp', c.workdays, 'ngày công'],
  );
  return rows;
}

function summarySheet(wb: ExcelJS.Workbook, model: YearReportModel): void {
  const rows = figureRows(model);
  const ws = addSheet(
    wb,
    'Tổng hợp',
    [
      { header: 'Chỉ tiêu', width: 52, wrap: true },
      { header: 'Số liệu', width: 18, numFmt: FMT.count },
      { header: 'Đơn vị tính', width: 14 },
    ],
    rows,
  );
  // Ratios need their own format; the column default is a count.
  rows.forEach(([, , unit], i) => {
    if (unit === '%') ws.getCell(i + 2, 2).numFmt = FMT.ratio;
  });
}

function communeSheet(wb: ExcelJS.Workbook, model: YearReportModel): void {
  const rec = (c: { firstTime: number; held: number; again: number }): number => c.firstTime + c.held + c.again;
  const rows: CellValue[][] = model.communes.map((c, i) => [
    i + 1,
    c.communeName,
    c.areas,
    c.registered,
    c.firstTime,
    c.held,
    c.again,
    rec(c),
    ratio(rec(c), c.areas),
  ]);
  const sum = (k: 'areas' | 'registered' | 'firstTime' | 'held' | 'again'): number => model.communes.reduce((s, c) => s + c[k], 0);
  const all = sum('firstTime') + sum('held') + sum('again');
  const count = { width: 12, numFmt: FMT.count };
  addSheet(
    wb,
    'Theo đơn vị',
    [
      { header: 'STT', width: 6 },
      { header: 'Xã, phường, thị trấn', width: 28 },
      { header: 'Số khu dân cư', ...count },
      { header: 'Đăng ký', ...count },
      { header: 'Công nhận lần đầu', ...count },
      { header: 'Giữ vững', ...count },
      { header: 'Công nhận lại', ...count },
      { header: 'Tổng công nhận', ...count },
      { header: 'Tỷ lệ', width: 10, numFmt: FMT.ratio },
    ],
    rows,
    [null, 'Tổng cộng', sum('areas'), sum('registered'), sum('firstTime'), sum('held'), sum('again'), all, ratio(all, sum('areas'))],
  );
}

function criteriaSheet(wb: ExcelJS.Workbook, model: YearReportModel): void {
  addSheet(
    wb,
    'Tiêu chí chưa đạt',
    [
      { header: 'STT', width: 6 },
      { header: 'Mã tiêu chí', width: 10 },
      { header: 'Tiêu chí', width: 50, wrap: true },
      { header: 'Số khu dân cư chưa đạt', width: 14, numFmt: FMT.count },
      { header: 'Các khu dân cư chưa đạt', width: 70, wrap: true },
    ],
    model.failedCriteria.map((c, i) => [i + 1, c.code, c.text, c.areas.length, c.areas.join('; ')]),
  );
}

function documentsSheet(wb: ExcelJS.Workbook, model: YearReportModel): void {
  addSheet(
    wb,
    'Phụ lục 1',
    [
      { header: 'STT', width: 6 },
      { header: 'Đơn vị phát hành', width: 18, wrap: true },
      { header: 'Loại văn bản', width: 14 },
      { header: 'Ký hiệu văn bản', width: 20 },
      { header: 'Ngày ban hành', width: 14, numFmt: FMT.date },
      { header: 'Trích yếu nội dung', width: 80, wrap: true },
    ],
    model.documents.map((d, i) => [i + 1, d.issuer, d.type, d.number, isoToDate(d.date), d.summary]),
  );
}

function fundingSheet(wb: ExcelJS.Workbook, model: YearReportModel): void {
  const budget = model.funding.reduce((s, r) => s + (r.budget ?? 0), 0);
  const mobilised = model.funding.reduce((s, r) => s + (r.mobilised ?? 0), 0);
  addSheet(
    wb,
    'Phụ lục 2',
    [
      { header: 'TT', width: 6 },
      { header: 'Cấp thực hiện', width: 18 },
      { header: 'Kinh phí ngân sách (đồng)', width: 20, numFmt: FMT.money },
      { header: 'Kinh phí vận động, xã hội hóa (đồng)', width: 22, numFmt: FMT.money },
      { header: 'Hiện vật, ngày công', width: 30, wrap: true },
      { header: 'Nội dung thực hiện', width: 60, wrap: true },
    ],
    model.funding.map((r, i) => [i + 1, r.level, r.budget, r.mobilised, r.inKind ?? null, r.content]),
    [null, 'Tổng cộng', budget, mobilised, null, null],
  );
}

export async function renderYearTables(model: YearReportModel): Promise<Buffer> {
  const wb = newWorkbook();
  wb.title = model.title;
  summarySheet(wb, model);
  communeSheet(wb, model);
  criteriaSheet(wb, model);
  documentsSheet(wb, model);
  fundingSheet(wb, model);
  addTitlesSheet(wb, model.relatedTitles ?? [], model.households ?? null);
  return toBuffer(wb);
}
