/**
 * Thành phố Lai Châu in the demo: its own programme (tổ dân phố, bản tự quản,
 * phát triển toàn diện, 2021–2024 as the city's reports count it) and the
 * titles it leans on, which the city's 2024 review counts beside it:
 * khu dân cư văn hóa (criterion 4.3 is judged from it), an toàn về an ninh,
 * trật tự for areas and for communes (Thông tư 124/2021/TT-BCA: a commune
 * needs 70% of its areas), tuyến phố văn minh đô thị, and the households
 * holding "Gia đình văn hóa". Years before KDC are imported records; 2025 ran
 * in KDC; 2026 is in progress.
 */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { noticeComments, publicNotices, registrations, scorecardValues, unitFigures, units, workflowEvents } from '../db/schema';
import { DEFAULT_NOTICE_DAYS, noticeEndsOn, vietnamDay } from '../core/notice/notice';
import type { EventAction, Step } from '../core/cycle/workflow';
import type { Chain } from '../core/programs/settings';
import { recomputeVerdicts } from '../app/cycle/verdicts';
import { judgingContext } from '../app/cycle/context';
import { importRecognitions, loadYear, passingScorecard, type DemoDecision } from './history';
import { HOUSEHOLDS_2024, LAICHAU_COMMUNES, NEW_RECOGNITIONS, NOT_ANTT, NOT_RECOGNIZED, NOT_VAN_HOA, STREETS, unitCode } from './laichau-units';
import { createDemoProgram, span } from './programs';
import type { InsertedUnit } from './units';

type Units = Map<string, InsertedUnit>;
type SetIds = (code: string) => number;

const CITY_BODY = 'Ủy ban nhân dân thành phố Lai Châu';
const cityChain: Chain = { appraise: 'commune', review: 'district', decide: 'district', decidingBody: CITY_BODY };

/** The areas of the city that existed in a year (TDP 27 and 28 of Đông Phong exist from the 2022 split). */
function areasIn(byCode: Units, year: number): InsertedUnit[] {
  return LAICHAU_COMMUNES.flatMap((c) =>
    c.areas.filter((a) => !a.validFrom || Number(a.validFrom.slice(0, 4)) <= year).map((a) => byCode.get(unitCode(c.key, a.key))!),
  );
}
const idsOf = (byCode: Units, keys: Array<[string, string]>) => keys.map(([c, a]) => byCode.get(unitCode(c, a))!.id);
const except = (all: InsertedUnit[], out: number[]) => all.filter((u) => !out.includes(u.id)).map((u) => u.id);

/**
 * Each area's households and those holding "Gia đình văn hóa": 2024 adds up to the city's
 * 12.937 and 12.460; other years are near them. Deterministic, illustrative per area.
 */
async function loadHouseholds(tx: Queryable, byCode: Units): Promise<void> {
  const areas = areasIn(byCode, 2024);
  const weights = areas.map((a, i) => (a.kind === 'ban' ? 60 + ((i * 37) % 60) : 80 + ((i * 53) % 80)));
  const scale = HOUSEHOLDS_2024.total / weights.reduce((s, w) => s + w, 0);
  const households = weights.map((w) => Math.round(w * scale));
  households[0]! += HOUSEHOLDS_2024.total - households.reduce((s, h) => s + h, 0);
  const cultured = households.map((h, i) => Math.round(h * (0.95 + ((i * 17) % 30) / 1000)));
  let diff = HOUSEHOLDS_2024.cultured - cultured.reduce((s, c) => s + c, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % cultured.length) {
    const step = Math.sign(diff);
    if (cultured[i]! + step <= households[i]!) {
      cultured[i]! += step;
      diff -= step;
    }
  }
  const rows = [];
  for (const [i, area] of areas.entries())
    for (const [year, factor, drift] of [
      [2023, 0.985, -4],
      [2024, 1, 0],
      [2025, 1.01, 3],
      [2026, 1.02, 5],
    ] as const) {
      const ho = Math.round(households[i]! * factor);
      const gdvh = Math.min(ho, Math.round(cultured[i]! * factor) + (year === 2024 ? 0 : Math.sign(drift) * (i % 2)));
      rows.push({ unitId: area.id, year, code: 'ho', value: ho }, { unitId: area.id, year, code: 'ho-gia-dinh-van-hoa', value: gdvh });
    }
  await tx.insert(unitFigures).values(rows);
  for (const [i, area] of areas.entries()) await tx.update(units).set({ households: households[i]! }).where(eq(units.id, area.id));
}

