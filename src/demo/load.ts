/**
 * The demo: Lai Châu city's programme with its 2021–2024 history exactly as
 * the seeds report it (8, 17, 28, 35 recognised), Bảo Lâm's two-title
 * programme on the illustrative points set, demo accounts, and a 2026 season
 * in progress. Loaded in one transaction on a first embedded start.
 */
import { hash } from '@node-rs/argon2';
import type { Db, Queryable } from '../db/client';
import {
  criteriaSets, programDeadlines, programRewards, programs, programTargets, programTitles, programYears, registrations,
  scorecardValues, unitEvents, unitLineage, userRoles, users, workflowEvents,
} from '../db/schema';
import { builtinSets, findBuiltinSet } from '../core/criteria/builtin/index';
import type { CommuneKind } from '../core/criteria/schema';
import { eq } from 'drizzle-orm';
import { loadYear, passingScorecard, type HistoryArea, type HistoryContext } from './history';
import { insertUnits, type InsertedUnit } from './units';
import { LAICHAU_COMMUNES, NEW_RECOGNITIONS, NOT_RECOGNIZED, SPLIT_2022, unitCode } from './laichau-units';
import { DEMO_PASSWORD, DEMO_USERS } from './users';

/** Household figures are illustrative: a tổ dân phố of 80–160 households, a bản of 60–120. */
const households = (i: number, kind: string) => (kind === 'ban' ? 60 + ((i * 37) % 60) : 80 + ((i * 53) % 80));

export async function loadDemo(db: Db): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const sets = await tx.insert(criteriaSets).values(builtinSets.map((s) => ({ code: s.code, version: s.version, name: s.name, definition: s }))).returning();
    const setId = (code: string) => sets.find((s) => s.code === code)!.id;
    const byCode = new Map<string, InsertedUnit>();
    const remember = (list: InsertedUnit[]) => { for (const u of list) byCode.set(u.code, u); return list; };

    const [laichau] = remember(await insertUnits(tx, null, [{ code: 'LC', name: 'Tỉnh Lai Châu', kind: 'tinh', mountainous: true }]));
    const [city] = remember(await insertUnits(tx, laichau!, [{ code: 'LC-TP', name: 'Thành phố Lai Châu', kind: 'thanh-pho' }]));
    const communes = remember(await insertUnits(tx, city!, LAICHAU_COMMUNES.map((c) => ({ code: unitCode(c.key), name: c.name, kind: c.kind }))));
    for (const [ci, c] of LAICHAU_COMMUNES.entries())
      remember(await insertUnits(tx, communes[ci]!, c.areas.map((a, i) => ({
        code: unitCode(c.key, a.key), name: a.name, kind: a.kind, validFrom: a.validFrom, households: households(i + ci, a.kind), poorHouseholds: 0,
      }))));
    await recordSplit(tx, byCode);

    const [lamdong] = remember(await insertUnits(tx, null, [{ code: 'LD', name: 'Tỉnh Lâm Đồng', kind: 'tinh', mountainous: true }]));
    const [baolam] = remember(await insertUnits(tx, lamdong!, [{ code: 'LD-BL', name: 'Huyện Bảo Lâm', kind: 'huyen' }]));
    const blCommunes = remember(await insertUnits(tx, baolam!, [
      { code: 'LD-BL-LOCTHANG', name: 'Thị trấn Lộc Thắng', kind: 'thi-tran' },
      { code: 'LD-BL-LOCAN', name: 'Xã Lộc An', kind: 'xa' },
      { code: 'LD-BL-LOCNGAI', name: 'Xã Lộc Ngãi', kind: 'xa', especiallyDifficult: true },
    ]));
    for (const commune of blCommunes) {
      const town = commune.kind === 'thi-tran';
      remember(await insertUnits(tx, commune, Array.from({ length: 5 }, (_, i) => ({
        code: `${commune.code}-${town ? 'TDP' : 'THON'}${i + 1}`, name: town ? `Tổ dân phố ${i + 1}` : `Thôn ${i + 1}`,
        kind: town ? 'to-dan-pho' : 'thon', households: households(i, 'thon'),
      }))));
    }

    const userIds = await insertUsers(tx, byCode, passwordHash);
    await loadLaiChau(tx, byCode, setId('laichau-tqpttd'), userIds.get('thanhpho')!);
    await loadBaoLam(tx, byCode, setId('vidu-diem'), userIds.get('baolam')!);
  });
}

