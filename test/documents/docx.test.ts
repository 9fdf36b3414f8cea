/**
 * The DOCX files are zips; read word/document.xml back and check what a clerk
 * would check: Quốc hiệu, number, date line, every area with its diacritics,
 * the font, A4 page size, annexes on new pages.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderCertificates, renderCouncilConclusion, renderRecognitionDecision, renderYearReport } from '../../src/documents';
import { certificateModels, councilModel, decisionModel, recognisedAreas, yearReportModel } from '../fixtures/laichau-2024';

async function part(buffer: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file(name);
  if (!file) throw new Error(`${name} missing`);
  return file.async('string');
}

const documentXml = (buffer: Buffer): Promise<string> => part(buffer, 'word/document.xml');
const count = (xml: string, needle: string | RegExp): number => (typeof needle === 'string' ? xml.split(needle).length - 1 : (xml.match(needle) ?? []).length);

describe('renderRecognitionDecision', () => {
  it('has the NĐ 30 header, the number, the date line and every area', async () => {
    const buffer = await renderRecognitionDecision(decisionModel());
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const xml = await documentXml(buffer);
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(xml).toContain('Số: 125/QĐ-UBND');
    expect(xml).toContain('Lai Châu, ngày 18 tháng 11 năm 2024');
    expect(xml).toContain('QUYẾT ĐỊNH:');
    expect(xml).toContain('Điều 3. ');
    for (const area of recognisedAreas()) expect(xml).toContain(area.areaName);
    expect(xml).toContain('Bản Nậm Loỏng 3');
    expect(xml).toContain('Tổng cộng: 35 khu dân cư');
    expect(xml).toContain('28.000.000');
    expect(xml).toBe(xml.normalize('NFC'));
  });

  it('is A4 portrait with NĐ 30 margins, Times New Roman, a repeated table header and the annex on a new page', async () => {
    const xml = await documentXml(await renderRecognitionDecision(decisionModel()));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = xml.match(/<w:pgMar ([^>]*)\/>/)?.[1] ?? '';
    const twips = (k: string): number => Number(margin.match(new RegExp(`w:${k}="(\\d+)"`))?.[1]);
    const mm = (t: number): number => (t / 1440) * 25.4;
    expect(mm(twips('top'))).toBeGreaterThanOrEqual(20);
    expect(mm(twips('top'))).toBeLessThanOrEqual(25);
    expect(mm(twips('left'))).toBeGreaterThanOrEqual(30);
    expect(mm(twips('left'))).toBeLessThanOrEqual(35);
    expect(mm(twips('right'))).toBeGreaterThanOrEqual(15);
    expect(mm(twips('right'))).toBeLessThanOrEqual(20);
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:pageBreakBefore/>');
  });

  it('puts "TM." and the signer in the signature block', async () => {
    const xml = await documentXml(await renderRecognitionDecision(decisionModel()));
    expect(xml).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(xml).toContain('Nguyễn Văn A');
    expect(xml).toContain('Nơi nhận:');
  });
});

describe('renderCouncilConclusion', () => {
  it('lists recommended and not recommended areas with reasons', async () => {
    const xml = await documentXml(await renderCouncilConclusion(councilModel()));
    expect(xml).toContain('THÔNG BÁO');
    expect(xml).toContain('Số: 09/TB-HĐXCN');
    expect(xml).toContain('UBND THÀNH PHỐ LAI CHÂU');
    expect(xml).toContain('35 khu dân cư.');
    expect(xml).toContain('2. Chưa đề nghị công nhận: 03 khu dân cư.');
    expect(xml).toContain('Không đề nghị công nhận: Chưa đạt nội dung tự quản (tiêu chí 4.1)');
    expect(count(xml, 'Đề nghị công nhận lần đầu')).toBe(7);
    expect(count(xml, 'Đề nghị giữ vững')).toBe(28);
  });
});

describe('renderYearReport', () => {
  it('derives the percentages from the counts and has both annexes', async () => {
    const xml = await documentXml(await renderYearReport(yearReportModel()));
    expect(xml).toContain('BÁO CÁO');
    expect(xml).toContain('35/72, chiếm 48,6% tổng số khu dân cư');
    expect(xml).toContain('đạt 109,4% so với mục tiêu năm 2024 (32 khu dân cư)');
    expect(xml).toContain('đạt 134,6% so với mục tiêu giai đoạn 2021 - 2025 (26 khu dân cư)');
    expect(xml).toContain('công nhận lần đầu 07, giữ vững 28');
    expect(xml).toContain('Biểu 4. Kinh phí khen thưởng');
    expect(xml).toContain('KT. CHỦ TỊCH');
    expect(xml).toContain('PHỤ LỤC 1');
    expect(xml).toContain('PHỤ LỤC 2');
    expect(xml).toContain('2536/UBND-NV');
    expect(xml).toContain('10/11/2020');
    expect(xml).toContain('1.250.000.000');
    expect(count(xml, '<w:pageBreakBefore/>')).toBe(2);
  });

  it('numbers the parts without gaps when a part is empty', async () => {
    const xml = await documentXml(await renderYearReport({ ...yearReportModel(), communes: [], failedCriteria: [] }));
    expect(xml).toContain('2. Biểu dương, khen thưởng');
    expect(xml).toContain('Biểu 2. Kinh phí khen thưởng');
    expect(xml).not.toContain('Các tiêu chí chưa đạt nhiều nhất');
  });
});

describe('renderCertificates', () => {
  it('prints one landscape page per area in one file', async () => {
    const models = certificateModels();
    const xml = await documentXml(await renderCertificates(models));
    expect(count(xml, /<w:sectPr/g)).toBe(models.length);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(count(xml, 'CÔNG NHẬN')).toBe(models.length);
    expect(xml).toContain('Bản Lò Suối Tùng');
    expect(xml).toContain('Quyết định số 125/QĐ-UBND ngày 18/11/2024');
    expect(count(xml, '(Công nhận lần đầu)')).toBe(7);
  });

  it('refuses an empty batch', async () => {
    await expect(renderCertificates([])).rejects.toThrow();
  });
});
