/**
 * The public notice through HTTP (issue 14, items 1 and 2): the ward's board
 * opens the notice of its proposed areas, residents comment without an
 * account, the board and the council read and answer the comments on the
 * registration, the answer is on the audit log, a decision waits for the end
 * of the period, and the council's notice counts "N ý kiến, M được tiếp thu".
 */
import JSZip from 'jszip';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, publicNotices } from '../../src/db/schema';
import { demoServer, loginAs, type Client } from '../support/server';
import { postComment, registrationAt, unitIdOf } from '../support/notice';

let server: Awaited<ReturnType<typeof demoServer>>;
const NAMES = ['thamdinh', 'hoidong', 'totruong5', 'lanhdao', 'doanket', 'thanhpho'] as const;
const c = {} as Record<(typeof NAMES)[number], Client>;
let ward = 0;
let tdp05 = 0;
let tdp08 = 0;
let tdp09 = 0;
let noticeId = 0;

beforeAll(async () => {
  server = await demoServer();
  ward = await unitIdOf(server.db, 'LC-TP-TANPHONG');
  tdp05 = await registrationAt(server.db, 'LC-TP-TANPHONG-TDP05', 'board-proposed');
  tdp08 = await registrationAt(server.db, 'LC-TP-TANPHONG-TDP08', 'board-proposed');
  tdp09 = await registrationAt(server.db, 'LC-TP-TANPHONG-TDP09', 'self-assessed');
  for (const name of NAMES) c[name] = await loginAs(server.app, name);
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const open = (who: Client, unitId = ward, extra: Record<string, unknown> = {}) =>
  who.post('/api/notices', { programCode: 'laichau-tqpttd', year: 2026, unitId, ...extra });

describe('opening a notice', () => {
  it('is for the board or the council over the commune, once, for a commune with proposed areas', async () => {
    expect((await open(c.totruong5)).statusCode).toBe(404);
    expect((await open(c.doanket)).statusCode).toBe(404);
    expect((await open(c.lanhdao)).statusCode).toBe(403);
    expect((await open(c.thamdinh, await unitIdOf(server.db, 'LC-TP-TANPHONG-TDP05'))).statusCode).toBe(400);
    const res = await open(c.thamdinh);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ unitName: 'Phường Tân Phong', areas: 2, url: `/niem-yet/${body.id}` });
    // Ten days, both ends included, by default (Nghị định 86/2023/NĐ-CP); the programme's setting otherwise.
    const days = (Date.parse(body.endsOn) - Date.parse(body.startsOn)) / 86_400_000 + 1;
    expect(days).toBe(10);
    noticeId = body.id;
    expect((await open(c.hoidong)).statusCode).toBe(409);
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'open-notice'), eq(auditLog.entityId, String(noticeId))));
    expect(entry?.unitId).toBe(ward);
  });

  it('takes its length from the programme setting noticeDays', async () => {
    const patch = await c.thanhpho.request({ method: 'PATCH', url: '/api/programs/laichau-tqpttd/settings', payload: { noticeDays: 15 } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect((await c.thanhpho.get('/api/programs/laichau-tqpttd')).json().settings.noticeDays).toBe(15);
    const bad = await c.thanhpho.request({ method: 'PATCH', url: '/api/programs/laichau-tqpttd/settings', payload: { noticeDays: 0 } });
    expect(bad.statusCode).toBe(400);
    await c.thanhpho.request({ method: 'PATCH', url: '/api/programs/laichau-tqpttd/settings', payload: { noticeDays: 10 } });
  });
});