async function recordSplit(tx: Queryable, byCode: Map<string, InsertedUnit>) {
  const [event] = await tx.insert(unitEvents).values({
    kind: 'split', effectiveDate: SPLIT_2022.date, legalBasis: SPLIT_2022.legalBasis,
    note: 'Chia tách tổ dân phố số 22 và 23 thành các tổ dân phố số 22, 23, 27, 28',
  }).returning();
  const code = (area: string) => byCode.get(unitCode('DONGPHONG', area))!.id;
  await tx.insert(unitLineage).values(SPLIT_2022.mapping.flatMap(([from, tos]) => tos.map((to) => ({ eventId: event!.id, fromUnitId: code(from), toUnitId: code(to) }))));
}

async function insertUsers(tx: Queryable, byCode: Map<string, InsertedUnit>, passwordHash: string) {
  const ids = new Map<string, number>();
  for (const u of DEMO_USERS) {
    const home = u.homeUnit ? byCode.get(u.homeUnit)!.id : null;
    const [row] = await tx.insert(users).values({ username: u.username, displayName: u.displayName, passwordHash, homeUnitId: home }).returning();
    await tx.insert(userRoles).values({ userId: row!.id, role: u.role, unitId: byCode.get(u.unit)!.id });
    ids.set(u.username, row!.id);
  }
  return ids;
}

function areaOf(byCode: Map<string, InsertedUnit>, commune: string, area: string, communeKind: CommuneKind): HistoryArea {
  const unit = byCode.get(unitCode(commune, area));
  if (!unit) throw new Error(`Dữ liệu mẫu: không có đơn vị ${unitCode(commune, area)}`);
  return { unitId: unit.id, profile: { area: unit.name, kind: unit.kind as HistoryArea['profile']['kind'], communeKind } };
}

