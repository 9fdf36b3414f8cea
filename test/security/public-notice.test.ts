/**
 * The public surface (issue 14, item 3): the notice page, its comment form,
 * the captcha challenge and the widget's files. No session is looked up for
 * them, nothing private is reachable through them, comments are limited per
 * address and per area, a comment without a solved captcha of ours is
 * refused before anything is stored, and a script in a comment is shown as
 * text.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { storeEvidenceFile } from '../../src/app/cycle/evidence';
import { openNotice } from '../../src/app/notice/open';
import { SYSTEM_ACTOR } from '../../src/app/actor';
import type * as Sessions from '../../src/app/auth/sessions';
import { noticeComments } from '../../src/db/schema';
import { createCaptcha } from '../../src/server/public/captcha';
import { solvedPayload } from '../support/captcha';
import { postComment, registrationAt, solvedCaptcha, unitIdOf } from '../support/notice';
import { demoServer } from '../support/server';

const sessionLookups = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/app/auth/sessions', async (importOriginal) => {
  const real = await importOriginal<typeof Sessions>();
  return {
    ...real,
    resolveSession: (...args: Parameters<typeof real.resolveSession>) => {
      sessionLookups.n++;
      return real.resolveSession(...args);
    },
  };
});

let server: Awaited<ReturnType<typeof demoServer>>;
let noticeId = 0;
let tdp05 = 0;
let tdp08 = 0;
let tdp09 = 0;
const comments = async () => (await server.db.select({ n: count() }).from(noticeComments))[0]!.n;

beforeAll(async () => {
  server = await demoServer();
  const { db } = server;
  tdp05 = await registrationAt(db, 'LC-TP-TANPHONG-TDP05', 'board-proposed');
  tdp08 = await registrationAt(db, 'LC-TP-TANPHONG-TDP08', 'board-proposed');
  tdp09 = await registrationAt(db, 'LC-TP-TANPHONG-TDP09', 'self-assessed');
  await storeEvidenceFile(
    db,
    { registrationId: tdp05, criterionCode: '1.1', filename: 'bien-ban-rieng-tu.pdf', mimeType: 'application/pdf', uploadedBy: null },
    [Buffer.from('%PDF-1.4\n%%EOF\n')],
  );
  noticeId = (await openNotice(db, SYSTEM_ACTOR, { programCode: 'laichau-tqpttd', year: 2026, unitId: await unitIdOf(db, 'LC-TP-TANPHONG') })).id;
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

describe('no session', () => {
  it('is looked up, asked for or given on any public route', async () => {
    const before = sessionLookups.n;
    const urls = [`/niem-yet/${noticeId}`, '/niem-yet/altcha/challenge', '/niem-yet/altcha/altcha.js', '/niem-yet/altcha/setup.js', '/niem-yet/999999'];
    for (const url of urls) {
      const res = await get(url, { cookie: 'kdc_session=forged' });
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.headers['set-cookie'], url).toBeUndefined();
    }
    const sent = await postComment(server.app, noticeId, { registrationId: tdp08, body: 'Không cần tài khoản.' }, { ip: '198.51.100.1' });
    expect(sent.statusCode).toBe(303);
    expect(sessionLookups.n).toBe(before);
    await get('/api/auth/me');
    expect(sessionLookups.n).toBe(before + 1);
  });

  it('the page carries the Content-Security-Policy: own scripts only, never framed', async () => {
    const res = await get(`/niem-yet/${noticeId}`);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc="\/niem-yet\/altcha\/)/);
  });
});

describe('nothing private through the public routes', () => {
  it('no commenter’s name or phone, no evidence file, no officer, no area not proposed', async () => {
    const sent = await postComment(
      server.app,
      noticeId,
      { registrationId: tdp05, body: 'Đường làng sạch sẽ.', name: 'Nguyễn Văn Bí Mật', phone: '0911222333' },
      { ip: '198.51.100.2' },
    );
    expect(sent.statusCode).toBe(303);
    const page = (await get(`/niem-yet/${noticeId}`)).body;
    expect(page).toContain('Đường làng sạch sẽ.');
    for (const secret of ['Nguyễn Văn Bí Mật', '0911222333', 'bien-ban-rieng-tu', '/api/', 'thamdinh', 'demo1234', 'Tổ dân phố số 9<'])
      expect(page).not.toContain(secret);
    expect(page).not.toContain(`kdc-${tdp09}`);
  });

  it('answers a stranger’s guesses with a plain 404: other ids, paths, files', async () => {
    for (const url of [
      '/niem-yet/0',
      '/niem-yet/abc',
      '/niem-yet/99999999999',
      '/niem-yet/altcha/..%2F..%2Fpackage.json',
      '/niem-yet/altcha/constructor',
      '/niem-yet/altcha/argon2id.js',
    ])
      expect((await get(url)).statusCode, url).toBe(404);
    const widget = await get('/niem-yet/altcha/altcha.js');
    expect(widget.statusCode).toBe(200);
    expect(widget.headers['content-type']).toContain('javascript');
    const off = await postComment(server.app, noticeId, { registrationId: tdp09, body: 'Khu không niêm yết.' }, { ip: '198.51.100.3' });
    expect(off.statusCode).toBe(404);
    const before = await comments();
    expect((await postComment(server.app, 424242, { registrationId: tdp05, body: 'Không có thông báo.' }, { ip: '198.51.100.3' })).statusCode).toBe(404);
    expect(await comments()).toBe(before);
  });
});

describe('abuse', () => {
  it('refuses a comment without our solved captcha, before storing anything; a solved one is good once', async () => {
    const before = await comments();
    const fields = { registrationId: tdp05, body: 'Thư rác?' };
    expect((await postComment(server.app, noticeId, fields, { altcha: null, ip: '198.51.100.4' })).statusCode).toBe(403);
    expect((await postComment(server.app, noticeId, fields, { altcha: 'bm90IGEgcGF5bG9hZA==', ip: '198.51.100.4' })).statusCode).toBe(403);
    const foreign = await solvedPayload(await createCaptcha('another-server-secret-123').challenge());
    expect((await postComment(server.app, noticeId, fields, { altcha: foreign, ip: '198.51.100.4' })).statusCode).toBe(403);
    expect(await comments()).toBe(before);
    const once = await solvedCaptcha(server.app);
    expect((await postComment(server.app, noticeId, fields, { altcha: once, ip: '198.51.100.4' })).statusCode).toBe(303);
    const replay = await postComment(server.app, noticeId, fields, { altcha: once, ip: '198.51.100.5' });
    expect(replay.statusCode).toBe(409);
    expect(await comments()).toBe(before + 1);
  });

  it('limits comments per address (5 in 10 minutes) and per area (30 an hour)', async () => {
    for (let i = 0; i < 5; i++)
      expect((await postComment(server.app, noticeId, { registrationId: tdp08, body: `Ý kiến ${i}` }, { ip: '192.0.2.50' })).statusCode).toBe(303);
    const sixth = await postComment(server.app, noticeId, { registrationId: tdp08, body: 'Ý kiến thứ sáu' }, { ip: '192.0.2.50' });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['retry-after']).toBe('600');
    expect(sixth.body).toContain('Bạn đã gửi nhiều ý kiến trong thời gian ngắn');
    expect((await postComment(server.app, noticeId, { registrationId: tdp08, body: 'Người khác' }, { ip: '192.0.2.51' })).statusCode).toBe(303);
    // Thirty comments on TDP 5 within the hour (from as many addresses): the next waits.
    const already = (await server.db.select({ n: count() }).from(noticeComments).where(eq(noticeComments.registrationId, tdp05)))[0]!.n;
    await server.db.insert(noticeComments).values(
      Array.from({ length: 30 - already }, (_, i) => ({
        noticeId,
        registrationId: tdp05,
        body: `Ý kiến ${i}`,
        senderKey: `k${i}`,
        challengeId: `flood-${i}`,
      })),
    );
    const flooded = await postComment(server.app, noticeId, { registrationId: tdp05, body: 'Một nữa' }, { ip: '192.0.2.60' });
    expect(flooded.statusCode).toBe(429);
    expect(flooded.body).toContain('vừa nhận nhiều ý kiến');
  });

  it('limits captcha challenges (30) and page views (120) per address and minute', async () => {
    const from = (ip: string, url: string) => server.app.inject({ method: 'GET', url, remoteAddress: ip });
    for (let i = 0; i < 30; i++) expect((await from('192.0.2.90', '/niem-yet/altcha/challenge')).statusCode).toBe(200);
    const over = await from('192.0.2.90', '/niem-yet/altcha/challenge');
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await from('192.0.2.91', '/niem-yet/altcha/challenge')).statusCode).toBe(200);
    for (let i = 0; i < 120; i++) await from('192.0.2.92', `/niem-yet/${noticeId}`);
    const tooMany = await from('192.0.2.92', `/niem-yet/${noticeId}`);
    expect(tooMany.statusCode).toBe(429);
    expect(tooMany.body).toContain('Quá nhiều yêu cầu');
  });

  it('refuses a comment too long or a form too big, in Vietnamese', async () => {
    const long = await postComment(server.app, noticeId, { registrationId: tdp08, body: 'a'.repeat(2001) }, { ip: '192.0.2.70' });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Ý kiến dài tối đa 2.000 ký tự');
    const huge = await server.app.inject({
      method: 'POST',
      url: `/niem-yet/${noticeId}/y-kien`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `body=${'a'.repeat(20_000)}`,
    });
    expect(huge.statusCode).toBe(413);
  });

  it('shows a script in a comment as text, never as markup; one with a link waits unseen', async () => {
    const attack = `<script>alert(1)</script><img src=x onerror="alert(2)"> "' &`;
    expect((await postComment(server.app, noticeId, { registrationId: tdp08, body: attack }, { ip: '192.0.2.80' })).statusCode).toBe(303);
    const link = await postComment(server.app, noticeId, { registrationId: tdp08, body: 'Xem thêm tại http://lua-dao.example' }, { ip: '192.0.2.81' });
    expect(link.headers.location).toContain('gui=cho-duyet');
    const page = (await get(`/niem-yet/${noticeId}`)).body;
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &quot;&#39; &amp;');
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('lua-dao');
  });
});