/** A 2026 registration at a given step, with passing values typed where the records do not decide, and its verdicts. */
async function seasonRegistration(
  tx: Queryable,
  input: {
    programId: number;
    unitId: number;
    titleCode: string | null;
    status: Step;
    actorId: number;
    steps: Array<[EventAction, Step | null, Step]>;
    contents?: string[];
  },
) {
  const [reg] = await tx
    .insert(registrations)
    .values({
      programId: input.programId,
      year: 2026,
      unitId: input.unitId,
      titleCode: input.titleCode,
      status: input.status,
      createdBy: input.actorId,
      selfManagementContents: input.contents ?? [],
      councilRecommended: input.status === 'council-recommended' ? true : null,
    })
    .returning();
  await tx
    .insert(workflowEvents)
    .values(input.steps.map(([action, fromStatus, toStatus]) => ({ registrationId: reg!.id, action, fromStatus, toStatus, actorId: input.actorId })));
  if (input.status !== 'registered' && input.titleCode) {
    const ctx = await judgingContext(tx, reg!);
    const values = passingScorecard(ctx.set);
    for (const code of ctx.recordJudged) delete values[code];
    const board = input.status !== 'self-assessed';
    await tx.insert(scorecardValues).values(
      Object.entries(values).map(([code, value]) => ({
        registrationId: reg!.id,
        criterionCode: code,
        selfValue: value,
        boardValue: board ? value : null,
        updatedBy: input.actorId,
      })),
    );
    await recomputeVerdicts(tx, [reg!.id]);
  }
  return reg!;
}

const STEPS = {
  registered: [['register', null, 'registered']],
  'self-assessed': [
    ['register', null, 'registered'],
    ['submit', 'registered', 'self-assessed'],
  ],
  'board-proposed': [
    ['register', null, 'registered'],
    ['submit', 'registered', 'self-assessed'],
    ['propose', 'self-assessed', 'board-proposed'],
  ],
  'council-recommended': [
    ['register', null, 'registered'],
    ['submit', 'registered', 'self-assessed'],
    ['propose', 'self-assessed', 'board-proposed'],
    ['recommend', 'board-proposed', 'council-recommended'],
  ],
} satisfies Record<string, Array<[EventAction, Step | null, Step]>>;