async function loadLaiChau(tx: Queryable, byCode: Map<string, InsertedUnit>, criteriaSetId: number, actorId: number) {
  const city = byCode.get('LC-TP')!;
  const [program] = await tx.insert(programs).values({
    code: 'laichau-tqpttd', name: 'Xây dựng tổ dân phố, bản tự quản, phát triển toàn diện', ownerUnitId: city.id,
    description: 'Đề án giai đoạn 2020 – 2025 trên địa bàn thành phố Lai Châu',
  }).returning();
  const pid = program!.id;
  await tx.insert(programYears).values([2021, 2022, 2023, 2024, 2025, 2026].map((year) => ({ programId: pid, year, criteriaSetId })));
  await tx.insert(programTitles).values({
    programId: pid, code: 'tqpttd', name: 'Tổ dân phố, bản tự quản, phát triển toàn diện', rank: 1, levelCode: 'tqpttd',
    chain: { appraise: 'commune', review: 'district', decide: 'district', decidingBody: 'Ủy ban nhân dân thành phố Lai Châu' },
  });
  // Lai Châu's reward amounts are not in the seeds: these are Bảo Lâm's (seed 001), as an illustration.
  const rewards = { 'lan-dau': 2_000_000, 'giu-vung': 500_000, 'cong-nhan-lai': 500_000 } as const;
  await tx.insert(programRewards).values(Object.entries(rewards).map(([status, amount]) => ({ programId: pid, titleCode: 'tqpttd', status, amount })));
  await tx.insert(programTargets).values([
    { programId: pid, scope: 'year', yearFrom: 2024, yearTo: 2024, target: 32 },
    { programId: pid, scope: 'period', yearFrom: 2020, yearTo: 2025, target: 26 },
  ]);
  await tx.insert(programDeadlines).values([
    { programId: pid, step: 'register', label: 'Khu dân cư đăng ký', monthDay: '03-31' },
    { programId: pid, step: 'report', label: 'Các xã, phường báo cáo kết quả', monthDay: '10-15' },
    { programId: pid, step: 'ceremony', label: 'Ngày hội Đại đoàn kết toàn dân tộc', monthDay: '11-18' },
  ]);

  const kindOf = new Map(LAICHAU_COMMUNES.map((c) => [c.key, c.kind as CommuneKind]));
  const area = ([commune, key]: [string, string]) => areaOf(byCode, commune, key, kindOf.get(commune)!);
  const set = findBuiltinSet('laichau-tqpttd')!;
  const ctx: HistoryContext = { programId: pid, criteriaSetId, set, actorId, rewards, held: new Map() };
  const recognizedSoFar: Array<[string, string]> = [];
  for (const [n, year] of [2021, 2022, 2023, 2024].entries()) {
    recognizedSoFar.push(...NEW_RECOGNITIONS[year]!);
    await loadYear(tx, ctx, {
      year, titleCode: 'tqpttd', levelCode: 'tqpttd',
      recognized: recognizedSoFar.map(area), failed: NOT_RECOGNIZED[year]!.map(area),
      decision: { number: `${[1520, 2105, 2380, 2456][n]}/QĐ-UBND`, issuedOn: `${year}-11-15`, signer: 'Nguyễn Văn A', signerTitle: 'Chủ tịch', issuingBody: 'Ủy ban nhân dân thành phố Lai Châu', issuingUnitId: city.id },
    });
  }
  await loadSeasonInProgress(tx, byCode, pid, actorId, set);
}

/** 2026, this season: work waiting in Tân Phong and Đoàn Kết. */
async function loadSeasonInProgress(tx: Queryable, byCode: Map<string, InsertedUnit>, programId: number, actorId: number, set: NonNullable<ReturnType<typeof findBuiltinSet>>) {
  const unit = (commune: string, area: string) => byCode.get(unitCode(commune, area))!.id;
  const rows = await tx.insert(registrations).values([
    { programId, year: 2026, unitId: unit('TANPHONG', 'TDP03'), titleCode: 'tqpttd', status: 'registered', createdBy: actorId },
    { programId, year: 2026, unitId: unit('TANPHONG', 'TDP11'), titleCode: 'tqpttd', status: 'self-assessed', createdBy: actorId },
    { programId, year: 2026, unitId: unit('TANPHONG', 'TDP12'), titleCode: null, selfManagementContents: ['Giữ gìn vệ sinh môi trường', 'An ninh trật tự'], status: 'registered', createdBy: actorId },
    { programId, year: 2026, unitId: unit('DOANKET', 'TDP03'), titleCode: 'tqpttd', status: 'registered', createdBy: actorId },
  ]).returning();
  const selfAssessed = rows[1]!;
  await tx.insert(scorecardValues).values(Object.entries(passingScorecard(set)).map(([code, value]) => ({ registrationId: selfAssessed.id, criterionCode: code, selfValue: value, updatedBy: actorId })));
  await tx.insert(workflowEvents).values([
    ...rows.map((r) => ({ registrationId: r.id, action: 'register', fromStatus: null, toStatus: 'registered', actorId })),
    { registrationId: selfAssessed.id, action: 'submit', fromStatus: 'registered', toStatus: 'self-assessed', actorId },
  ]);
}

