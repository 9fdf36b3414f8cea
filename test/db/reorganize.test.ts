/**
 * The 2025 reform applied to the demo (districts closed, communes merged;
 * the ward mapping is illustrative, see docs/reorganization.md): every
 * figure before the date survives, counted under the new wards with current
 * boundaries and under the old city and wards with historical boundaries.
 * Splits, renames and closings keep their lineage and refuse what would
 * orphan units.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeUnit, mergeUnits, renameUnit, splitUnit } from '../../src/app/reorganize/reorganize';
import { recognizedAreas } from '../../src/app/reports/areas';
import { programSummary, programSummaryByUnit } from '../../src/app/reports/summary';
import { getUnitHistory } from '../../src/app/units/queries';
import type { Database } from '../../src/db/client';
import { unitParents, units } from '../../src/db/schema';
import { openTestDatabase } from '../support/db';
import { SYSTEM_ACTOR } from '../../src/app/actor';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
});
afterAll(async () => {
  await database?.close();
});

const PROGRAM = 'laichau-tqpttd';
/** Illustrative: Nghị quyết 1670/NQ-UBTVQH15 forms phường Tân Phong and phường Đoàn Kết; which old unit went where is not in our sources. */
const REFORM = {
  'Phường Tân Phong': ['LC-TP-TANPHONG', 'LC-TP-QUYETTHANG', 'LC-TP-DONGPHONG', 'LC-TP-SANTHANG'],
  'Phường Đoàn Kết': ['LC-TP-DOANKET', 'LC-TP-QUYETTIEN', 'LC-TP-SUNGPHAI'],
};
const admin = { userId: 0, username: 'admin', displayName: 'Quản trị', homeUnitId: null, grants: [{ role: 'admin' as const, unitId: 0, unitPath: '/' }] };
const byCode = async (code: string) => (await database.db.select().from(units).where(eq(units.code, code)))[0]!;
const figures = (s: { areas: number; registered: number; recognized: number; titles: Array<{ firstTime: number; held: number; again: number }> }) => ({
  areas: s.areas,
  registered: s.registered,
  recognized: s.recognized,
  firstTime: s.titles[0]!.firstTime,
  held: s.titles[0]!.held,
  again: s.titles[0]!.again,
});
const add = (a: ReturnType<typeof figures>, b: ReturnType<typeof figures>) => ({
  areas: a.areas + b.areas,
  registered: a.registered + b.registered,
  recognized: a.recognized + b.recognized,
  firstTime: a.firstTime + b.firstTime,
  held: a.held + b.held,
  again: a.again + b.again,
});

