/**
 * Importing units and a title history: counts of first time / held / again
 * match the history row for row; bad files never crash, never write half,
 * and always explain in Vietnamese.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHistory } from '../../src/app/import/history';
import { importUnits } from '../../src/app/import/units';
import { AppError } from '../../src/app/errors';
import { programSummary } from '../../src/app/reports/summary';
import type { Database } from '../../src/db/client';
import { recognitions, units } from '../../src/db/schema';
import { openTestDatabase } from '../support/db';
import { SYSTEM_ACTOR } from '../../src/app/actor';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
});
afterAll(async () => {
  await database?.close();
});

const UNITS_CSV = [
  'code,name,kind,parent,households,mountainous',
  'TN,Tỉnh Thử Nghiệm,tỉnh,,,có',
  'TN-X1,Xã Hòa Bình,xã,TN,,',
  'TN-X1-T1,Thôn Đồng Tâm,thôn,Tỉnh Thử Nghiệm > Xã Hòa Bình,120,',
  'TN-X1-T2,Thôn Tiến Bộ,Thôn,TN-X1,95,',
  'TN-X1-T3,Bản Nà Cang,bản,TN-X1,60,có',
].join('\n');

const HISTORY = [
  ['unit', 'year', 'title'],
  ['TN-X1-T1', '2019', 'tqpttd'],
  ['TN-X1-T1', '2020', 'tqpttd'],
  ['TN-X1-T2', '2020', 'tqpttd'],
  ['TN-X1-T3', '2018', 'tqpttd'],
  ['Tỉnh Thử Nghiệm > Xã Hòa Bình > Bản Nà Cang', '2020', 'tqpttd'],
];

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Lịch sử');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Text as Windows-1258 stores it: base letters (â, ă, ơ, …) precomposed, tone marks as separate combining characters. */
function toCp1258(text: string): Buffer {
  const marks: Record<string, string> = {
    'a\u0302': 'â',
    'e\u0302': 'ê',
    'o\u0302': 'ô',
    'a\u0306': 'ă',
    'o\u031b': 'ơ',
    'u\u031b': 'ư',
    'A\u0302': 'Â',
    'E\u0302': 'Ê',
    'O\u0302': 'Ô',
    'A\u0306': 'Ă',
    'O\u031b': 'Ơ',
    'U\u031b': 'Ư',
  };
  // NFD puts the dot below (ậ = a + ̣ + ̂) before the modifier, so the tone may sit between base and modifier.
  const decomposed = text
    .normalize('NFD')
    .replace(/([aeouAEOU])(\u0323?)([\u0302\u0306\u031b])/g, (m, base: string, tone: string, mod: string) => (marks[base + mod] ?? base + mod) + tone);
  return iconv.encode(decomposed, 'windows-1258');
}

const rowCount = async () => {
  const [u] = await database.db.select({ n: count() }).from(units);
  const [r] = await database.db.select({ n: count() }).from(recognitions);
  return { units: Number(u!.n), recognitions: Number(r!.n) };
};