export async function loadLaiChau(tx: Queryable, byCode: Units, setId: SetIds, actorId: number): Promise<void> {
  const city = byCode.get('LC-TP')!;
  const communes = LAICHAU_COMMUNES.map((c) => byCode.get(unitCode(c.key))!);
  await loadHouseholds(tx, byCode);
  const decision = (number: string, issuedOn: string, body = CITY_BODY, issuingUnitId = city.id): DemoDecision => ({
    number,
    issuedOn,
    signer: 'Nguyễn Văn A',
    signerTitle: 'Chủ tịch',
    issuingBody: body,
    issuingUnitId,
  });

  // Khu dân cư văn hóa: records from before KDC (69/70, 71/72, 72/72, 72/72), then 2025 in KDC.
  const vanHoa = await createDemoProgram(tx, {
    code: 'laichau-van-hoa',
    name: 'Xây dựng thôn, tổ dân phố văn hóa',
    ownerUnitId: city.id,
    issuingBody: CITY_BODY,
    signerName: 'Nguyễn Văn A',
    signerTitle: 'Chủ tịch',
    description:
      'Danh hiệu “Thôn, tổ dân phố văn hóa” (khu dân cư văn hóa) trên địa bàn thành phố Lai Châu. Bộ tiêu chí là bộ minh họa hoàn thiện khung của Nghị định 86/2023/NĐ-CP.',
    years: span(2025, 2026).map((year) => ({ year, criteriaSetId: setId('vidu-thon-van-hoa') })),
    titles: [{ code: 'van-hoa', name: 'Khu dân cư văn hóa', rank: 1, chain: cityChain }],
    rewards: { 'van-hoa': { 'lan-dau': { coefficient: 1.5 }, 'giu-vung': { coefficient: 1.5 }, 'cong-nhan-lai': { coefficient: 1.5 } } },
    deadlines: [{ step: 'decision', label: 'Hoàn thành bình xét (Nghị định 86/2023/NĐ-CP)', monthDay: '11-25' }],
  });
  for (const year of [2021, 2022, 2023, 2024])
    await importRecognitions(tx, { programId: vanHoa, titleCode: 'van-hoa', year, unitIds: except(areasIn(byCode, year), idsOf(byCode, NOT_VAN_HOA[year]!)) });
  await loadYear(tx, {
    programId: vanHoa,
    year: 2025,
    titleCode: 'van-hoa',
    actorId,
    recognized: areasIn(byCode, 2025).map((u) => u.id),
    failed: [],
    decision: decision('2610/QĐ-UBND', '2025-11-20'),
  });

  // An toàn về an ninh, trật tự: areas (decided by each commune), then communes (70% of their areas).
  const antt = await createDemoProgram(tx, {
    code: 'laichau-antt',
    name: 'Xây dựng khu dân cư “An toàn về an ninh, trật tự”',
    ownerUnitId: city.id,
    description: 'Thông tư 124/2021/TT-BCA, Điều 4: khu dân cư đạt tiêu chuẩn khi đạt đủ các tiêu chí; Ủy ban nhân dân cấp xã công nhận.',
    years: span(2025, 2026).map((year) => ({ year, criteriaSetId: setId('tt124-khu-dan-cu-antt') })),
    titles: [
      {
        code: 'antt',
        name: 'Khu dân cư “An toàn về an ninh, trật tự”',
        rank: 1,
        chain: { appraise: 'commune', review: 'commune', decide: 'commune', decidingBody: 'Ủy ban nhân dân cấp xã' },
      },
    ],
  });
  for (const year of [2023, 2024])
    await importRecognitions(tx, { programId: antt, titleCode: 'antt', year, unitIds: except(areasIn(byCode, year), idsOf(byCode, NOT_ANTT[year]!)) });
  const failing2025 = idsOf(byCode, NOT_ANTT[2025]!);
  for (const [ci, c] of LAICHAU_COMMUNES.entries()) {
    const mine = c.areas.map((a) => byCode.get(unitCode(c.key, a.key))!.id);
    await loadYear(tx, {
      programId: antt,
      year: 2025,
      titleCode: 'antt',
      actorId,
      recognized: mine.filter((id) => !failing2025.includes(id)),
      failed: mine.filter((id) => failing2025.includes(id)),
      decision: decision(
        `${45 + ci}/QĐ-UBND`,
        '2025-11-05',
        `Ủy ban nhân dân ${c.name.charAt(0).toLocaleLowerCase('vi-VN')}${c.name.slice(1)}`,
        communes[ci]!.id,
      ),
    });
  }
  const anttXa = await createDemoProgram(tx, {
    code: 'laichau-antt-xa',
    name: 'Xây dựng xã, phường “An toàn về an ninh, trật tự”',
    ownerUnitId: city.id,
    issuingBody: CITY_BODY,
    signerName: 'Nguyễn Văn A',
    signerTitle: 'Chủ tịch',
    description: 'Thông tư 124/2021/TT-BCA, Điều 5: xã, phường đạt tiêu chuẩn khi có từ 70% khu dân cư trở lên được công nhận.',
    years: span(2025, 2026).map((year) => ({ year, criteriaSetId: setId('tt124-xa-antt') })),
    titles: [{ code: 'antt', name: 'Xã, phường “An toàn về an ninh, trật tự”', rank: 1, chain: cityChain }],
  });
  await loadYear(tx, {
    programId: anttXa,
    year: 2025,
    titleCode: 'antt',
    actorId,
    recognized: [],
    failed: [],
    byVerdict: communes.map((c) => c.id),
    decision: decision('2702/QĐ-UBND', '2025-11-25'),
  });

  // Tuyến đường, phố văn minh đô thị: records of 2023 and 2024 (113/131 at the end of 2024).
  const streets = await createDemoProgram(tx, {
    code: 'laichau-tuyen-pho',
    name: 'Xây dựng tuyến đường, phố văn minh đô thị',
    ownerUnitId: city.id,
    issuingBody: CITY_BODY,
    signerName: 'Nguyễn Văn A',
    signerTitle: 'Chủ tịch',
    description: 'Tuyến đường, phố văn minh đô thị trên địa bàn các phường. Bộ tiêu chí là bộ minh họa.',
    years: span(2025, 2026).map((year) => ({ year, criteriaSetId: setId('vidu-tuyen-pho-van-minh') })),
    titles: [{ code: 'van-minh', name: 'Tuyến đường, phố văn minh đô thị', rank: 1, chain: cityChain }],
  });
  for (const year of [2023, 2024] as const) {
    const held = Object.entries(STREETS).flatMap(([ward, s]) =>
      Array.from({ length: year === 2023 ? s.vanMinh2023 : s.vanMinh2024 }, (_, i) => byCode.get(`${unitCode(ward)}-TP${String(i + 1).padStart(2, '0')}`)!.id),
    );
    await importRecognitions(tx, { programId: streets, titleCode: 'van-minh', year, unitIds: held });
  }

  // The city's own programme, 2021–2024 as its reports count it, and 2026 in progress.
  const tqpttd = await createDemoProgram(tx, {
    code: 'laichau-tqpttd',
    name: 'Xây dựng tổ dân phố, bản tự quản, phát triển toàn diện',
    ownerUnitId: city.id,
    description: 'Đề án giai đoạn 2020 – 2025 trên địa bàn thành phố Lai Châu',
    issuingBody: CITY_BODY,
    signerName: 'Nguyễn Văn A',
    signerTitle: 'Chủ tịch',
    years: span(2021, 2026).map((year) => ({ year, criteriaSetId: setId('laichau-tqpttd') })),
    titles: [{ code: 'tqpttd', name: 'Tổ dân phố, bản tự quản, phát triển toàn diện', rank: 1, chain: cityChain }],
    // Lai Châu's reward amounts are not in its documents: these are Bảo Lâm's, as an illustration.
    rewards: { tqpttd: { 'lan-dau': 2_000_000, 'giu-vung': 500_000, 'cong-nhan-lai': 500_000 } },
    targets: [
      { scope: 'year', yearFrom: 2024, yearTo: 2024, target: 32 },
      { scope: 'period', yearFrom: 2020, yearTo: 2025, target: 26 },
    ],
    deadlines: [
      { step: 'register', label: 'Khu dân cư đăng ký', monthDay: '03-31' },
      { step: 'report', label: 'Các xã, phường báo cáo kết quả', monthDay: '10-15' },
      { step: 'ceremony', label: 'Ngày hội Đại đoàn kết toàn dân tộc', monthDay: '11-18' },
    ],
  });
  const recognizedSoFar: Array<[string, string]> = [];
  for (const [n, year] of [2021, 2022, 2023, 2024].entries()) {
    recognizedSoFar.push(...NEW_RECOGNITIONS[year]!);
    await loadYear(tx, {
      programId: tqpttd,
      year,
      titleCode: 'tqpttd',
      actorId,
      recognized: idsOf(byCode, recognizedSoFar),
      failed: idsOf(byCode, NOT_RECOGNIZED[year]!),
      decision: decision(`${[1520, 2105, 2380, 2456][n]}/QĐ-UBND`, `${year}-11-15`),
    });
  }

  // 2026, this season: work waiting in Tân Phong and Đoàn Kết; Tổ dân phố số 11 of Tân Phong waits for its
  // khu dân cư văn hóa decision, which turns its criterion 4.3 of the city's programme to đạt.
  const unit = (commune: string, area: string) => byCode.get(unitCode(commune, area))!.id;
  await seasonRegistration(tx, {
    programId: tqpttd,
    unitId: unit('TANPHONG', 'TDP03'),
    titleCode: 'tqpttd',
    status: 'registered',
    actorId,
    steps: STEPS.registered,
  });
  await seasonRegistration(tx, {
    programId: tqpttd,
    unitId: unit('TANPHONG', 'TDP11'),
    titleCode: 'tqpttd',
    status: 'self-assessed',
    actorId,
    steps: STEPS['self-assessed'],
  });
  await seasonRegistration(tx, {
    programId: tqpttd,
    unitId: unit('TANPHONG', 'TDP12'),
    titleCode: null,
    status: 'registered',
    actorId,
    steps: STEPS.registered,
    contents: ['Giữ gìn vệ sinh môi trường', 'An ninh trật tự'],
  });
  await seasonRegistration(tx, {
    programId: tqpttd,
    unitId: unit('DOANKET', 'TDP03'),
    titleCode: 'tqpttd',
    status: 'registered',
    actorId,
    steps: STEPS.registered,
  });
  await seasonRegistration(tx, {
    programId: vanHoa,
    unitId: unit('TANPHONG', 'TDP11'),
    titleCode: 'van-hoa',
    status: 'council-recommended',
    actorId,
    steps: STEPS['council-recommended'],
  });
  await seasonRegistration(tx, {
    programId: vanHoa,
    unitId: unit('TANPHONG', 'TDP03'),
    titleCode: 'van-hoa',
    status: 'registered',
    actorId,
    steps: STEPS.registered,
  });

  // Phường Đông Phong's board proposed two tổ dân phố; their public notice (issue 14) runs from the day the demo is
  // loaded, with one resident's comment waiting for an answer: /niem-yet/1 on a first `npm start`.
  const proposed = [];
  for (const area of ['TDP24', 'TDP25'])
    proposed.push(
      await seasonRegistration(tx, {
        programId: tqpttd,
        unitId: unit('DONGPHONG', area),
        titleCode: 'tqpttd',
        status: 'board-proposed',
        actorId,
        steps: STEPS['board-proposed'],
      }),
    );
  const startsOn = vietnamDay(new Date());
  const [notice] = await tx
    .insert(publicNotices)
    .values({
      programId: tqpttd,
      year: 2026,
      unitId: byCode.get(unitCode('DONGPHONG'))!.id,
      startsOn,
      endsOn: noticeEndsOn(startsOn, DEFAULT_NOTICE_DAYS),
      openedBy: actorId,
    })
    .returning();
  await tx.insert(noticeComments).values({
    noticeId: notice!.id,
    registrationId: proposed[0]!.id,
    body: 'Tổ dân phố giữ đường làng sạch đẹp, các hộ tham gia đầy đủ. Đề nghị tổ sớm lắp thêm đèn chiếu sáng ở ngõ cuối.',
    authorName: 'Lò Văn Hùng',
    senderKey: 'demo',
    challengeId: 'demo-1',
  });
}