async function loadBaoLam(tx: Queryable, byCode: Map<string, InsertedUnit>, criteriaSetId: number, actorId: number) {
  const district = byCode.get('LD-BL')!;
  const [program] = await tx.insert(programs).values({
    code: 'baolam-kdc', name: 'Xây dựng khu dân cư tiêu biểu, kiểu mẫu', ownerUnitId: district.id,
    description: 'Huyện Bảo Lâm, tỉnh Lâm Đồng. Bộ tiêu chí chấm điểm là bộ minh họa.',
  }).returning();
  const pid = program!.id;
  await tx.insert(programYears).values([2021, 2022, 2023, 2024, 2025, 2026].map((year) => ({ programId: pid, year, criteriaSetId })));
  await tx.insert(programTitles).values([
    { programId: pid, code: 'tieu-bieu', name: 'Khu dân cư tiêu biểu', rank: 1, levelCode: 'tieu-bieu', chain: { appraise: 'commune', review: 'district', decide: 'district', decidingBody: 'Ban Thường trực Ủy ban MTTQ Việt Nam huyện Bảo Lâm' } },
    { programId: pid, code: 'kieu-mau', name: 'Khu dân cư kiểu mẫu', rank: 2, levelCode: 'kieu-mau', chain: { appraise: 'commune', review: 'district', decide: 'province', decidingBody: 'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng' } },
  ]);
  // Seed 001: KDCTB 2.000.000 đ first time, 500.000 đ when recognised again; KDCKM rewarded by the province.
  const rewards = { 'lan-dau': 2_000_000, 'giu-vung': 500_000, 'cong-nhan-lai': 500_000 } as const;
  await tx.insert(programRewards).values(Object.entries(rewards).map(([status, amount]) => ({ programId: pid, titleCode: 'tieu-bieu', status, amount })));
  await tx.insert(programDeadlines).values({ programId: pid, step: 'ceremony', label: 'Ngày hội Đại đoàn kết toàn dân tộc', monthDay: '11-18' });

  const set = findBuiltinSet('vidu-diem')!;
  const ctx: HistoryContext = { programId: pid, criteriaSetId, set, actorId, rewards, held: new Map() };
  const area = (code: string): HistoryArea => {
    const u = byCode.get(code)!;
    const commune = byCode.get(code.replace(/-(TDP|THON)\d+$/, ''))!;
    return { unitId: u.id, profile: { area: u.name, kind: u.kind as 'thon', communeKind: commune.kind === 'thi-tran' ? 'thi-tran' : 'xa' } };
  };
  const decision = (year: number, n: number) => ({ number: `${n}/QĐ-MTTQ-BTT`, issuedOn: `${year}-11-10`, signer: 'Trần Thị B', signerTitle: 'Chủ tịch', issuingBody: 'Ban Thường trực Ủy ban MTTQ Việt Nam huyện Bảo Lâm', issuingUnitId: district.id });
  const tb2021 = ['LD-BL-LOCTHANG-TDP1', 'LD-BL-LOCTHANG-TDP2', 'LD-BL-LOCAN-THON1', 'LD-BL-LOCNGAI-THON2'];
  await loadYear(tx, ctx, { year: 2021, titleCode: 'tieu-bieu', levelCode: 'tieu-bieu', recognized: tb2021.map(area), failed: [area('LD-BL-LOCAN-THON3')], decision: decision(2021, 45) });
  await loadYear(tx, ctx, { year: 2022, titleCode: 'tieu-bieu', levelCode: 'tieu-bieu', recognized: [...tb2021.slice(1), 'LD-BL-LOCAN-THON3', 'LD-BL-LOCNGAI-THON4'].map(area), failed: [], decision: decision(2022, 61) });
  await loadYear(tx, ctx, { year: 2022, titleCode: 'kieu-mau', levelCode: 'kieu-mau', recognized: [area('LD-BL-LOCTHANG-TDP1')], failed: [], decision: decision(2022, 62) });
}

/** True when the demo's programme exists (used by tests and the start-up message). */
export async function demoLoaded(db: Queryable): Promise<boolean> {
  const rows = await db.select({ id: programs.id }).from(programs).where(eq(programs.code, 'laichau-tqpttd'));
  return rows.length > 0;
}

