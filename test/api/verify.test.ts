/**
 * Issue 14, item 4 — verifiable certificates and decisions, end to end
 * through HTTP: the certificates DOCX a city officer downloads carries one QR
 * per page; decoded from the picture, it opens (with no session) the
 * verification page of that very area; a changed code gets "không tìm
 * thấy"; after a revocation is issued the same page says the title was
 * revoked, and so does the issued decisions' own QR. A draft decision carries
 * no QR. Runs on PGlite and on PostgreSQL (npm run test:pg).
 */
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recognitions } from '../../src/db/schema';
import { VERIFY_ALPHABET } from '../../src/core/verify/code';
import { qrCodesOfDocx } from '../support/qr';
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

/** What a phone does with a scanned address: a plain GET, no cookie. */
const open = (url: string) => {
  const { pathname } = new URL(url);
  return server.app.inject({ method: 'GET', url: pathname, remoteAddress: '198.51.100.7' });
};
const codeOf = (url: string) => new URL(url).pathname.split('/').at(-1)!;
/** One character changed to another of the alphabet: the code of nothing. */
const altered = (code: string) => {
  const i = 4;
  const next = VERIFY_ALPHABET[(VERIFY_ALPHABET.indexOf(code[i]!) + 1) % VERIFY_ALPHABET.length]!;
  return code.slice(0, i) + next + code.slice(i + 1);
};
const ddOf = (html: string, label: string) => html.match(new RegExp(`<dt>${label}[^<]*</dt><dd>([^<]*)</dd>`))?.[1];

