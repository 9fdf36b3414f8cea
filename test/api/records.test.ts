/** Contributions and documents entered by officers reach the yearly report; files download in their formats. */
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearReportModel } from '../../src/app/reports/files';
import { units } from '../../src/db/schema';
import { demoServer, loginAs, type Client } from '../support/server';

let server: Awaited<ReturnType<typeof demoServer>>;
let thanhpho: Client;
beforeAll(async () => {
  server = await demoServer();
  thanhpho = await loginAs(server.app, 'thanhpho');
});
afterAll(async () => {
  await server?.close();
});

describe('records and downloads', () => {
  it('contributions and issued documents are summed into the yearly report', async () => {
    const area = (await server.db.select().from(units).where(eq(units.code, 'LC-TP-TANPHONG-TDP05')))[0]!;
    const city = (await server.db.select().from(units).where(eq(units.code, 'LC-TP')))[0]!;
    expect(
      (
        await thanhpho.post('/api/programs/laichau-tqpttd/contributions', {
          year: 2024,
          unitId: area.id,
          budgetAmount: 15_000_000,
          peopleAmount: 42_500_000,
          landM2: 120,
          workdays: 310,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await thanhpho.post('/api/programs/laichau-tqpttd/contributions', { year: 2024, unitId: area.id, budgetAmount: -1 })).json().error.message,
    ).toContain('không được âm');
    expect(
      (
        await thanhpho.post('/api/programs/laichau-tqpttd/documents-issued', {
          year: 2024,
          unitId: city.id,
          issuer: 'UBND thành phố',
          docType: 'Kế hoạch',
          number: '45/KH-UBND',
          issuedOn: '2024-02-20',
          summary: 'Kế hoạch xây dựng tổ dân phố, bản tự quản năm 2024',
        })
      ).statusCode,
    ).toBe(201);
    const model = await yearReportModel(server.db, { programCode: 'laichau-tqpttd', year: 2024, unitId: city.id });
    expect(model.contributions).toEqual({ budget: 15_000_000, people: 42_500_000, landM2: 120, workdays: 310 });
    expect(model.documents).toEqual([expect.objectContaining({ number: '45/KH-UBND', type: 'Kế hoạch' })]);
    expect(model.figures.titles[0]).toMatchObject({ registered: 40, firstTime: 7, held: 28 });
    const records = (await thanhpho.get('/api/programs/laichau-tqpttd/records?year=2024')).json();
    expect(records.contributions).toHaveLength(1);
  });

  it('downloads the yearly report (DOCX), the tables (XLSX) and the decision with the 35 areas', async () => {
    const report = await thanhpho.get('/api/programs/laichau-tqpttd/reports/bao-cao?year=2024');
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(report.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('Phường Tân Phong');
    const tables = await thanhpho.get('/api/programs/laichau-tqpttd/reports/bang-tong-hop?year=2024');
    expect(tables.headers['content-type']).toContain('spreadsheetml');
    const decision = await thanhpho.get('/api/programs/laichau-tqpttd/reports/quyet-dinh?year=2024');
    const decisionXml = await (await JSZip.loadAsync(decision.rawPayload)).file('word/document.xml')!.async('string');
    expect(decisionXml).toContain('2456/QĐ-UBND');
    expect(decisionXml).toContain('Bản Lò Suối Tùng');
    // A place is named as a person writes it: only the kind word in lower case inside a sentence.
    expect(decisionXml).toContain('của UBND thành phố Lai Châu');
    for (const text of [xml, decisionXml]) expect(text).not.toMatch(/lai châu/);
    expect((await thanhpho.get('/api/programs/laichau-tqpttd/reports/giay-cong-nhan?year=2024')).statusCode).toBe(200);
    const notice = await thanhpho.get('/api/programs/laichau-tqpttd/reports/thong-bao?year=2024');
    const noticeXml = await (await JSZip.loadAsync(notice.rawPayload)).file('word/document.xml')!.async('string');
    expect(noticeXml).toContain('Bản Thành Công');
  });
});
