/**
 * Thành phố Lai Châu as its documents describe it (the 2020 baseline of Công
 * văn 2536/UBND-NV, the recognised areas of the Thành ủy's 2024 report on
 * Nghị quyết 02-NQ/ThU): 7 wards and communes, 70 tổ dân phố and bản, 72
 * after TDP 22 and 23 of Đông Phong were split in 2022 (Nghị quyết
 * 28/NQ-HĐND, 20/7/2022). Names those documents give are real; the others are by
 * number. Household counts are illustrative.
 */
export interface DemoArea {
  key: string;
  name: string;
  kind: 'to-dan-pho' | 'ban' | 'thon';
  validFrom?: string;
}
export interface DemoCommune {
  key: string;
  name: string;
  kind: 'phuong' | 'xa';
  areas: DemoArea[];
}

const tdp = (n: number, validFrom?: string): DemoArea => ({
  key: `TDP${String(n).padStart(2, '0')}`,
  name: `Tổ dân phố số ${n}`,
  kind: 'to-dan-pho',
  validFrom,
});
const ban = (key: string, name: string): DemoArea => ({ key, name: `Bản ${name}`, kind: 'ban' });
const numberedBans = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ban(`BAN${String(from + i).padStart(2, '0')}`, `số ${from + i}`));

export const SPLIT_2022 = {
  date: '2022-07-20',
  legalBasis: 'Nghị quyết số 28/NQ-HĐND ngày 20/7/2022',
  mapping: [
    ['TDP22', ['TDP22', 'TDP27']],
    ['TDP23', ['TDP23', 'TDP28']],
  ] as const,
};

export const LAICHAU_COMMUNES: DemoCommune[] = [
  { key: 'TANPHONG', name: 'Phường Tân Phong', kind: 'phuong', areas: [3, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20].map((n) => tdp(n)) },
  {
    key: 'QUYETTHANG',
    name: 'Phường Quyết Thắng',
    kind: 'phuong',
    areas: [tdp(6), tdp(7), tdp(8), tdp(9), ban('NAMLOONG3', 'Nậm Loỏng 3'), ban('SAOLANTHAN', 'Sáo Làn Than')],
  },
  { key: 'DOANKET', name: 'Phường Đoàn Kết', kind: 'phuong', areas: Array.from({ length: 13 }, (_, i) => tdp(i + 1)) },
  {
    key: 'DONGPHONG',
    name: 'Phường Đông Phong',
    kind: 'phuong',
    areas: [tdp(22), tdp(23), tdp(24), tdp(25), tdp(26), ban('TAXINCHAI', 'Tả Xin Chải'), tdp(27, SPLIT_2022.date), tdp(28, SPLIT_2022.date)],
  },
  { key: 'QUYETTIEN', name: 'Phường Quyết Tiến', kind: 'phuong', areas: Array.from({ length: 8 }, (_, i) => tdp(i + 1)) },
  {
    key: 'SANTHANG',
    name: 'Xã San Thàng',
    kind: 'xa',
    areas: [
      ban('XEOXINCHAI', 'Xéo Xin Chải'),
      ban('THANHCONG', 'Thành Công'),
      ban('MOI', 'Mới'),
      ban('LOSUOITUNG', 'Lò Suối Tùng'),
      ban('SANTHANG', 'San Thàng'),
      ...numberedBans(6, 9),
    ],
  },
  {
    key: 'SUNGPHAI',
    name: 'Xã Sùng Phài',
    kind: 'xa',
    areas: [ban('SUNGCHO', 'Sùng Chồ'), ban('GIAKHAU1', 'Gia Khâu 1'), ban('SUNGPHAI', 'Sùng Phài'), ...numberedBans(4, 13)],
  },
];

/** Newly recognised areas per year (the 2024 report on Nghị quyết 02-NQ/ThU, footnote 6): [commune key, area key]. Every earlier one is held. */
export const NEW_RECOGNITIONS: Record<number, Array<[string, string]>> = {
  2021: [
    ['TANPHONG', 'TDP05'],
    ['TANPHONG', 'TDP16'],
    ['QUYETTHANG', 'TDP09'],
    ['DOANKET', 'TDP01'],
    ['DOANKET', 'TDP02'],
    ['DONGPHONG', 'TDP25'],
    ['SANTHANG', 'XEOXINCHAI'],
    ['SUNGPHAI', 'SUNGCHO'],
  ],
  2022: [
    ['TANPHONG', 'TDP08'],
    ['TANPHONG', 'TDP09'],
    ['DOANKET', 'TDP05'],
    ['QUYETTIEN', 'TDP03'],
    ['QUYETTIEN', 'TDP06'],
    ['QUYETTIEN', 'TDP07'],
    ['QUYETTIEN', 'TDP08'],
    ['QUYETTHANG', 'NAMLOONG3'],
    ['DONGPHONG', 'TDP22'],
  ],
  2023: [
    ['TANPHONG', 'TDP15'],
    ['TANPHONG', 'TDP19'],
    ['DOANKET', 'TDP06'],
    ['DOANKET', 'TDP09'],
    ['DONGPHONG', 'TDP23'],
    ['DONGPHONG', 'TDP26'],
    ['DONGPHONG', 'TDP27'],
    ['DONGPHONG', 'TDP28'],
    ['QUYETTHANG', 'SAOLANTHAN'],
    ['SUNGPHAI', 'GIAKHAU1'],
    ['SUNGPHAI', 'SUNGPHAI'],
  ],
  2024: [
    ['TANPHONG', 'TDP10'],
    ['DOANKET', 'TDP12'],
    ['DONGPHONG', 'TAXINCHAI'],
    ['QUYETTIEN', 'TDP05'],
    ['SANTHANG', 'THANHCONG'],
    ['SANTHANG', 'MOI'],
    ['SANTHANG', 'LOSUOITUNG'],
  ],
};