describe('the QR of a certificate', () => {
  let qrs: Awaited<ReturnType<typeof qrCodesOfDocx>>;
  beforeAll(async () => {
    const res = await thanhpho.get('/api/programs/laichau-tqpttd/reports/giay-cong-nhan?year=2024');
    expect(res.statusCode).toBe(200);
    qrs = await qrCodesOfDocx(res.rawPayload);
  });

  it('is on every certificate, with the code in words, and leads to this site', async () => {
    const xml = await (
      await JSZip.loadAsync((await thanhpho.get('/api/programs/laichau-tqpttd/reports/giay-cong-nhan?year=2024')).rawPayload)
    )
      .file('word/document.xml')!
      .async('string');
    const pages = xml.split('<w:sectPr').length - 1;
    expect(pages).toBeGreaterThan(30); // 35 areas recognised in 2024 (seed 004)
    expect(qrs).toHaveLength(pages);
    expect(new Set(qrs.map((q) => q.text)).size).toBe(qrs.length);
    for (const q of qrs) {
      expect(q.text).toMatch(/^http:\/\/localhost(:80)?\/xac-minh\/[0-9A-HJKMNP-TV-Z]{10}$/);
      const code = codeOf(q.text);
      expect(q.sectionText.replace(/\s/g, '')).toContain(`Mãxácminh:${code.slice(0, 5)}-${code.slice(5)}`);
    }
  });

  it('opens, with no session, the verification page of that very area', async () => {
    for (const q of qrs.slice(0, 5)) {
      const res = await open(q.text);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['set-cookie']).toBeUndefined();
      const area = ddOf(res.body, 'Khu dân cư')!;
      expect(area).toBeTruthy();
      // The area, the title and the year of the page are those printed on the certificate the QR sits on.
      expect(q.sectionText).toContain(area);
      expect(q.sectionText).toContain(`"${ddOf(res.body, 'Danh hiệu')}" năm 2024`);
      expect(ddOf(res.body, 'Năm')).toBe('2024');
      expect(ddOf(res.body, 'Công nhận theo')).toContain('2456/QĐ-UBND');
      expect(res.body).toContain('danh hiệu còn hiệu lực');
      expect(res.body).not.toContain('đã bị thu hồi');
    }
  });

  it('names where the area stood that year', async () => {
    const res = await server.app.inject({ method: 'GET', url: `/api/public/verify/${codeOf(qrs[0]!.text)}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'certificate', year: 2024, decision: { number: '2456/QĐ-UBND' }, revoked: null });
    expect(body.place.join(', ')).toMatch(/^(Phường|Xã) .+, Thành phố Lai Châu/);
  });

  it('a changed code gets "không tìm thấy"', async () => {
    const code = codeOf(qrs[0]!.text);
    const res = await open(qrs[0]!.text.replace(code, altered(code)));
    expect(res.statusCode).toBe(404);
    expect(res.body.toLocaleLowerCase('vi')).toContain('không tìm thấy');
    expect(res.body).not.toContain('<dt>Khu dân cư');
    const json = await server.app.inject({ method: 'GET', url: `/api/public/verify/${altered(code)}` });
    expect(json.statusCode).toBe(404);
    expect(json.json().error.message.toLocaleLowerCase('vi')).toContain('không tìm thấy');
  });

  it('a code typed by hand, in lower case with a dash, finds the same page', async () => {
    const code = codeOf(qrs[0]!.text);
    const typed = `${code.slice(0, 5)}-${code.slice(5)}`.toLowerCase();
    const redirect = await server.app.inject({ method: 'GET', url: `/xac-minh?ma=${encodeURIComponent(typed)}` });
    expect(redirect.statusCode).toBe(303);
    expect(redirect.headers.location).toBe(`/xac-minh/${code}`);
    expect((await server.app.inject({ method: 'GET', url: `/xac-minh/${typed}` })).statusCode).toBe(200);
  });

  it('after a revocation, the same QR says the title was revoked, by which decision', async () => {
    const url = qrs[1]!.text;
    const code = codeOf(url);
    const [recognition] = await server.db.select().from(recognitions).where(eq(recognitions.verifyCode, code));
    const draft = await thanhpho.post('/api/programs/laichau-tqpttd/revocations', {
      year: 2024,
      titleCode: recognition!.titleCode,
      number: '915/QĐ-UBND',
      issuedOn: '2026-11-25',
      signer: 'Nguyễn Văn A',
      issuingBody: 'Ủy ban nhân dân thành phố Lai Châu',
      reason: 'Để xảy ra điểm nóng về ma túy',
      recognitionIds: [recognition!.id],
    });
    expect(draft.statusCode).toBe(201);
    const decisionId = draft.json().id as number;

    // A draft is not a decision: its document has no QR, and the title still stands.
    const draftDocx = await thanhpho.get(`/api/decisions/${decisionId}/document`);
    expect(await qrCodesOfDocx(draftDocx.rawPayload)).toHaveLength(0);
    expect((await open(url)).body).not.toContain('Danh hiệu đã bị thu hồi');

    expect((await thanhpho.post(`/api/decisions/${decisionId}/issue`)).statusCode).toBe(200);
    const page = await open(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Danh hiệu đã bị thu hồi');
    expect(page.body).toContain('915/QĐ-UBND');
    expect(page.body).toContain('25/11/2026');
    expect(page.body).not.toContain('danh hiệu còn hiệu lực');
    expect(page.body).not.toContain('ma túy'); // the reason is not the public page's to tell
    expect(page.body).not.toContain('Nguyễn Văn A');
    const json = (await server.app.inject({ method: 'GET', url: `/api/public/verify/${code}` })).json();
    expect(json.revoked).toEqual({ number: '915/QĐ-UBND', date: '2026-11-25', issuer: 'Ủy ban nhân dân thành phố Lai Châu' });

    // The revoking decision's own QR: its page lists the area whose title it withdrew.
    const revocationQrs = await qrCodesOfDocx((await thanhpho.get(`/api/decisions/${decisionId}/document`)).rawPayload);
    expect(revocationQrs).toHaveLength(1);
    const revocationPage = await open(revocationQrs[0]!.text);
    expect(revocationPage.statusCode).toBe(200);
    expect(revocationPage.body).toContain('Xác minh quyết định thu hồi danh hiệu');
    expect(revocationPage.body).toContain(ddOf(page.body, 'Khu dân cư')!);
  });

  it("the recognising decision's QR lists its areas and marks the revoked one", async () => {
    const res = await thanhpho.get('/api/programs/laichau-tqpttd/reports/quyet-dinh?year=2024');
    const found = await qrCodesOfDocx(res.rawPayload);
    expect(found).toHaveLength(1);
    const page = await open(found[0]!.text);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2456/QĐ-UBND');
    expect(page.body).toContain('Bản Lò Suối Tùng');
    expect(page.body).toMatch(/1 khu dân cư trong quyết định này đã bị thu hồi danh hiệu/);
    expect(page.body).toContain('Danh hiệu đã bị thu hồi theo Quyết định số 915/QĐ-UBND ngày 25/11/2026');
  });
});

describe('the public address', () => {
  it('comes from KDC_PUBLIC_URL when set', async () => {
    const { createServer } = await import('../../src/server/app');
    const { readEnv } = await import('../../src/server/env');
    const app = await createServer({
      database: { db: server.db, close: async () => undefined } as never,
      env: readEnv({ KDC_PUBLIC_URL: 'https://kdc.laichau.example.vn/' }),
      demo: false,
      webRoot: '/nonexistent',
    });
    try {
      const officer = await loginAs(app, 'thanhpho');
      const found = await qrCodesOfDocx((await officer.get('/api/programs/laichau-tqpttd/reports/giay-cong-nhan?year=2024')).rawPayload);
      expect(found[0]!.text).toMatch(/^https:\/\/kdc\.laichau\.example\.vn\/xac-minh\/[0-9A-Z]{10}$/);
      expect(found[0]!.sectionText).toContain('Tra cứu tại https://kdc.laichau.example.vn/xac-minh');
    } finally {
      await app.close();
    }
  });

  it('refuses a KDC_PUBLIC_URL that is not an address', async () => {
    const { readEnv } = await import('../../src/server/env');
    expect(() => readEnv({ KDC_PUBLIC_URL: 'kdc.example.vn' })).toThrow(/KDC_PUBLIC_URL/);
    expect(() => readEnv({ KDC_PUBLIC_URL: 'https://x.vn/?a=1' })).toThrow(/KDC_PUBLIC_URL/);
  });
});
