/** Login, sessions, CSRF, and unit search within scope — through HTTP. Throttling: test/security/login.test.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, loginAs } from '../support/server';

let server: Awaited<ReturnType<typeof demoServer>>;
beforeAll(async () => {
  server = await demoServer();
});
afterAll(async () => {
  await server?.close();
});

describe('health and OpenAPI', () => {
  it('GET /api/health answers ok', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('describes the API at /api/openapi.json', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/units', '/api/units/{id}']));
  });
});

describe('login', () => {
  it('gives an http-only, SameSite session cookie and 401 on bad credentials', async () => {
    const ok = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tanphong', password: 'demo1234' } });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === 'kdc_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(ok.json().user.username).toBe('tanphong');
    expect(ok.json().csrfToken).toEqual(expect.any(String));

    const bad = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tanphong', password: 'sai-mat-khau' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
  });

  it('explains a malformed request in Vietnamese', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('Vui lòng nhập tên đăng nhập');
  });

  it('refuses requests without a session, and changes without the CSRF token', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/units?q=tan' })).statusCode).toBe(401);
    const client = await loginAs(server.app, 'thanhpho');
    const withoutToken = await client.request({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': 'sai' } });
    expect(withoutToken.statusCode).toBe(403);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    // Signed out is an answer, not an error: a first visit must not log a 401 in the browser's console.
    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: null, csrfToken: null });
  });
});

describe('unit search ignores case and diacritics, within scope', () => {
  it('"tan phong" finds Phường Tân Phong; "to dan pho so 5" finds Tổ dân phố số 5', async () => {
    const client = await loginAs(server.app, 'thanhpho');
    const wards = (await client.get('/api/units?q=tan%20phong')).json() as Array<{ name: string; kind: string }>;
    expect(wards.map((u) => u.name)).toContain('Phường Tân Phong');
    const tdp = (await client.get(`/api/units?q=${encodeURIComponent('to dan pho so 5')}`)).json() as Array<{ name: string; id: number; parentId: number }>;
    expect(tdp.some((u) => u.name === 'Tổ dân phố số 5')).toBe(true);
    expect(Object.keys(tdp[0]!).sort()).toEqual(['closed', 'id', 'kind', 'name', 'parentId', 'parentName']);
    // Every ward has a "Tổ dân phố số 5": the ward's name tells them apart.
    expect(tdp.filter((u) => u.name === 'Tổ dân phố số 5').map((u) => (u as unknown as { parentName: string }).parentName)).toEqual(
      expect.arrayContaining(['Phường Tân Phong', 'Phường Đoàn Kết']),
    );
    const sung = (await client.get('/api/units?q=SUNG%20PHAI')).json() as Array<{ name: string }>;
    expect(sung.some((u) => u.name.includes('Sùng Phài'))).toBe(true);
  });

  it('tanphong sees nothing of Đoàn Kết, and gets 404 for its units', async () => {
    const admin = await loginAs(server.app, 'admin');
    const dk = ((await admin.get(`/api/units?q=${encodeURIComponent('Đoàn Kết')}`)).json() as Array<{ id: number; kind: string }>).find(
      (u) => u.kind === 'phuong',
    )!;
    const client = await loginAs(server.app, 'tanphong');
    const found = (await client.get(`/api/units?q=${encodeURIComponent('đoàn kết')}`)).json() as unknown[];
    expect(found).toEqual([]);
    const res = await client.get(`/api/units/${dk.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Không tìm thấy đơn vị');
    expect((await admin.get(`/api/units/${dk.id}`)).statusCode).toBe(200);
  });
});
