/**
 * A year's scorecards from a spreadsheet, on the demo: the board's values
 * beside the area's with reasons, decisions that lock what they rest on,
 * what Excel really stores (numbers as headers, percentages as fractions,
 * formulas, merged cells), and the programme's own titles and years.
 */
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/app/errors';
import { importScorecards } from '../../src/app/import/scorecards';
import { saveScorecard } from '../../src/app/cycle/scorecard';
import type { ImportProblem } from '../../src/core/import/sheet';
import { importTemplate } from '../../src/app/import/templates';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import type { Scorecard } from '../../src/core/evaluation/types';
import type { Database } from '../../src/db/client';
import { registrations, scorecardValues, units, verdicts } from '../../src/db/schema';
import { passingScorecard } from '../../src/demo/history';
import { openTestDatabase } from '../support/db';
import { SYSTEM_ACTOR } from '../../src/app/actor';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase({ demo: true });
});
afterAll(async () => {
  await database?.close();
});

const set = findBuiltinSet('laichau-tqpttd')!;
const passing = passingScorecard(set);
const codes = Object.keys(passing);
const word = (v: Scorecard[string]) => (v === true ? 'đạt' : v === false ? 'không đạt' : v === 'na' ? 'không áp dụng' : String(v).replace('.', ','));
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map((c) => (/[,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));
const row = (unit: string, values: Scorecard) => [unit, ...codes.map((c) => (values[c] === undefined ? '' : word(values[c]!)))];
const laichau = (year: number, stage: 'self' | 'board' = 'self') => ({ programCode: 'laichau-tqpttd', year, stage });

async function registrationOf(code: string, year: number) {
  const [unit] = await database.db.select().from(units).where(eq(units.code, code));
  const [reg] = await database.db
    .select()
    .from(registrations)
    .where(and(eq(registrations.unitId, unit!.id), eq(registrations.year, year)));
  return reg;
}
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: AppError) => {
      expect(e).toBeInstanceOf(AppError);
      return e.message;
    },
  );

