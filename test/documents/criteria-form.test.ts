/**
 * The blank self-assessment form (phiếu tự đánh giá) a village fills on paper:
 * read back from word/document.xml as a clerk would check it — the national
 * motto, every standard and criterion with its words, an empty result column
 * (Đạt / Không đạt boxes, room for a figure, points with their maximum), the
 * disqualifying cases with Có / Không, the conditions of each title and the
 * signatures — and served by GET /api/programs/:code/criteria/form.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import { flattenCriteria } from '../../src/core/criteria/walk';
import { DOCX_MIME, renderCriteriaForm } from '../../src/documents/index';
import { demoServer, loginAs } from '../support/server';

async function text(buffer: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  // Paragraphs as lines, runs joined: what a reader sees.
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

describe('renderCriteriaForm', () => {
  it('Lai Châu: every standard and criterion, Đạt / Không đạt boxes, room for figures, the four cases with Có / Không, signatures', async () => {
    const set = findBuiltinSet('laichau-tqpttd')!;
    const buffer = await renderCriteriaForm({ set, year: 2025 });
    const t = await text(buffer);
    expect(t).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(t).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(t).toContain('PHIẾU TỰ ĐÁNH GIÁ');
    expect(t).toContain('Kết quả thực hiện các tiêu chí “Tổ dân phố, bản tự quản, phát triển toàn diện (thành phố Lai Châu)” năm 2025');
    expect(t).toContain('(Theo Đề án số /ĐA-UBND (dự thảo) ngày 10/11/2020 của UBND thành phố Lai Châu)');
    for (const section of set.sections) expect(t).toContain(section.title);
    for (const { criterion } of flattenCriteria(set)) expect(t).toContain(`\n${criterion.code}\n`);
    expect(t).toContain('100% các chức danh chủ chốt của Chi bộ');
    expect(t.split('□ Đạt').length - 1).toBe(41 - 1 + 2); // 6.3 is ticked by its two parts
    expect(t).toContain('Số liệu: ……%');
    expect(t).toContain('Định lượng: tối thiểu 98% hộ.');
    expect(t).toContain('Đối với nơi khu dân cư là tổ dân phố:');
    expect(t).toContain('Tổng số tiêu chí đạt: …………/41 tiêu chí.');
    expect(t).toContain('II. CÁC TRƯỜNG HỢP KHÔNG XÉT CÔNG NHẬN');
    for (const d of set.disqualifiers) expect(t).toContain(d.text);
    expect(t).toContain('\nCó\n');
    expect(t).toContain('\nKhông\n');
    expect(t).toContain('mỗi tiêu chuẩn đạt tối thiểu 80% số tiêu chí; bắt buộc đạt tiêu chí 4.1; không thuộc trường hợp không đảm bảo nào.');
    expect(t).toContain('TRƯỞNG BAN CÔNG TÁC');
    expect(t).toContain('(Ký, ghi rõ họ tên)');
    expect(t).toBe(t.normalize('NFC'));
  });

  it('a points set: points with their maximum, the total, knockout items and both titles', async () => {
    const t = await text(await renderCriteriaForm({ set: findBuiltinSet('vidu-diem')!, year: null }));
    expect(t).toContain('Điểm tự chấm');
    expect(t).toContain('…… / 5 điểm');
    expect(t).toContain('………… / 100 điểm');
    expect(t).toContain('điểm liệt: không đạt thì không xét công nhận');
    expect(t).toContain('□ Khu dân cư tiêu biểu');
    expect(t).toContain('□ Khu dân cư kiểu mẫu');
    expect(t).toContain('đã giữ danh hiệu «Khu dân cư tiêu biểu» hoặc «Khu dân cư kiểu mẫu» năm liền trước');
    expect(t).toContain('năm 20……');
  });

  it('a commune set is signed for the commune', async () => {
    const t = await text(await renderCriteriaForm({ set: findBuiltinSet('tt124-xa-antt')!, year: 2025 }));
    expect(t).toContain('ỦY BAN NHÂN DÂN');
    expect(t).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(t).toContain('Tên xã, phường:');
  });
});

describe('GET /api/programs/:code/criteria/form', () => {
  let server: Awaited<ReturnType<typeof demoServer>>;
  beforeAll(async () => {
    server = await demoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("gives the year's form to whoever sees the programme, and a clear 400 for a bad year", async () => {
    const baolam = await loginAs(server.app, 'baolam');
    const res = await baolam.get('/api/programs/baolam-kdc/criteria/form?year=2025');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX_MIME);
    expect(res.headers['content-disposition']).toBe('attachment; filename="phieu-tu-danh-gia-baolam-kdc-2025.docx"');
    const t = await text(res.rawPayload);
    expect(t).toContain('PHIẾU TỰ ĐÁNH GIÁ');
    expect(t).toContain('năm 2025');
    const bad = await baolam.get('/api/programs/baolam-kdc/criteria/form?year=abc');
    expect(bad.statusCode).toBe(400);
    await expect((await loginAs(server.app, 'tanphong')).get('/api/programs/baolam-kdc/criteria/form?year=2025').then((r) => r.statusCode)).resolves.toBe(404);
  });
});