describe('the 2025 reform on the demo', () => {
  const before = new Map<string, ReturnType<typeof figures>>();
  let cityByUnit2024: Array<{ unitName: string } & ReturnType<typeof figures>> = [];
  let province2024: ReturnType<typeof figures>;
  let provinceId = 0;
  let cityId = 0;

  beforeAll(async () => {
    const { db } = database;
    provinceId = (await byCode('LC')).id;
    cityId = (await byCode('LC-TP')).id;
    for (const year of [2023, 2024])
      for (const code of Object.values(REFORM).flat()) {
        before.set(`${code}|${year}`, figures(await programSummary(db, { programCode: PROGRAM, year, unitId: (await byCode(code)).id })));
      }
    cityByUnit2024 = (await programSummaryByUnit(db, { programCode: PROGRAM, year: 2024, unitId: cityId })).map((u) => ({
      unitName: u.unitName,
      ...figures(u),
    }));
    province2024 = figures(await programSummary(db, { programCode: PROGRAM, year: 2024, unitId: provinceId }));

    for (const [ward, codes] of Object.entries(REFORM))
      await mergeUnits(db, admin, {
        date: '2025-07-01',
        into: `Tỉnh Lai Châu > ${ward}`,
        from: codes,
        legalBasis: 'Nghị quyết số 1670/NQ-UBTVQH15 ngày 16/6/2025 (ánh xạ minh họa)',
      });
    await closeUnit(db, admin, { date: '2025-07-01', unit: 'LC-TP', legalBasis: 'Nghị quyết số 1670/NQ-UBTVQH15 ngày 16/6/2025' });
  });

  it('a new ward’s report for an earlier year counts the areas of the units merged into it', async () => {
    const { db } = database;
    for (const [ward, codes] of Object.entries(REFORM)) {
      const target = (await db.select().from(units).where(eq(units.name, ward))).find((u) => u.parentId === provinceId)!;
      expect(target.validFrom).toBe('2025-07-01');
      for (const year of [2023, 2024]) {
        const expected = codes.map((c) => before.get(`${c}|${year}`)!).reduce(add);
        expect(figures(await programSummary(db, { programCode: PROGRAM, year, unitId: target.id })), `${ward} ${year}`).toEqual(expected);
        // Under historical boundaries the new ward stands for the wards it came from: the same figures.
        expect(figures(await programSummary(db, { programCode: PROGRAM, year, unitId: target.id, boundaries: 'historical' }))).toEqual(expected);
      }
    }
  });

  it('the province’s figures do not move; today’s map shows the new wards, the historical map the old city and wards', async () => {
    const { db } = database;
    const input = { programCode: PROGRAM, year: 2024, unitId: provinceId };
    expect(figures(await programSummary(db, input))).toEqual(province2024);
    expect(figures(await programSummary(db, { ...input, boundaries: 'historical' }))).toEqual(province2024);

    const today = await programSummaryByUnit(db, input);
    // The closed city, all of whose wards moved on, is not a group of today's map.
    expect(today.map((u) => u.unitName).sort()).toEqual(['Phường Tân Phong', 'Phường Đoàn Kết'].sort());
    expect(today.map(figures).reduce(add)).toEqual(province2024);

    const then = await programSummaryByUnit(db, { ...input, boundaries: 'historical' });
    expect(then.map((u) => u.unitName)).toEqual(['Thành phố Lai Châu']);
    const cityThen = await programSummaryByUnit(db, { programCode: PROGRAM, year: 2024, unitId: cityId, boundaries: 'historical' });
    expect(cityThen.map((u) => ({ unitName: u.unitName, ...figures(u) }))).toEqual(cityByUnit2024);
  });

  it('the list of recognised areas names each area’s commune as the chosen map has it', async () => {
    const { db } = database;
    const historical = await recognizedAreas(db, { programCode: PROGRAM, year: 2024, unitId: cityId, boundaries: 'historical' });
    expect(historical).toHaveLength(
      before.get('LC-TP-TANPHONG|2024')!.recognized +
        Object.values(REFORM)
          .flat()
          .filter((c) => c !== 'LC-TP-TANPHONG')
          .reduce((s, c) => s + before.get(`${c}|2024`)!.recognized, 0),
    );
    expect(historical.find((a) => a.code === 'LC-TP-QUYETTHANG-TDP09')?.commune).toBe('Phường Quyết Thắng');
    const current = await recognizedAreas(db, { programCode: PROGRAM, year: 2024, unitId: provinceId });
    expect(current.find((a) => a.code === 'LC-TP-QUYETTHANG-TDP09')?.commune).toBe('Phường Tân Phong');
    // Nothing left under the closed city today.
    expect(await recognizedAreas(db, { programCode: PROGRAM, year: 2024, unitId: cityId })).toEqual([]);
  });

  it('keeps each area’s parent history and the lineage of the new ward', async () => {
    const { db } = database;
    const tdp9 = await byCode('LC-TP-QUYETTHANG-TDP09');
    const parents = await db.select().from(unitParents).where(eq(unitParents.unitId, tdp9.id));
    expect(parents.map((p) => [p.validFrom, p.validTo])).toEqual([
      [null, '2025-06-30'],
      ['2025-07-01', null],
    ]);
    expect((await byCode('LC-TP-QUYETTHANG')).validTo).toBe('2025-06-30');
    expect((await byCode('LC-TP')).validTo).toBe('2025-06-30');
    const target = (await db.select().from(units).where(eq(units.name, 'Phường Tân Phong'))).find((u) => u.parentId === provinceId)!;
    const history = await getUnitHistory(db, admin, target.id);
    expect(history).toEqual([
      expect.objectContaining({
        kind: 'merge',
        effectiveDate: '2025-07-01',
        from: expect.arrayContaining([expect.objectContaining({ name: 'Phường Quyết Thắng' })]),
      }),
    ]);
    expect(history[0]!.from).toHaveLength(4);
  });
});

describe('splits, renames and closings', () => {
  it('splits an area keeping it, names the new one, and links them', async () => {
    const { db } = database;
    const { targets, kept } = await splitUnit(db, SYSTEM_ACTOR, {
      date: '2026-03-01',
      unit: 'LC-TP-TANPHONG-TDP19',
      into: ['LC-TP-TANPHONG-TDP19', 'Tỉnh Lai Châu > Phường Tân Phong > Tổ dân phố số 21'],
    });
    expect(kept).toBe(true);
    expect(targets[1]).toMatchObject({ name: 'Tổ dân phố số 21', kind: 'to-dan-pho', validFrom: '2026-03-01' });
    expect((await byCode('LC-TP-TANPHONG-TDP19')).validTo).toBeNull();
    const history = await getUnitHistory(db, admin, targets[1]!.id);
    expect(history[0]).toMatchObject({ kind: 'split', from: [expect.objectContaining({ name: 'Tổ dân phố số 19' })] });
  });

  it('refuses to close or split away a unit that still has units under it, and renames with a record', async () => {
    const { db } = database;
    await expect(
      splitUnit(db, SYSTEM_ACTOR, { date: '2026-01-01', unit: 'Tỉnh Lai Châu > Phường Đoàn Kết', into: ['LC > Phường A', 'LC > Phường B'] }),
    ).rejects.toThrow(/còn 88 đơn vị trực thuộc/);
    expect(await db.select().from(units).where(eq(units.name, 'Phường A'))).toEqual([]); // nothing half-written
    await expect(closeUnit(db, SYSTEM_ACTOR, { date: '2026-01-01', unit: 'LC-TP-DOANKET' })).rejects.toThrow('Phường Đoàn Kết đã giải thể từ 30/06/2025');
    await expect(closeUnit(db, SYSTEM_ACTOR, { date: '2026-01-01', unit: 'LD-BL' })).rejects.toThrow('còn 14 đơn vị trực thuộc');
    const renamed = await renameUnit(db, SYSTEM_ACTOR, { date: '2026-01-01', unit: 'LD-BL-LOCAN', name: 'Xã Lộc An (mới)' });
    expect(renamed).toMatchObject({ previousName: 'Xã Lộc An', name: 'Xã Lộc An (mới)' });
    expect((await getUnitHistory(db, admin, renamed.id))[0]).toMatchObject({ kind: 'rename', note: 'Đổi tên Xã Lộc An thành Xã Lộc An (mới)' });
  });
});
