/** The every-title summary as a workbook: the same figures as the DOCX (same model), one row per title. */
import type ExcelJS from 'exceljs';
import type { AllTitlesModel, HouseholdShare, TitleShare } from '../model';
import { FMT, addSheet, newWorkbook, toBuffer, type CellValue } from './sheet';

export const ALL_TITLES_SHEET = 'Các danh hiệu';

/** One row per title and one for the households; also the yearly tables' sheet of the same name. */
export function addTitlesSheet(wb: ExcelJS.Workbook, titles: TitleShare[], households: HouseholdShare | null): void {
  const rows: CellValue[][] = titles.map((t, i) => [
    i + 1,
    t.titleName,
    t.programName,
    t.subjectName,
    t.held,
    t.total,
    t.total ? t.held / t.total : null,
    t.firstTime,
    t.heldOver,
    t.again,
  ]);
  if (households)
    rows.push([
      rows.length + 1,
      'Gia đình văn hóa',
      'Số liệu của các khu dân cư',
      'hộ gia đình',
      households.cultured,
      households.total,
      households.total ? households.cultured / households.total : null,
      null,
      null,
      null,
    ]);
  const count = { width: 11, numFmt: FMT.count };
  addSheet(
    wb,
    ALL_TITLES_SHEET,
    [
      { header: 'STT', width: 6 },
      { header: 'Danh hiệu', width: 34, wrap: true },
      { header: 'Phong trào', width: 34, wrap: true },
      { header: 'Đối tượng', width: 22 },
      { header: 'Số đạt', ...count },
      { header: 'Tổng số', ...count },
      { header: 'Tỷ lệ', width: 10, numFmt: FMT.ratio },
      { header: 'Lần đầu', ...count },
      { header: 'Giữ vững', ...count },
      { header: 'Công nhận lại', ...count },
    ],
    rows,
  );
}

export async function renderAllTitlesSheet(model: AllTitlesModel): Promise<Buffer> {
  const wb = newWorkbook();
  wb.title = model.title;
  addTitlesSheet(wb, model.titles, model.households);
  return toBuffer(wb);
}