describe('the public page and residents’ comments', () => {
  it('shows the proposed areas with both results per standard, and the period, to anyone', async () => {
    const res = await server.app.inject({ method: 'GET', url: `/niem-yet/${noticeId}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Tổ dân phố số 5');
    expect(res.body).toContain('Tổ dân phố số 8');
    expect(res.body).not.toContain('Tổ dân phố số 9<'); // only self-assessed: not proposed
    expect(res.body).toMatch(/từ ngày \d{2}\/\d{2}\/\d{4} đến hết ngày \d{2}\/\d{2}\/\d{4}/);
    expect(res.body).toContain('<th>Tự đánh giá</th><th>Thẩm định</th>');
    expect(res.body).toMatch(/<td class="n"><span class="ok">\d+\/\d+<\/span><\/td>/);
  });

  it('takes a comment without an account; one with a phone number waits, unseen by the public', async () => {
    const plain = await postComment(server.app, noticeId, {
      registrationId: tdp05,
      body: 'Tổ dân phố giữ vệ sinh rất tốt.',
      name: 'Lò Thị Mai',
      phone: '0912345678',
    });
    expect(plain.statusCode, plain.body).toBe(303);
    expect(plain.headers.location).toContain(`kdc=${tdp05}`);
    const held = await postComment(server.app, noticeId, { registrationId: tdp05, body: 'Gọi 0987 654 321 để biết thêm về nhà ông B.' }, { ip: '203.0.113.8' });
    expect(held.statusCode).toBe(303);
    expect(held.headers.location).toContain('gui=cho-duyet');
    const other = await postComment(server.app, noticeId, { registrationId: tdp09, body: 'Khu này chưa được đề nghị.' }, { ip: '203.0.113.9' });
    expect(other.statusCode).toBe(404);
    const page = (await server.app.inject({ method: 'GET', url: `/niem-yet/${noticeId}` })).body;
    expect(page).toContain('Tổ dân phố giữ vệ sinh rất tốt.');
    expect(page).not.toContain('0987 654 321');
    expect(page).not.toContain('Lò Thị Mai');
    expect(page).not.toContain('0912345678');
  });

  it('shows the comments with who sent them to the board and the council, not to the area head or the leader', async () => {
    expect((await c.totruong5.get(`/api/registrations/${tdp05}/comments`)).statusCode).toBe(403);
    expect((await c.lanhdao.get(`/api/registrations/${tdp05}/comments`)).statusCode).toBe(403);
    expect((await c.doanket.get(`/api/registrations/${tdp05}/comments`)).statusCode).toBe(404);
    for (const who of [c.thamdinh, c.hoidong]) {
      const res = await who.get(`/api/registrations/${tdp05}/comments`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.notice).toMatchObject({ id: noticeId, state: 'open', url: `/niem-yet/${noticeId}` });
      expect(body.commune).toMatchObject({ id: ward, canOpen: false });
      expect(body.comments).toHaveLength(2);
      expect(body.comments[0]).toMatchObject({ authorName: 'Lò Thị Mai', authorPhone: '0912345678', held: false, mark: null });
      expect(body.comments[1]).toMatchObject({ held: true });
    }
  });

  it('is answered with a mark and a reason, on the audit log; the answer is public', async () => {
    const [first, second] = (await c.thamdinh.get(`/api/registrations/${tdp05}/comments`)).json().comments as Array<{ id: number }>;
    expect((await c.doanket.post(`/api/comments/${first!.id}/answer`, { mark: 'accepted', reason: 'x' })).statusCode).toBe(404);
    expect((await c.totruong5.post(`/api/comments/${first!.id}/answer`, { mark: 'accepted', reason: 'x' })).statusCode).toBe(403);
    expect((await c.lanhdao.post(`/api/comments/${first!.id}/answer`, { mark: 'accepted', reason: 'x' })).statusCode).toBe(403);
    expect((await c.thamdinh.post(`/api/comments/${first!.id}/answer`, { mark: 'accepted', reason: '' })).statusCode).toBe(400);
    expect((await c.thamdinh.post(`/api/comments/${first!.id}/answer`, { mark: 'maybe', reason: 'x' })).statusCode).toBe(400);
    const res = await c.thamdinh.post(`/api/comments/${first!.id}/answer`, { mark: 'accepted', reason: 'Ban thẩm định ghi nhận, đưa vào biên bản.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ mark: 'accepted', answer: 'Ban thẩm định ghi nhận, đưa vào biên bản.' });
    expect((await c.hoidong.post(`/api/comments/${second!.id}/answer`, { mark: 'not-relevant', reason: 'Không liên quan đến tiêu chí.' })).statusCode).toBe(
      200,
    );
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'answer-comment'), eq(auditLog.entityId, String(first!.id))));
    expect(entry?.after).toMatchObject({ mark: 'accepted' });
    expect(entry?.unitId).toBe(await unitIdOf(server.db, 'LC-TP-TANPHONG-TDP05'));
    const page = (await server.app.inject({ method: 'GET', url: `/niem-yet/${noticeId}` })).body;
    expect(page).toContain('<b>Tiếp thu:</b> Ban thẩm định ghi nhận, đưa vào biên bản.');
  });
});

describe('the decision and the council’s notice', () => {
  it('no decision is drafted while the commune’s notice is open; it is once the period ended', async () => {
    const { actOnRegistration } = await import('../../src/app/cycle/act');
    const { SYSTEM_ACTOR } = await import('../../src/app/actor');
    await actOnRegistration(server.db, SYSTEM_ACTOR, tdp05, 'recommend');
    await actOnRegistration(server.db, SYSTEM_ACTOR, tdp08, 'recommend');
    const draft = () =>
      c.thanhpho.post('/api/programs/laichau-tqpttd/decisions', {
        year: 2026,
        titleCode: 'tqpttd',
        number: '777/QĐ-UBND',
        issuedOn: '2026-12-20',
        signer: 'Nguyễn Văn A',
        signerTitle: 'Chủ tịch',
        issuingBody: 'Ủy ban nhân dân thành phố Lai Châu',
        registrationIds: [tdp05, tdp08],
      });
    const refused = await draft();
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.message).toMatch(/Phường Tân Phong đang niêm yết công khai .* đến hết ngày \d{2}\/\d{2}\/\d{4}/);
    // The council's notice, meanwhile, counts the comments: 2 on TDP 5, 1 accepted.
    const docx = await c.thanhpho.get('/api/programs/laichau-tqpttd/reports/thong-bao?year=2026');
    expect(docx.statusCode, docx.body).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('2 ý kiến, 1 được tiếp thu');
    await server.db.update(publicNotices).set({ startsOn: '2026-11-01', endsOn: '2026-11-10' }).where(eq(publicNotices.id, noticeId));
    const drafted = await draft();
    expect(drafted.statusCode, drafted.body).toBe(201);
    // The period over, the form is gone and a comment is refused.
    const late = await postComment(server.app, noticeId, { registrationId: tdp08, body: 'Muộn rồi.' }, { ip: '203.0.113.10' });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Thời hạn lấy ý kiến đã kết thúc ngày 10/11/2026');
  });
});
