/**
 * Issue 12, finding 14: malformed input is a 400 with a Vietnamese message,
 * never a 500 — a NUL character in any text field (body, query, path), ids
 * past PostgreSQL's integer range in a path, a `unit=` query or bulk `ids`,
 * an empty PATCH of a user, a multipart body cut short.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'light-my-request';
import { demoServer, loginAs, type Client } from '../support/server';

let server: Awaited<ReturnType<typeof demoServer>>;
let thanhpho: Client;
let admin: Client;
beforeAll(async () => {
  server = await demoServer();
  thanhpho = await loginAs(server.app, 'thanhpho');
  admin = await loginAs(server.app, 'admin');
});
afterAll(async () => {
  await server?.close();
});

const VIETNAMESE = /[ăâđêôơưạảãáàếềệóòọỏõúùụủũíìịỉĩýỳỵỷỹ]/i;
function expect400(res: Response, label: string) {
  expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBe(400);
  expect(res.json().error.message, label).toMatch(VIETNAMESE);
}

const BIG = 2 ** 31;

describe('a NUL character in any text field', () => {
  it('is refused in JSON bodies, wherever it sits, naming the field', async () => {
    const bad = [
      [
        '/api/programs/laichau-tqpttd/documents-issued',
        { year: 2024, unitId: 1, issuer: 'UBND\u0000', docType: 'Kế hoạch', number: '1/KH', issuedOn: '2024-01-02', summary: 'x' },
      ],
      ['/api/reorganizations', { kind: 'rename', date: '2026-01-01', unit: 'LC-TP-TANPHONG-TDP05', name: 'Tổ\u0000 5' }],
      ['/api/registrations/bulk-actions', { ids: [1], action: 'submit', reason: 'a\u0000' }],
    ] as const;
    for (const [url, payload] of bad) {
      const res = await thanhpho.post(url, payload);
      expect400(res, url);
      expect(res.json().error.message).toContain('NUL');
    }
    const nested = await admin.request({ method: 'PATCH', url: '/api/users/2', payload: { displayName: 'Cán bộ\u0000' } });
    expect400(nested, 'PATCH user');
    expect(nested.json().error.message).toContain('displayName');
    const key = await thanhpho.request({
      method: 'PUT',
      url: '/api/registrations/1/scorecard',
      payload: { stage: 'self', values: { '1.1\u0000': { value: true } } },
    });
    expect400(key, 'scorecard key');
  });

  it('is refused in query strings and paths', async () => {
    expect400(await thanhpho.get('/api/units?q=t%00n'), 'unit search');
    expect400(await thanhpho.get('/api/programs/laichau%00/summary?year=2024'), 'programme code');
    expect400(await thanhpho.get('/api/programs/laichau-tqpttd/areas?year=2026&status=a%00'), 'status filter');
  });
});

describe('ids past PostgreSQL integers', () => {
  it('are refused in paths, unit= queries and bulk ids', async () => {
    for (const url of [
      `/api/units/${BIG}`,
      `/api/registrations/${BIG}`,
      `/api/evidence/${BIG}`,
      `/api/decisions/${BIG}`,
      `/api/areas/${BIG}`,
      `/api/programs/laichau-tqpttd/summary?year=2024&unit=${BIG}`,
      `/api/programs/laichau-tqpttd/areas?year=2026&unit=${BIG}`,
      `/api/audit?unit=${BIG}`,
      `/api/programs/laichau-tqpttd/decisions?year=${BIG}`,
      `/api/imports/templates/units?unit=${BIG}`,
    ]) {
      expect400(await thanhpho.get(url), url);
    }
    expect400(await thanhpho.post('/api/registrations/bulk-actions', { ids: [1, BIG], action: 'submit' }), 'bulk ids');
    expect400(await thanhpho.post('/api/programs/laichau-tqpttd/contributions', { year: 2024, unitId: BIG, budgetAmount: 1 }), 'unitId');
    expect400(await thanhpho.post('/api/rewards-paid', { recognitionId: BIG, amount: 1, paidOn: '2024-11-20' }), 'recognitionId');
    // The largest integer is still an id: simply not found.
    expect((await thanhpho.get(`/api/units/${BIG - 1}`)).statusCode).toBe(404);
  });
});

describe('other malformed requests', () => {
  it('PATCH /api/users/:id with nothing to change', async () => {
    const res = await admin.request({ method: 'PATCH', url: '/api/users/2', payload: {} });
    expect400(res, 'empty PATCH');
    expect(res.json().error.message).toContain('cần ít nhất một thay đổi');
  });

  it('a multipart body cut short', async () => {
    const boundary = '----kdc-cut';
    const whole = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\ncode,name,kind,parent\nX,Y,xã,LC-TP\r\n--${boundary}--\r\n`;
    const cut = whole.slice(0, whole.indexOf('code,name') + 12);
    for (const url of ['/api/imports/units', '/api/registrations/1/evidence']) {
      const res = await thanhpho.request({ method: 'POST', url, payload: cut, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
      expect400(res, url);
    }
  });
});