describe('import of units and title history', () => {
  it('imports a unit list (UTF-8 with BOM), twice without changing anything the second time', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(UNITS_CSV)]);
    expect(await importUnits(database.db, SYSTEM_ACTOR, bytes, 'don-vi.csv')).toEqual({ rows: 5, created: 5, updated: 0 });
    expect(await importUnits(database.db, SYSTEM_ACTOR, bytes, 'don-vi.csv')).toEqual({ rows: 5, created: 0, updated: 0 });
    const [t1] = await database.db.select().from(units).where(eq(units.code, 'TN-X1-T1'));
    const [x1] = await database.db.select().from(units).where(eq(units.code, 'TN-X1'));
    expect(t1).toMatchObject({ name: 'Thôn Đồng Tâm', kind: 'thon', households: 120, parentId: x1!.id, path: `${x1!.path}${t1!.id}/` });
  });

  it('history from XLSX gives first time / held / again matching the rows', async () => {
    const result = await importHistory(database.db, SYSTEM_ACTOR, 'laichau-tqpttd', await xlsx(HISTORY), 'lich-su.xlsx');
    expect(result).toMatchObject({ rows: 5, inserted: 5 });
    const x1 = (await database.db.select().from(units).where(eq(units.code, 'TN-X1')))[0]!.id;
    const s2020 = await programSummary(database.db, { programCode: 'laichau-tqpttd', year: 2020, unitId: x1 });
    // T1: 2019, 2020 → held; T2: 2020 → first time; T3: 2018, 2020 → again.
    expect(s2020.titles[0]).toMatchObject({ recognized: 3, firstTime: 1, held: 1, again: 1 });
    expect((await programSummary(database.db, { programCode: 'laichau-tqpttd', year: 2019, unitId: x1 })).titles[0]).toMatchObject({
      recognized: 1,
      firstTime: 1,
    });
    expect((await importHistory(database.db, SYSTEM_ACTOR, 'laichau-tqpttd', await xlsx(HISTORY), 'lich-su.xlsx')).inserted).toBe(0);
  });

  it('reads Windows-1258 and UTF-16 CSV files', async () => {
    const csv = 'code,name,kind,parent\nTN-X2,Xã Tân Lập,xã,TN\n';
    expect((await importUnits(database.db, SYSTEM_ACTOR, toCp1258(csv), 'cu.csv')).created).toBe(1);
    expect((await database.db.select().from(units).where(eq(units.code, 'TN-X2')))[0]!.name).toBe('Xã Tân Lập');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('code,name,kind,parent\nTN-X3,Xã Đông Hưng,xã,TN\n', 'utf16le')]);
    expect((await importUnits(database.db, SYSTEM_ACTOR, utf16, 'utf16.csv')).created).toBe(1);
    const [x3] = await database.db.select().from(units).where(eq(units.code, 'TN-X3'));
    expect(x3!.name).toBe('Xã Đông Hưng');
  });

  it('reports every problem with row and column, and writes nothing', async () => {
    const before = await rowCount();
    const bad = ['code,name,kind,parent,households', 'TN-Y1,Xã Một,xã,TN,', 'TN-Y1,Xã Hai,làng,KHONG-CO,-5', `TN-Y3,${'x'.repeat(10_000)},xã,TN,`].join('\n');
    const error = await importUnits(database.db, SYSTEM_ACTOR, Buffer.from(bad), 'loi.csv').catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    const message = (error as AppError).message;
    expect(message).toContain('dòng 3, cột A (code): mã "TN-Y1" trùng với dòng 2');
    expect(message).toContain('dòng 3, cột C (kind): loại đơn vị "làng" không hợp lệ');
    expect(message).toContain('dòng 3, cột D (parent): không tìm thấy đơn vị cấp trên "KHONG-CO"');
    expect(message).toContain('dòng 3, cột E (households): "-5" không phải số nguyên không âm');
    expect(message).toContain('dòng 4, cột B: ô dài 10.000 ký tự, tối đa 1.000');
    expect(await rowCount()).toEqual(before);
  });

  it('refuses units outside the importer’s scope', async () => {
    const actor = {
      userId: 0,
      username: 'tanphong',
      displayName: '',
      homeUnitId: null,
      grants: [{ role: 'officer' as const, unitId: 0, unitPath: '/999999/' }],
    };
    const error = await importUnits(database.db, actor, Buffer.from('code,name,kind,parent\nTN-Z,Xã Z,xã,TN\n'), 'ngoai.csv').catch((e: Error) => e);
    // A unit the importer cannot even see is not named back: "not found in your scope".
    expect((error as Error).message).toContain('dòng 2, cột D (parent): không tìm thấy "TN" trong phạm vi của bạn');
  });

  it('never crashes nor writes on random or truncated bytes', async () => {
    const valid = await xlsx(HISTORY);
    const before = await rowCount();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a)),
          fc.nat(valid.length - 1).map((n) => valid.subarray(0, n)),
        ),
        fc.constantFrom('a.xlsx', 'a.csv'),
        async (bytes, name) => {
          const outcome = await importUnits(database.db, SYSTEM_ACTOR, bytes, name).then(
            () => 'ok',
            (e: unknown) => e,
          );
          if (outcome !== 'ok') {
            expect(outcome).toBeInstanceOf(AppError);
            expect((outcome as AppError).message).toMatch(/[ăâđêôơưạảãáàếềệóòọỏõúùụủũíìịỉĩýỳỵỷỹ]/i);
          }
        },
      ),
      { numRuns: 60 },
    );
    expect((await rowCount()).recognitions).toBe(before.recognitions);
  });
});
