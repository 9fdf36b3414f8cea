/**
 * Issue 14, item 4 — the public verification routes' own abuse tests
 * (/xac-minh/:code, /xac-minh?ma=…, /api/public/verify/:code):
 * - no session needed, none set, and none looked up (the sessions table is
 *   never read for them, even with a session cookie; a private route reads it);
 * - a rate limit per client address, in the database, shared by the page and
 *   the JSON, not reset by a forged X-Forwarded-For;
 * - only what the paper prints: no score, evidence, reason, person or id; a
 *   draft decision's code, an altered code and garbage all get the same
 *   "không tìm thấy"; nothing private is reachable under /api/public/;
 * - names are HTML-escaped, the page has no script and is served under the
 *   site's CSP, never cached, not indexed.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERIFY_RATE_LIMIT } from '../../src/app/limits';
import { countRequest } from '../../src/app/public/rate-limit';
import { figuresRevisionNow } from '../../src/app/reports/memo';
import { decisions, programs, rateCounters, recognitions, sessions, units } from '../../src/db/schema';
import { createServer } from '../../src/server/app';
import { readEnv } from '../../src/server/env';
import { DEMO_USERS } from '../../src/demo/users';
import { demoServer, loginAs } from '../support/server';

let server: Awaited<ReturnType<typeof demoServer>>;
let code: string;
let unitId: number;
let recognition: { id: number; titleCode: string };
beforeAll(async () => {
  server = await demoServer();
  // A title of Lai Châu's programme given by its 2024 decision.
  const [r] = await server.db
    .select({ id: recognitions.id, verifyCode: recognitions.verifyCode, unitId: recognitions.unitId, titleCode: recognitions.titleCode })
    .from(recognitions)
    .innerJoin(decisions, eq(decisions.id, recognitions.decisionId))
    .innerJoin(programs, eq(programs.id, recognitions.programId))
    .where(and(eq(recognitions.year, 2024), eq(programs.code, 'laichau-tqpttd'), eq(decisions.number, '2456/QĐ-UBND')))
    .limit(1);
  code = r!.verifyCode;
  unitId = r!.unitId;
  recognition = r!;
});
afterAll(async () => {
  await server?.close();
});

let address = 0;
/** A fresh client address per test, so the rate limit of one test does not spill into the next. */
const nextAddress = () => `203.0.113.${++address}`;
const get = (url: string, remoteAddress = nextAddress(), headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'GET', url, remoteAddress, headers });

