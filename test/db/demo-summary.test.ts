/**
 * The demo reproduces Lai Châu's figures from per-area records, and the
 * summary computes them: recognised 8, 17, 28, 35 (2021–2024), first time
 * 8, 9, 11, 7; 2024 at 109.4% of the year target and 134.6% of the period's.
 */
import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programSummary, programSummaryByUnit, failedCriteriaRanking } from '../../src/app/reports/summary';
import { recognizedAreas } from '../../src/app/reports/areas';
import { units, users } from '../../src/db/schema';
import { openTestDatabase } from '../support/db';
import type { Database } from '../../src/db/client';

let database: Database;
let cityId: number;
beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
  cityId = (await database.db.select().from(units).where(eq(units.code, 'LC-TP')))[0]!.id;
});
afterAll(async () => {
  await database?.close();
});

const summary = (year: number, unitId = cityId) => programSummary(database.db, { programCode: 'laichau-tqpttd', year, unitId });

describe('demo data', () => {
  it('has 7 wards and communes and 72 tổ dân phố and bản under thành phố Lai Châu (70 before the 2022 split)', async () => {
    const { db } = database;
    const city = (await db.select().from(units).where(eq(units.id, cityId)))[0]!;
    const areas = await db
      .select()
      .from(units)
      .where(and(like(units.path, `${city.path}%`), inArray(units.kind, ['to-dan-pho', 'ban', 'thon'])));
    expect(areas).toHaveLength(72);
    expect(areas.filter((a) => !a.validFrom || a.validFrom < '2022-07-20')).toHaveLength(70);
    expect(await db.select().from(units).where(eq(units.parentId, cityId))).toHaveLength(7);
    expect((await summary(2021)).areas).toBe(70);
    expect((await summary(2023)).areas).toBe(72);
  });

  it('has the demo accounts', async () => {
    const names = (await database.db.select().from(users)).map((u) => u.username);
    expect(names).toEqual(expect.arrayContaining(['admin', 'thanhpho', 'tanphong', 'doanket']));
  });
});

describe('programme summary from records', () => {
  it('recognised 8, 17, 28, 35 with first time 8, 9, 11, 7 and held 0, 8, 17, 28', async () => {
    const rows = await Promise.all([2021, 2022, 2023, 2024].map((y) => summary(y)));
    expect(rows.map((s) => s.recognized)).toEqual([8, 17, 28, 35]);
    expect(rows.map((s) => s.titles[0]!.firstTime)).toEqual([8, 9, 11, 7]);
    expect(rows.map((s) => s.titles[0]!.held)).toEqual([0, 8, 17, 28]);
    expect(rows.map((s) => s.titles[0]!.again)).toEqual([0, 0, 0, 0]);
  });

  it('2024: 109.4% of the year target 32 and 134.6% of the period target 26, 40 registered', async () => {
    expect(await summary(2024)).toMatchObject({
      program: 'laichau-tqpttd',
      year: 2024,
      areas: 72,
      registered: 40,
      recognized: 35,
      percentOfAreas: 48.6,
      yearTarget: 32,
      percentOfYearTarget: 109.4,
      periodTarget: 26,
      percentOfPeriodTarget: 134.6,
    });
  });

  it('the 2024 recognised areas are the 35 of the Thành ủy Lai Châu 2024 report on Nghị quyết 02-NQ/ThU', async () => {
    const areas = await recognizedAreas(database.db, { programCode: 'laichau-tqpttd', year: 2024, unitId: cityId });
    const names = areas.map((a) => `${a.name} (${a.commune})`);
    expect(names).toHaveLength(35);
    expect(names).toEqual(
      expect.arrayContaining([
        'Tổ dân phố số 5 (Phường Tân Phong)',
        'Tổ dân phố số 16 (Phường Tân Phong)',
        'Bản Xéo Xin Chải (Xã San Thàng)',
        'Bản Sùng Chồ (Xã Sùng Phài)',
        'Tổ dân phố số 27 (Phường Đông Phong)',
        'Bản Tả Xin Chải (Phường Đông Phong)',
        'Bản Lò Suối Tùng (Xã San Thàng)',
        'Tổ dân phố số 12 (Phường Đoàn Kết)',
      ]),
    );
    expect(
      areas
        .filter((a) => a.status === 'lan-dau')
        .map((a) => a.name)
        .sort(),
    ).toEqual(['Bản Lò Suối Tùng', 'Bản Mới', 'Bản Thành Công', 'Bản Tả Xin Chải', 'Tổ dân phố số 10', 'Tổ dân phố số 12', 'Tổ dân phố số 5'].sort());
  });

  it('a summary of phường Tân Phong counts only its areas, without the city targets', async () => {
    const tanPhong = (await database.db.select().from(units).where(eq(units.code, 'LC-TP-TANPHONG')))[0]!;
    expect(await summary(2024, tanPhong.id)).toMatchObject({ areas: 15, recognized: 7, yearTarget: null, percentOfYearTarget: null });
    const byUnit = await programSummaryByUnit(database.db, { programCode: 'laichau-tqpttd', year: 2024, unitId: cityId });
    expect(byUnit.map((u) => u.recognized).reduce((a, b) => a + b, 0)).toBe(35);
    expect(byUnit.find((u) => u.unitName === 'Phường Tân Phong')).toMatchObject({ areas: 15, recognized: 7 });
  });

  it('ranks the criteria failed in the board verdicts, naming the areas', async () => {
    const ranking = await failedCriteriaRanking(database.db, { programCode: 'laichau-tqpttd', year: 2024, unitId: cityId });
    expect(ranking[0]).toMatchObject({ code: '2.1', count: 5 });
    expect(ranking[0]!.areas.map((a) => a.name)).toContain('Tổ dân phố số 11');
  });
});