describe('scorecards from a spreadsheet', () => {
  it('the board’s values go beside the area’s, with a reason where they differ; proposing stays the board’s act', async () => {
    const { db } = database;
    await importScorecards(db, SYSTEM_ACTOR, laichau(2026), csv([['unit', ...codes], row('LC-TP-TANPHONG-TDP08', passing)]), 'tu-danh-gia.csv');
    const reg = await registrationOf('LC-TP-TANPHONG-TDP08', 2026);
    expect(reg!.status).toBe('self-assessed');
    const board = { ...passing, '1.1': false, '1.2': false };
    const result = await importScorecards(
      db,
      SYSTEM_ACTOR,
      laichau(2026, 'board'),
      csv([['unit', ...codes], row('LC-TP-TANPHONG-TDP08', board)]),
      'tham-dinh.csv',
    );
    expect(result).toMatchObject({ registrationsCreated: 0, registrationsUpdated: 1, valuesWritten: codes.length, verdicts: 1, submitted: 0 });
    const values = await db.select().from(scorecardValues).where(eq(scorecardValues.registrationId, reg!.id));
    expect(values.find((v) => v.criterionCode === '1.1')).toMatchObject({ selfValue: true, boardValue: false, boardReason: 'Nhập từ tệp "tham-dinh.csv"' });
    expect(values.find((v) => v.criterionCode === '1.4')).toMatchObject({ boardReason: null });
    const stored = await db.select().from(verdicts).where(eq(verdicts.registrationId, reg!.id));
    // 4.3 (khu dân cư văn hóa 2026) is judged from the records, where no 2026 decision exists yet.
    expect(stored.find((v) => v.stage === 'board')).toMatchObject({ recognized: false, failedCriteria: ['1.1', '1.2', '4.3'] });
    expect((await registrationOf('LC-TP-TANPHONG-TDP08', 2026))!.status).toBe('self-assessed');
    // The area's own values can no longer be changed by a file: the form was handed in.
    expect(
      await failure(
        importScorecards(
          db,
          SYSTEM_ACTOR,
          laichau(2026),
          csv([
            ['unit', '1.1'],
            ['LC-TP-TANPHONG-TDP08', 'không đạt'],
          ]),
          'sua.csv',
        ),
      ),
    ).toContain('dòng 2, cột A (unit): hồ sơ của Tổ dân phố số 8 đã gửi đi, không sửa được kết quả tự đánh giá');
  });

  it('an issued decision locks what it rests on: the same values pass unchanged, a different one is refused', async () => {
    const { db } = database;
    const { buffer } = await importTemplate(db, SYSTEM_ACTOR, {
      kind: 'scorecards',
      programCode: 'laichau-tqpttd',
      year: 2024,
      unitId: (await db.select().from(units).where(eq(units.code, 'LC-TP-TANPHONG')))[0]!.id,
    });
    expect(await importScorecards(db, SYSTEM_ACTOR, laichau(2024), buffer, 'mau-2024.xlsx')).toMatchObject({
      registrationsCreated: 0,
      registrationsUpdated: 0,
      valuesWritten: 0,
    });
    const refused = await importScorecards(
      db,
      SYSTEM_ACTOR,
      laichau(2024),
      csv([
        ['unit', '1.1'],
        ['LC-TP-TANPHONG-TDP05', 'không đạt'],
      ]),
      'sua-2024.csv',
    ).then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: AppError) => e,
    );
    expect(refused.message).toContain('hồ sơ của Tổ dân phố số 5 đã có quyết định công nhận, không thể sửa');
    // One rule for a file and a hand: the same words as the API's, with the area named, and a kind to decide on.
    expect((refused.details as { problems: ImportProblem[] }).problems).toMatchObject([{ column: 'A', field: 'unit', kind: 'locked' }]);
    const locked = (await registrationOf('LC-TP-TANPHONG-TDP05', 2024))!;
    const byHand = await saveScorecard(db, SYSTEM_ACTOR, locked.id, { stage: 'self', values: { '1.1': { value: false } } }).then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: AppError) => e,
    );
    expect(byHand).toMatchObject({ code: 'locked', message: 'Hồ sơ đã có quyết định công nhận, không thể sửa' });
    expect(refused.message).toContain(`hồ sơ của Tổ dân phố số 5 ${byHand.message.slice('Hồ sơ '.length)}`);
  });

  it('reads what Excel stores: numeric headers, percentages as fractions, formulas and merged cells', async () => {
    const { db } = database;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phiếu');
    ws.addRow(['unit', 'title', ...codes.map((c) => (/^\d+\.\d$/.test(c) ? Number(c) : c))]);
    const values = { ...passing, '1.3': 0.985, '4.4': 0.9 } as Record<string, unknown>;
    for (const unit of ['LC-TP-TANPHONG-TDP10', 'LC-TP-TANPHONG-TDP13'])
      ws.addRow([unit, 'tqpttd', ...codes.map((c) => (typeof values[c] === 'boolean' ? word(values[c] as boolean) : values[c]))]);
    ws.mergeCells('B2:B3');
    for (const r of [2, 3]) {
      ws.getCell(r, 3 + codes.indexOf('1.3')).numFmt = '0.0%';
      ws.getCell(r, 3 + codes.indexOf('4.4')).numFmt = '0%';
    }
    ws.getCell(3, 3 + codes.indexOf('4.6')).value = { formula: 'IF(1>0,"đạt","không đạt")', result: 'đạt' } as ExcelJS.CellFormulaValue;
    const result = await importScorecards(db, SYSTEM_ACTOR, laichau(2026), Buffer.from(await wb.xlsx.writeBuffer()), 'excel.xlsx');
    expect(result).toMatchObject({ registrationsCreated: 2, submitted: 2 });
    const reg = await registrationOf('LC-TP-TANPHONG-TDP13', 2026);
    const stored = await db.select().from(scorecardValues).where(eq(scorecardValues.registrationId, reg!.id));
    expect(stored.find((v) => v.criterionCode === '1.3')!.selfValue).toBe(98.5);
    expect(stored.find((v) => v.criterionCode === '4.4')!.selfValue).toBe(90);
    expect(reg!.titleCode).toBe('tqpttd');

    ws.getCell(2, 3).value = { formula: 'A1&B1' } as ExcelJS.CellFormulaValue; // never computed: nothing to read
    expect(await failure(importScorecards(db, SYSTEM_ACTOR, laichau(2026), Buffer.from(await wb.xlsx.writeBuffer()), 'chua-tinh.xlsx'))).toContain(
      'dòng 2, cột C (1.1): "=A1&B1" không hợp lệ',
    );
  });

  it('asks for the title where a programme has two, and refuses an area that did not exist that year', async () => {
    const { db } = database;
    const baolam = findBuiltinSet('vidu-diem')!;
    const first = Object.keys(passingScorecard(baolam))[0]!;
    expect(
      await failure(
        importScorecards(
          db,
          SYSTEM_ACTOR,
          { programCode: 'baolam-kdc', year: 2026, stage: 'self' },
          csv([
            ['unit', first],
            ['LD-BL-LOCAN-THON1', '5'],
          ]),
          'bl.csv',
        ),
      ),
    ).toContain('phong trào có 2 danh hiệu: cần cột "title"');
    expect(
      await failure(
        importScorecards(
          db,
          SYSTEM_ACTOR,
          laichau(2021),
          csv([
            ['unit', '1.1'],
            ['LC-TP-DONGPHONG-TDP27', 'đạt'],
          ]),
          'cu.csv',
        ),
      ),
    ).toContain('"Tổ dân phố số 27" không tồn tại trong năm 2021');
  });
});
