/**
 * Huyện Bảo Lâm (tỉnh Lâm Đồng) in the demo: its 14 communes and 128 villages
 * and tổ dân phố, and the two titles of its programme — khu dân cư tiêu biểu
 * and kiểu mẫu — over the years its Huyện ủy report counts (2019–2022), kept
 * as imported records whose yearly totals are the report's own table:
 *
 * | year | tiêu biểu (first / held / again) | kiểu mẫu (first / held / again) |
 * | 2019 | 24                               | 3                               |
 * | 2020 | 51 (35 / 16 / 0)                 | 12 (9 / 3 / 0)                  |
 * | 2021 | 63 (21 / 42 / 0)                 | 14 (3 / 11 / 0)                 |
 * | 2022 | 72 (15 / 52 / 5)                 | 25 (10 / 14 / 1)                |
 *
 * and 97 of 128 holding a title at the end of 2022. Which village holds what,
 * the village names (numbered), the per-commune split and the years 2023–2025
 * (2025 run in KDC on the illustrative points set) are illustrative; so are the
 * two communes marked especially difficult.
 */
import type { Queryable } from '../db/client';
import { importRecognitions, loadYear, type DemoDecision } from './history';
import { createDemoProgram, span } from './programs';
import { insertUnits, type InsertedUnit } from './units';

/** The district's communes (one thị trấn, thirteen xã) and how many villages each has (illustrative split of 128). */
export const BAOLAM_COMMUNES: Array<{ key: string; name: string; kind: 'thi-tran' | 'xa'; villages: number; especiallyDifficult?: boolean }> = [
  { key: 'LOCTHANG', name: 'Thị trấn Lộc Thắng', kind: 'thi-tran', villages: 14 },
  { key: 'LOCAN', name: 'Xã Lộc An', kind: 'xa', villages: 10 },
  { key: 'LOCBAO', name: 'Xã Lộc Bảo', kind: 'xa', villages: 9, especiallyDifficult: true },
  { key: 'LOCBAC', name: 'Xã Lộc Bắc', kind: 'xa', villages: 8, especiallyDifficult: true },
  { key: 'LOCLAM', name: 'Xã Lộc Lâm', kind: 'xa', villages: 9 },
  { key: 'LOCPHU', name: 'Xã Lộc Phú', kind: 'xa', villages: 10 },
  { key: 'LOCNGAI', name: 'Xã Lộc Ngãi', kind: 'xa', villages: 9 },
  { key: 'LOCQUANG', name: 'Xã Lộc Quảng', kind: 'xa', villages: 8 },
  { key: 'LOCTAN', name: 'Xã Lộc Tân', kind: 'xa', villages: 9 },
  { key: 'LOCTHANH', name: 'Xã Lộc Thành', kind: 'xa', villages: 10 },
  { key: 'LOCNAM', name: 'Xã Lộc Nam', kind: 'xa', villages: 8 },
  { key: 'LOCDUC', name: 'Xã Lộc Đức', kind: 'xa', villages: 9 },
  { key: 'BLA', name: 'Xã B’Lá', kind: 'xa', villages: 8 },
  { key: 'TANLAC', name: 'Xã Tân Lạc', kind: 'xa', villages: 7 },
];

export const baolamCode = (commune: string, n?: number) => {
  const c = BAOLAM_COMMUNES.find((x) => x.key === commune)!;
  return n === undefined ? `LD-BL-${commune}` : `LD-BL-${commune}-${c.kind === 'thi-tran' ? 'TDP' : 'THON'}${n}`;
};

export async function insertBaoLamUnits(tx: Queryable, district: InsertedUnit): Promise<InsertedUnit[]> {
  const communes = await insertUnits(
    tx,
    district,
    BAOLAM_COMMUNES.map((c) => ({
      code: baolamCode(c.key),
      name: c.name,
      kind: c.kind,
      attributes: c.especiallyDifficult ? [{ code: 'dac-biet-kho-khan', fromYear: 2019, toYear: 2025 }] : [],
    })),
  );
  const villages: InsertedUnit[] = [];
  for (const [ci, c] of BAOLAM_COMMUNES.entries()) {
    const town = c.kind === 'thi-tran';
    villages.push(
      ...(await insertUnits(
        tx,
        communes[ci]!,
        Array.from({ length: c.villages }, (_, i) => ({
          code: baolamCode(c.key, i + 1),
          name: town ? `Tổ dân phố ${i + 1}` : `Thôn ${i + 1}`,
          kind: town ? 'to-dan-pho' : 'thon',
          households: 90 + ((i * 41 + ci * 13) % 90),
        })),
      )),
    );
  }
  return villages;
}