/** Areas that registered but failed the board's appraisal (standard 2), so registered > recognised. Illustrative. */
export const NOT_RECOGNIZED: Record<number, Array<[string, string]>> = {
  2021: [
    ['TANPHONG', 'TDP08'],
    ['DOANKET', 'TDP05'],
    ['QUYETTIEN', 'TDP03'],
  ],
  2022: [
    ['TANPHONG', 'TDP15'],
    ['DONGPHONG', 'TDP23'],
  ],
  2023: [
    ['TANPHONG', 'TDP10'],
    ['DOANKET', 'TDP12'],
    ['SANTHANG', 'THANHCONG'],
  ],
  2024: [
    ['TANPHONG', 'TDP11'],
    ['TANPHONG', 'TDP12'],
    ['DOANKET', 'TDP03'],
    ['DOANKET', 'TDP04'],
    ['QUYETTIEN', 'TDP01'],
  ],
};

export const unitCode = (commune: string, area?: string) => (area ? `LC-TP-${commune}-${area}` : `LC-TP-${commune}`);

/**
 * Streets recorded as units of kind "tuyen-pho" under the five wards: 131 in all, as the city's
 * 2024 review counts them ("113/131 tuyến đường đạt tiêu chuẩn tuyến đường phố văn minh đô thị").
 * Which street lies in which ward, and their names, are illustrative (numbered).
 */
export const STREETS: Record<string, { count: number; vanMinh2023: number; vanMinh2024: number }> = {
  TANPHONG: { count: 35, vanMinh2023: 29, vanMinh2024: 31 },
  QUYETTHANG: { count: 20, vanMinh2023: 16, vanMinh2024: 17 },
  DOANKET: { count: 34, vanMinh2023: 27, vanMinh2024: 29 },
  DONGPHONG: { count: 22, vanMinh2023: 17, vanMinh2024: 19 },
  QUYETTIEN: { count: 20, vanMinh2023: 16, vanMinh2024: 17 },
};

/**
 * Households of the city's areas at the end of 2024 and those holding "Gia đình văn hóa", as the
 * city's review gives them: 12.460/12.937 (96,3%). How they divide among the areas is illustrative.
 */
export const HOUSEHOLDS_2024 = { total: 12_937, cultured: 12_460 };

/** Areas that did not hold "khu dân cư văn hóa" (the city reports 69/70 in 2021, 71/72 in 2022). Illustrative choice. */
export const NOT_VAN_HOA: Record<number, Array<[string, string]>> = {
  2021: [['SUNGPHAI', 'BAN13']],
  2022: [['SUNGPHAI', 'BAN12']],
  2023: [],
  2024: [],
};

/**
 * Areas not "an toàn về an ninh, trật tự" (TT 124/2021/TT-BCA): the city reports about 90% of its
 * areas holding the title at the end of 2024; 2023 and 2025 figures and the areas are illustrative.
 * In 2025 four of Sùng Phài's 13 bản fail, so the commune's share (9/13 = 69,2%) misses the 70% bar.
 */
export const NOT_ANTT: Record<number, Array<[string, string]>> = {
  2023: [
    ['SUNGPHAI', 'BAN04'],
    ['SUNGPHAI', 'BAN05'],
    ['SUNGPHAI', 'BAN06'],
    ['SANTHANG', 'BAN06'],
    ['SANTHANG', 'BAN07'],
    ['DOANKET', 'TDP03'],
    ['DOANKET', 'TDP04'],
    ['QUYETTIEN', 'TDP01'],
    ['TANPHONG', 'TDP11'],
    ['TANPHONG', 'TDP12'],
  ],
  2024: [
    ['SUNGPHAI', 'BAN04'],
    ['SUNGPHAI', 'BAN05'],
    ['SANTHANG', 'BAN06'],
    ['DOANKET', 'TDP03'],
    ['DOANKET', 'TDP04'],
    ['QUYETTIEN', 'TDP01'],
    ['TANPHONG', 'TDP12'],
  ],
  2025: [
    ['SUNGPHAI', 'BAN04'],
    ['SUNGPHAI', 'BAN05'],
    ['SUNGPHAI', 'BAN06'],
    ['SUNGPHAI', 'BAN07'],
    ['SANTHANG', 'BAN06'],
  ],
};
