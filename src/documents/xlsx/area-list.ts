/** A plain list of recognised areas with title, status and reward (for checking and mail merge). */
import { STATUS_LABELS } from '../../core/cycle/status';
import type { AreaListRow } from '../model';
import { FMT, addSheet, newWorkbook, toBuffer } from './sheet';

export const AREA_LIST_SHEET = 'Danh sách khu dân cư';

export async function renderAreaList(rows: AreaListRow[]): Promise<Buffer> {
  const wb = newWorkbook();
  addSheet(
    wb,
    AREA_LIST_SHEET,
    [
      { header: 'STT', width: 6 },
      { header: 'Khu dân cư', width: 30 },
      { header: 'Xã, phường, thị trấn', width: 24 },
      { header: 'Danh hiệu', width: 40, wrap: true },
      { header: 'Hình thức công nhận', width: 20 },
      { header: 'Mức thưởng (đồng)', width: 16, numFmt: FMT.money },
    ],
    rows.map((r, i) => [r.order ?? i + 1, r.areaName, r.communeName, r.titleName ?? null, STATUS_LABELS[r.status], r.reward]),
  );
  return toBuffer(wb);
}