describe('no session', () => {
  it('the page and the JSON answer anyone, and set no cookie', async () => {
    for (const url of [`/xac-minh/${code}`, `/api/public/verify/${code}`]) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('a session cookie changes nothing', async () => {
    const officer = await loginAs(server.app, 'thanhpho');
    const signedIn = await officer.request({ method: 'GET', url: `/api/public/verify/${code}`, remoteAddress: nextAddress() });
    expect(signedIn.json()).toEqual((await get(`/api/public/verify/${code}`)).json());
  });
});

describe('only what the paper prints', () => {
  it('the JSON has exactly the printed facts', async () => {
    const body = (await get(`/api/public/verify/${code}`)).json();
    expect(Object.keys(body).sort()).toEqual(
      ['areaName', 'code', 'decision', 'kind', 'place', 'placeNow', 'programName', 'revoked', 'status', 'statusLabel', 'titleName', 'year'].sort(),
    );
    expect(Object.keys(body.decision).sort()).toEqual(['date', 'issuer', 'number']);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/"(id|unitId|registrationId|decisionId|score|points|verdict|evidence|reward\w*|signer|reason)"/);
  });

  it("no user's name, no score, no evidence on the page", async () => {
    const page = (await get(`/xac-minh/${code}`)).body;
    for (const u of DEMO_USERS) expect(page).not.toContain(u.displayName);
    expect(page).not.toMatch(/điểm|minh chứng|đạt\s*\/|tiêu chí|<script/i);
  });

  it('the code of a draft decision is "không tìm thấy"', async () => {
    const officer = await loginAs(server.app, 'thanhpho');
    const draft = await officer.post('/api/programs/laichau-tqpttd/revocations', {
      year: 2024,
      titleCode: recognition.titleCode,
      number: '990/QĐ-UBND',
      issuedOn: '2026-11-30',
      signer: 'X',
      issuingBody: 'UBND',
      reason: 'Thử',
      recognitionIds: [recognition.id],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const [row] = await server.db.select().from(decisions).where(eq(decisions.id, draft.json().id));
    const res = await get(`/xac-minh/${row!.verifyCode}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Không tìm thấy');
    expect((await get(`/api/public/verify/${row!.verifyCode}`)).statusCode).toBe(404);
    // and the draft revoked nothing
    expect((await get(`/xac-minh/${code}`)).body).not.toContain('Danh hiệu đã bị thu hồi');
  });

  it('garbage, overlong and crafted codes: the same "không tìm thấy", nothing echoed raw', async () => {
    // (A NUL is refused before routing, like everywhere: 400.)
    expect((await get('/xac-minh/%00')).statusCode).toBe(400);
    for (const bad of ['x', '0000000000', 'ZZZZZZZZZZ', "'%20OR%201=1--", '%3Cimg%20src=x%20onerror=alert(1)%3E', 'A'.repeat(90)]) {
      const page = await get(`/xac-minh/${bad}`);
      expect(page.statusCode, bad).toBe(404);
      expect(page.body).toContain('Không tìm thấy');
      expect(page.body).not.toMatch(/<img|onerror=|OR 1=1/);
      const json = await get(`/api/public/verify/${bad}`);
      expect([400, 404]).toContain(json.statusCode);
    }
    const long = await get(`/xac-minh/${'A'.repeat(500)}`);
    expect([404, 414]).toContain(long.statusCode);
    // The form's redirect keeps only letters, digits and dashes.
    const redirect = await get(`/xac-minh?ma=${encodeURIComponent('<b>gọi 0912345678</b>')}`);
    expect(redirect.statusCode).toBe(303);
    expect(redirect.headers.location).toMatch(/^\/xac-minh\/[0-9A-Za-z-]+$/);
  });

  it('nothing private under /api/public/ or through it', async () => {
    for (const url of [
      '/api/public/',
      '/api/public/verify',
      '/api/public/programs',
      '/api/public/../programs/laichau-tqpttd/decisions?year=2024',
      '/api/public/%2e%2e/programs/laichau-tqpttd/decisions?year=2024',
      `/api/public/verify/${code}/../../programs/laichau-tqpttd/decisions`,
      '/api/public/verify/..%2f..%2fdecisions%2f1',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).not.toBe(200);
      expect(res.body, url).not.toContain('2456/QĐ-UBND');
    }
    // The private routes behind them still want a session.
    expect((await get('/api/programs/laichau-tqpttd/decisions?year=2024')).statusCode).toBe(401);
    expect((await get('/api/programs/laichau-tqpttd/recognitions?year=2024')).statusCode).toBe(401);
  });
});

describe('escaping and headers', () => {
  it("an area's name is shown as text, never as markup", async () => {
    const [before] = await server.db.select().from(units).where(eq(units.id, unitId));
    await server.db.update(units).set({ name: `<script>alert("x")</script> & 'TDP'` }).where(eq(units.id, unitId));
    try {
      const res = await get(`/xac-minh/${code}`);
      expect(res.body).not.toContain('<script>');
      expect(res.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;TDP&#39;');
      expect((await get(`/api/public/verify/${code}`)).json().areaName).toBe(`<script>alert("x")</script> & 'TDP'`);
    } finally {
      await server.db.update(units).set({ name: before!.name }).where(eq(units.id, unitId));
    }
  });

  it('served under the CSP, framed by nobody, not indexed, not cached, no script', async () => {
    const res = await get(`/xac-minh/${code}`);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-robots-tag']).toBe('noindex');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toMatch(/<script|javascript:|\son\w+=/i);
    expect(res.body).toContain('<html lang="vi">');
    expect(res.body).toContain('name="viewport"');
  });
});

describe('rate limit', () => {
  it(`${VERIFY_RATE_LIMIT.max} a minute from one address, page and JSON together; then 429 with Retry-After`, async () => {
    const ip = nextAddress();
    // Start well inside a window, so that all of this is counted in one.
    const left = VERIFY_RATE_LIMIT.windowSeconds * 1000 - (Date.now() % (VERIFY_RATE_LIMIT.windowSeconds * 1000));
    if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 200));
    const urls = Array.from({ length: VERIFY_RATE_LIMIT.max }, (_, i) => (i % 2 ? `/xac-minh/${code}` : `/api/public/verify/${code}`));
    const statuses = [];
    for (const url of urls) statuses.push((await get(url, ip)).statusCode);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const page = await get(`/xac-minh/${code}`, ip);
    expect(page.statusCode).toBe(429);
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
    expect(page.body).toContain('Quá nhiều lượt tra cứu');
    const json = await get(`/api/public/verify/${code}`, ip);
    expect(json.statusCode).toBe(429);
    expect(json.json().error.code).toBe('rate-limited');
    // Garbage codes count too: guessing is no cheaper than asking.
    expect((await get('/xac-minh/ZZZZZZZZZZ', ip)).statusCode).toBe(429);
    // Another address is not held back, and a forged X-Forwarded-For does not make a new one (KDC_TRUST_PROXY unset).
    expect((await get(`/xac-minh/${code}`)).statusCode).toBe(200);
    expect((await get(`/xac-minh/${code}`, ip, { 'x-forwarded-for': '192.0.2.99' })).statusCode).toBe(429);
  });

  it('counting a request does not move the figures revision (no cached summary is thrown away)', async () => {
    const before = await figuresRevisionNow(server.db);
    expect((await get(`/xac-minh/${code}`)).statusCode).toBe(200);
    expect(await figuresRevisionNow(server.db)).toBe(before);
  });

  it('counts in the database, per fixed window, so it holds across instances', async () => {
    const policy = { max: 2, windowSeconds: 60 };
    const t = Date.UTC(2026, 11, 2, 10, 0, 10);
    expect(await countRequest(server.db, 'test:k', policy, t)).toEqual({ allowed: true });
    expect(await countRequest(server.db, 'test:k', policy, t + 1000)).toEqual({ allowed: true });
    expect(await countRequest(server.db, 'test:k', policy, t + 2000)).toEqual({ allowed: false, retryAfterSeconds: 48 });
    expect(await countRequest(server.db, 'test:k', policy, t + 50_000)).toEqual({ allowed: true });
    const [row] = await server.db.select().from(rateCounters).where(eq(rateCounters.key, 'test:k'));
    expect(row!.hits).toBe(3);
    // Concurrent requests never lose a count.
    await Promise.all(Array.from({ length: 20 }, () => countRequest(server.db, 'test:c', { max: 100, windowSeconds: 3600 }, t)));
    const [c] = await server.db.select().from(rateCounters).where(eq(rateCounters.key, 'test:c'));
    expect(c!.hits).toBe(20);
  });
});

describe('no session lookup', () => {
  it('the public routes never read the sessions table, even with a session cookie; a private route does', async () => {
    // The same database, watched: every SELECT … FROM sessions is noted (resolveSession is the only one).
    const looked: string[] = [];
    const watched = new Proxy(server.db, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        if (prop !== 'select') return value.bind(target);
        return (...args: unknown[]) => {
          const builder = value.apply(target, args) as { from: (table: unknown, ...rest: unknown[]) => unknown };
          const from = builder.from.bind(builder);
          builder.from = (table, ...rest) => {
            if (table === sessions) looked.push(String(prop));
            return from(table, ...rest);
          };
          return builder;
        };
      },
    });
    const app = await createServer({
      database: { db: watched, close: async () => undefined } as never,
      env: readEnv({}),
      demo: false,
      webRoot: '/nonexistent',
    });
    try {
      const officer = await loginAs(app, 'thanhpho');
      const ip = nextAddress();
      for (const url of [`/xac-minh/${code}`, `/api/public/verify/${code}`, '/api/health', '/xac-minh?ma=abc']) {
        looked.length = 0;
        const res = await officer.request({ method: 'GET', url, remoteAddress: ip });
        expect(res.statusCode, url).toBeLessThan(400);
        expect(looked, url).toEqual([]);
      }
      expect((await officer.request({ method: 'GET', url: '/api/auth/me', remoteAddress: ip })).statusCode).toBe(200);
      expect(looked).toEqual(['select']);
    } finally {
      await app.close();
    }
  });
});