/** A deterministic shuffle, so the demo is the same on every machine. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Who held which title each year 2019–2022, built to the report's table (see the file comment). */
export function baoLamHistory(villageIds: number[]): Record<number, { tb: number[]; km: number[] }> {
  const pool = shuffled(villageIds, 2019);
  const take = (n: number, from: number[], not: Set<number>) => {
    const picked = from.filter((id) => !not.has(id)).slice(0, n);
    if (picked.length < n) throw new Error('Dữ liệu mẫu Bảo Lâm: không đủ thôn để chia');
    return picked;
  };
  const everTb = new Set<number>();
  const used = (...lists: number[][]) => new Set(lists.flat());

  const tb19 = take(24, pool, new Set());
  const km19 = take(3, pool, used(tb19));
  tb19.forEach((id) => everTb.add(id));

  const kmNoTb20 = take(1, pool, used(tb19, km19));
  const tbHeld20 = tb19.slice(0, 16);
  const km20 = [...km19, ...tb19.slice(16), ...kmNoTb20];
  const tbFirst20 = take(35, pool, used([...everTb], km20));
  const tb20 = [...tbHeld20, ...tbFirst20];
  tbFirst20.forEach((id) => everTb.add(id));

  const tbHeld21 = tb20.slice(0, 42);
  const kmFirst21 = tb20.slice(42, 45);
  const tbDropped21 = tb20.slice(45);
  const kmHeld21 = km20.slice(0, 11);
  const kmDropped21 = km20.slice(11);
  const km21 = [...kmHeld21, ...kmFirst21];
  const tbFirst21 = take(21, pool, used([...everTb], km21, km20));
  const tb21 = [...tbHeld21, ...tbFirst21];
  tbFirst21.forEach((id) => everTb.add(id));

  const tbHeld22 = tb21.slice(0, 52);
  const kmFirst22 = tb21.slice(52, 62);
  const km22 = [...km21, ...kmFirst22, ...kmDropped21];
  const tbAgain22 = tbDropped21.slice(0, 5);
  const tbFirst22 = take(15, pool, used([...everTb], km22, km20, km19));
  const tb22 = [...tbHeld22, ...tbAgain22, ...tbFirst22];
  return { 2019: { tb: tb19, km: km19 }, 2020: { tb: tb20, km: km20 }, 2021: { tb: tb21, km: km21 }, 2022: { tb: tb22, km: km22 } };
}

const TB_BODY = 'Ban Thường trực Ủy ban MTTQ Việt Nam huyện Bảo Lâm';
const KM_BODY = 'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng';

export async function loadBaoLam(tx: Queryable, district: InsertedUnit, villages: InsertedUnit[], criteriaSetId: number, actorId: number): Promise<number> {
  const programId = await createDemoProgram(tx, {
    code: 'baolam-kdc',
    name: 'Xây dựng khu dân cư tiêu biểu, kiểu mẫu',
    ownerUnitId: district.id,
    description: 'Huyện Bảo Lâm, tỉnh Lâm Đồng. Bộ tiêu chí chấm điểm là bộ minh họa.',
    issuingBody: TB_BODY,
    signerName: 'Trần Thị B',
    signerTitle: 'Chủ tịch',
    years: span(2025, 2026).map((year) => ({ year, criteriaSetId })),
    titles: [
      {
        code: 'tieu-bieu',
        name: 'Khu dân cư tiêu biểu',
        rank: 1,
        chain: { appraise: 'commune', review: 'district', decide: 'district', decidingBody: TB_BODY },
      },
      { code: 'kieu-mau', name: 'Khu dân cư kiểu mẫu', rank: 2, chain: { appraise: 'commune', review: 'district', decide: 'province', decidingBody: KM_BODY } },
    ],
    // The Huyện ủy report: tiêu biểu 2.000.000 đ the first time, 500.000 đ when recognised again; kiểu mẫu rewarded by the province.
    rewards: { 'tieu-bieu': { 'lan-dau': 2_000_000, 'giu-vung': 500_000, 'cong-nhan-lai': 500_000 } },
    deadlines: [{ step: 'ceremony', label: 'Ngày hội Đại đoàn kết toàn dân tộc', monthDay: '11-18' }],
  });

  const ids = villages.map((v) => v.id);
  const history = baoLamHistory(ids);
  for (const year of [2019, 2020, 2021, 2022]) {
    await importRecognitions(tx, { programId, titleCode: 'tieu-bieu', year, unitIds: history[year]!.tb });
    await importRecognitions(tx, { programId, titleCode: 'kieu-mau', year, unitIds: history[year]!.km });
  }

  // After the report (illustrative): each year every kiểu mẫu holds it, three tiêu biểu move up, two drop, four
  // are new. 2023 and 2024 are records kept before KDC; 2025 ran in KDC, scorecards and decisions.
  const decision = (year: number, n: number, body: string): DemoDecision => ({
    number: `${n}/QĐ-MTTQ-BTT`,
    issuedOn: `${year}-11-10`,
    signer: 'Trần Thị B',
    signerTitle: 'Chủ tịch',
    issuingBody: body,
    issuingUnitId: district.id,
  });
  let { tb, km } = history[2022]!;
  const fresh = shuffled(
    ids.filter((id) => !tb.includes(id) && !km.includes(id)),
    2023,
  );
  for (const year of [2023, 2024, 2025]) {
    const up = tb.slice(0, 3);
    const dropped = tb.slice(3, 5);
    const newcomers = fresh.splice(0, 4);
    km = [...km, ...up];
    tb = [...tb.slice(5), ...newcomers];
    if (year < 2025) {
      await importRecognitions(tx, { programId, titleCode: 'kieu-mau', year, unitIds: km });
      await importRecognitions(tx, { programId, titleCode: 'tieu-bieu', year, unitIds: tb });
      continue;
    }
    await loadYear(tx, { programId, year, titleCode: 'kieu-mau', actorId, recognized: km, failed: [], decision: decision(year, 102, KM_BODY) });
    await loadYear(tx, { programId, year, titleCode: 'tieu-bieu', actorId, recognized: tb, failed: dropped, decision: decision(year, 103, TB_BODY) });
  }
  return programId;
}
