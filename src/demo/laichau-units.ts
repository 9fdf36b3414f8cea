/**
 * Thành phố Lai Châu as the seeds describe it (seed 003's 2020 baseline, seed
 * 004's recognised areas): 7 wards and communes, 70 tổ dân phố and bản, 72
 * after TDP 22 and 23 of Đông Phong were split in 2022 (Nghị quyết
 * 28/NQ-HĐND, 20/7/2022). Names the seeds give are real; the others are by
 * number. Household counts are illustrative.
 */
export interface DemoArea { key: string; name: string; kind: 'to-dan-pho' | 'ban' | 'thon'; validFrom?: string }
export interface DemoCommune { key: string; name: string; kind: 'phuong' | 'xa'; areas: DemoArea[] }

const tdp = (n: number, validFrom?: string): DemoArea => ({ key: `TDP${String(n).padStart(2, '0')}`, name: `Tổ dân phố số ${n}`, kind: 'to-dan-pho', validFrom });
const ban = (key: string, name: string): DemoArea => ({ key, name: `Bản ${name}`, kind: 'ban' });
const numberedBans = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ban(`BAN${String(from + i).padStart(2, '0')}`, `số ${from + i}`));

export const SPLIT_2022 = { date: '2022-07-20', legalBasis: 'Nghị quyết số 28/NQ-HĐND ngày 20/7/2022', mapping: [['TDP22', ['TDP22', 'TDP27']], ['TDP23', ['TDP23', 'TDP28']]] as const };

export const LAICHAU_COMMUNES: DemoCommune[] = [
  { key: 'TANPHONG', name: 'Phường Tân Phong', kind: 'phuong', areas: [3, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20].map((n) => tdp(n)) },
  { key: 'QUYETTHANG', name: 'Phường Quyết Thắng', kind: 'phuong', areas: [tdp(6), tdp(7), tdp(8), tdp(9), ban('NAMLOONG3', 'Nậm Loỏng 3'), ban('SAOLANTHAN', 'Sáo Làn Than')] },
  { key: 'DOANKET', name: 'Phường Đoàn Kết', kind: 'phuong', areas: Array.from({ length: 13 }, (_, i) => tdp(i + 1)) },
  { key: 'DONGPHONG', name: 'Phường Đông Phong', kind: 'phuong', areas: [tdp(22), tdp(23), tdp(24), tdp(25), tdp(26), ban('TAXINCHAI', 'Tả Xin Chải'), tdp(27, SPLIT_2022.date), tdp(28, SPLIT_2022.date)] },
  { key: 'QUYETTIEN', name: 'Phường Quyết Tiến', kind: 'phuong', areas: Array.from({ length: 8 }, (_, i) => tdp(i + 1)) },
  { key: 'SANTHANG', name: 'Xã San Thàng', kind: 'xa', areas: [ban('XEOXINCHAI', 'Xéo Xin Chải'), ban('THANHCONG', 'Thành Công'), ban('MOI', 'Mới'), ban('LOSUOITUNG', 'Lò Suối Tùng'), ban('SANTHANG', 'San Thàng'), ...numberedBans(6, 9)] },
  { key: 'SUNGPHAI', name: 'Xã Sùng Phài', kind: 'xa', areas: [ban('SUNGCHO', 'Sùng Chồ'), ban('GIAKHAU1', 'Gia Khâu 1'), ban('SUNGPHAI', 'Sùng Phài'), ...numberedBans(4, 13)] },
];

/** Newly recognised areas per year (seed 004, footnote 6): [commune key, area key]. Every earlier one is held. */
export const NEW_RECOGNITIONS: Record<number, Array<[string, string]>> = {
  2021: [['TANPHONG', 'TDP05'], ['TANPHONG', 'TDP16'], ['QUYETTHANG', 'TDP09'], ['DOANKET', 'TDP01'], ['DOANKET', 'TDP02'], ['DONGPHONG', 'TDP25'], ['SANTHANG', 'XEOXINCHAI'], ['SUNGPHAI', 'SUNGCHO']],
  2022: [['TANPHONG', 'TDP08'], ['TANPHONG', 'TDP09'], ['DOANKET', 'TDP05'], ['QUYETTIEN', 'TDP03'], ['QUYETTIEN', 'TDP06'], ['QUYETTIEN', 'TDP07'], ['QUYETTIEN', 'TDP08'], ['QUYETTHANG', 'NAMLOONG3'], ['DONGPHONG', 'TDP22']],
  2023: [['TANPHONG', 'TDP15'], ['TANPHONG', 'TDP19'], ['DOANKET', 'TDP06'], ['DOANKET', 'TDP09'], ['DONGPHONG', 'TDP23'], ['DONGPHONG', 'TDP26'], ['DONGPHONG', 'TDP27'], ['DONGPHONG', 'TDP28'], ['QUYETTHANG', 'SAOLANTHAN'], ['SUNGPHAI', 'GIAKHAU1'], ['SUNGPHAI', 'SUNGPHAI']],
  2024: [['TANPHONG', 'TDP10'], ['DOANKET', 'TDP12'], ['DONGPHONG', 'TAXINCHAI'], ['QUYETTIEN', 'TDP05'], ['SANTHANG', 'THANHCONG'], ['SANTHANG', 'MOI'], ['SANTHANG', 'LOSUOITUNG']],
};

/** Areas that registered but failed the board's appraisal (standard 2), so registered > recognised. Illustrative. */
export const NOT_RECOGNIZED: Record<number, Array<[string, string]>> = {
  2021: [['TANPHONG', 'TDP08'], ['DOANKET', 'TDP05'], ['QUYETTIEN', 'TDP03']],
  2022: [['TANPHONG', 'TDP15'], ['DONGPHONG', 'TDP23']],
  2023: [['TANPHONG', 'TDP10'], ['DOANKET', 'TDP12'], ['SANTHANG', 'THANHCONG']],
  2024: [['TANPHONG', 'TDP11'], ['TANPHONG', 'TDP12'], ['DOANKET', 'TDP03'], ['DOANKET', 'TDP04'], ['QUYETTIEN', 'TDP01']],
};

export const unitCode = (commune: string, area?: string) => (area ? `LC-TP-${commune}-${area}` : `LC-TP-${commune}`);
