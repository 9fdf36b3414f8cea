/**
 * Scope, endpoint by endpoint: logged in as `tanphong` (officer of phường
 * Tân Phong), every route of the OpenAPI description is called with the
 * units, registrations, files and users of phường Đoàn Kết, and must refuse
 * (403/404) or return nothing of Đoàn Kết. A route added later without a case
 * here fails the test, so the check cannot silently fall behind the API.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeEvidenceFile } from '../../src/app/cycle/evidence';
import { decisions, noticeComments, recognitions, registrations, units, users } from '../../src/db/schema';
import { demoServer, loginAs, type Client } from '../support/server';

let server: Awaited<ReturnType<typeof demoServer>>;
let tanphong: Client;
const dk = { ward: 0, area: 0, registration: 0, evidence: 0, user: 0, decision: 0, recognition: 0, comment: 0 };

beforeAll(async () => {
  server = await demoServer();
  const { db } = server;
  const [ward] = await db.select().from(units).where(eq(units.name, 'Phường Đoàn Kết'));
  const [area] = await db
    .select()
    .from(units)
    .where(and(like(units.path, `${ward!.path}%`), eq(units.kind, 'to-dan-pho')));
  const [reg] = await db.select().from(registrations).where(eq(registrations.unitId, area!.id));
  const doanket = await loginAs(server.app, 'doanket');
  const registrationId =
    reg?.id ??
    (await doanket.post('/api/programs/laichau-tqpttd/registrations', { unitId: area!.id, year: 2026, titleCode: 'tqpttd', selfManagementContents: [] })).json()
      .id;
  const file = await storeEvidenceFile(db, { registrationId, criterionCode: '1.1', filename: 'bien-ban.pdf', mimeType: 'application/pdf', uploadedBy: null }, [
    Buffer.from('%PDF'),
  ]);
  const [user] = await db.select().from(users).where(eq(users.username, 'doanket'));
  const [decision] = await db.select().from(decisions);
  const [recognition] = await db.select().from(recognitions).where(eq(recognitions.unitId, area!.id));
  // Đoàn Kết runs a programme of its own: another ward's officer may not see or change it.
  const own = await doanket.post('/api/programs', {
    code: 'doanket-kdc',
    name: 'Khu dân cư tự quản phường Đoàn Kết',
    ownerUnitId: ward!.id,
    criteriaSet: 'laichau-tqpttd',
    fromYear: 2026,
  });
  if (own.statusCode !== 201) throw new Error(`doanket-kdc: ${own.statusCode} ${own.body}`);
  const [comment] = await db
    .insert(noticeComments)
    .values({ noticeId: 1, registrationId, body: 'Ý kiến về Đoàn Kết', senderKey: 'scope', challengeId: 'scope' })
    .returning();
  Object.assign(dk, {
    comment: comment!.id,
    ward: ward!.id,
    area: area!.id,
    registration: registrationId,
    evidence: file!.id,
    user: user!.id,
    decision: decision!.id,
    recognition: recognition!.id,
  });
  tanphong = await loginAs(server.app, 'tanphong');
});
afterAll(async () => {
  await server?.close();
});

type Case = {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  expectList?: boolean;
  refused?: (body: Record<string, unknown>, status: number) => boolean;
};

/** A multipart upload of one CSV file, as the import screen sends it. */
function csvUpload(url: string, text: string): Case {
  const boundary = '----kdc-scope';
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`,
  );
  return {
    url,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    refused: (body, status) => status === 400 && JSON.stringify(body).includes('phạm vi') && !JSON.stringify(body).includes('Đoàn Kết'),
  };
}

/** What to send to each route so that it touches Đoàn Kết. */
function casesFor(method: string, path: string): Case[] | 'public' | null {
  const p = `${method} ${path}`;
  const year = 2026;
  const table: Record<string, Case[] | 'public'> = {
    'GET /api/health': 'public',
    // Anyone holding a printed certificate or decision (test/security/verify.test.ts).
    'GET /api/public/verify/{code}': 'public',
    'POST /api/auth/login': 'public',
    'POST /api/auth/logout': 'public',
    'GET /api/auth/me': 'public',
    // Acts only on the caller's own account.
    'POST /api/auth/password': 'public',
    'GET /api/units': [
      { url: `/api/units?q=${encodeURIComponent('Đoàn Kết')}`, expectList: true },
      { url: '/api/units?q=to%20dan%20pho', expectList: true },
    ],
    'GET /api/units/{id}': [{ url: `/api/units/${dk.ward}` }, { url: `/api/units/${dk.area}` }],
    'GET /api/units/{id}/children': [{ url: `/api/units/${dk.ward}/children` }],
    'GET /api/units/{id}/history': [{ url: `/api/units/${dk.area}/history` }],
    'GET /api/units/{id}/titles': [{ url: `/api/units/${dk.ward}/titles?year=2024` }, { url: `/api/units/${dk.area}/titles?year=2024` }],
    'GET /api/units/{id}/titles/file': [
      { url: `/api/units/${dk.ward}/titles/file?year=2024` },
      { url: `/api/units/${dk.ward}/titles/file?year=2024&format=xlsx` },
    ],
    'GET /api/programs': 'public',
    'GET /api/programs/{code}': 'public',
    'GET /api/programs/{code}/criteria': 'public',
    // The built-in sets, the same for everyone; no unit, programme or person in them.
    'GET /api/criteria-sets': 'public',
    // Reads only the file sent and stores nothing: no unit, programme or person of Đoàn Kết is touched.
    'POST /api/criteria/read': 'public',
    // The blank template, the same for everyone.
    'GET /api/criteria/template': 'public',
    'POST /api/programs': [
      { url: '/api/programs', payload: { code: 'ke-gian', name: 'Phong trào X', ownerUnitId: dk.ward, criteriaSet: 'laichau-tqpttd', fromYear: 2026 } },
    ],
    // Đoàn Kết's own programme is out of sight (404); the city's is in sight but not tanphong's to change (403).
    'PATCH /api/programs/{code}/settings': [
      { url: '/api/programs/doanket-kdc/settings', payload: { allowSameAssessor: true } },
      { url: '/api/programs/laichau-tqpttd/settings', payload: { issuingBody: 'Ủy ban nhân dân phường Tân Phong' } },
    ],
    'POST /api/programs/{code}/criteria-sets': [
      { url: '/api/programs/doanket-kdc/criteria-sets', payload: { criteriaSet: 'laichau-tqpttd', fromYear: 2026 } },
      { url: '/api/programs/laichau-tqpttd/criteria-sets', payload: { criteriaSet: 'laichau-tqpttd', fromYear: 2026 } },
    ],
    // The form of a programme out of sight is as absent as the programme (Bảo Lâm, Lâm Đồng, for a Lai Châu ward).
    'GET /api/programs/{code}/criteria/form': [{ url: '/api/programs/baolam-kdc/criteria/form?year=2025' }],
    'GET /api/programs/{code}/reports/{kind}': ['bao-cao', 'bang-tong-hop', 'quyet-dinh', 'thong-bao', 'giay-cong-nhan', 'danh-sach'].map((kind) => ({
      url: `/api/programs/laichau-tqpttd/reports/${kind}?year=2024&unit=${dk.ward}`,
    })),
    'GET /api/programs/{code}/summary': [{ url: `/api/programs/laichau-tqpttd/summary?year=2024&unit=${dk.ward}` }],
    'GET /api/programs/{code}/dashboard': [{ url: `/api/programs/laichau-tqpttd/dashboard?year=2024&unit=${dk.ward}` }],
    'GET /api/programs/{code}/areas': [
      { url: `/api/programs/laichau-tqpttd/areas?year=${year}&unit=${dk.ward}` },
      { url: `/api/programs/laichau-tqpttd/areas?year=${year}`, expectList: true },
    ],
    'POST /api/programs/{code}/registrations': [
      { url: '/api/programs/laichau-tqpttd/registrations', payload: { unitId: dk.area, year: 2027, titleCode: 'tqpttd', selfManagementContents: [] } },
    ],
    'GET /api/registrations/{id}': [{ url: `/api/registrations/${dk.registration}` }],
    'PUT /api/registrations/{id}/scorecard': [
      { url: `/api/registrations/${dk.registration}/scorecard`, payload: { stage: 'self', values: { '1.1': { value: true } } } },
    ],
    'POST /api/registrations/{id}/actions': [{ url: `/api/registrations/${dk.registration}/actions`, payload: { action: 'submit' } }],
    'POST /api/registrations/{id}/recusals': [{ url: `/api/registrations/${dk.registration}/recusals`, payload: { reason: 'Thử' } }],
    'POST /api/registrations/{id}/evidence': [{ url: `/api/registrations/${dk.registration}/evidence`, payload: {} }],
    'GET /api/evidence/{id}': [{ url: `/api/evidence/${dk.evidence}` }],
    'GET /api/programs/{code}/decisions': [{ url: `/api/programs/laichau-tqpttd/decisions?year=2024`, expectList: true }],
    'POST /api/programs/{code}/decisions': [
      {
        url: '/api/programs/laichau-tqpttd/decisions',
        payload: {
          year,
          titleCode: 'tqpttd',
          number: '1/QĐ-UBND',
          issuedOn: '2026-11-18',
          signer: 'X',
          signerTitle: 'Chủ tịch',
          issuingBody: 'UBND',
          registrationIds: [dk.registration],
        },
      },
    ],
    'POST /api/programs/{code}/revocations': [
      {
        url: '/api/programs/laichau-tqpttd/revocations',
        payload: {
          year: 2024,
          titleCode: 'tqpttd',
          number: '1/QĐ-UBND',
          issuedOn: '2026-11-18',
          signer: 'X',
          issuingBody: 'UBND',
          reason: 'Thử',
          recognitionIds: [dk.recognition],
        },
      },
    ],
    'GET /api/programs/{code}/recognitions': [{ url: '/api/programs/laichau-tqpttd/recognitions?year=2024', expectList: true }],
    'POST /api/registrations/bulk-actions': [
      {
        url: '/api/registrations/bulk-actions',
        payload: { ids: [dk.registration], action: 'submit' },
        refused: (body, status) =>
          status === 200 && (body.done as unknown[]).length === 0 && JSON.stringify(body.failed).includes('Không tìm thấy hồ sơ đăng ký'),
      },
    ],
    // The city's decisions list areas of Đoàn Kết: a ward officer is not shown them.
    'POST /api/decisions/{id}/issue': [{ url: `/api/decisions/${dk.decision}/issue` }],
    'GET /api/decisions/{id}': [{ url: `/api/decisions/${dk.decision}` }],
    'GET /api/decisions/{id}/document': [{ url: `/api/decisions/${dk.decision}/document` }],
    'GET /api/programs/{code}/records': [{ url: `/api/programs/laichau-tqpttd/records?year=2024&unit=${dk.ward}` }],
    'POST /api/programs/{code}/contributions': [
      { url: '/api/programs/laichau-tqpttd/contributions', payload: { year: 2024, unitId: dk.area, budgetAmount: 1000 } },
    ],
    'POST /api/programs/{code}/documents-issued': [
      {
        url: '/api/programs/laichau-tqpttd/documents-issued',
        payload: { year: 2024, unitId: dk.ward, issuer: 'UBND', docType: 'Kế hoạch', number: '1/KH', issuedOn: '2024-01-02', summary: 'x' },
      },
    ],
    'POST /api/rewards-paid': [{ url: '/api/rewards-paid', payload: { recognitionId: dk.recognition, amount: 500000, paidOn: '2024-11-20' } }],
    'GET /api/areas/{unitId}': [{ url: `/api/areas/${dk.area}?program=laichau-tqpttd` }],
    'GET /api/me/tasks': [{ url: `/api/me/tasks?year=${year}`, expectList: true }],
    'GET /api/users': [{ url: '/api/users', expectList: true }],
    'POST /api/users': [
      { url: '/api/users', payload: { username: 'ke-gian', displayName: 'Kẻ gian', password: 'matkhau123', role: 'officer', unitId: dk.ward } },
    ],
    'PATCH /api/users/{id}': [{ url: `/api/users/${dk.user}`, payload: { active: false } }],
    'POST /api/imports/{kind}': [
      csvUpload('/api/imports/units', `code,name,kind,parent\nX-1,Tổ dân phố X,tổ dân phố,${dk.ward}`),
      // History is for whoever decides for the programme (the city): a ward officer is refused before the file is read.
      {
        ...csvUpload('/api/imports/history?program=laichau-tqpttd', `unit,year,title\n${dk.area},2019,tqpttd`),
        refused: (body, status) => status === 403 && !JSON.stringify(body).includes('Đoàn Kết'),
      },
      csvUpload(`/api/imports/scorecards?program=laichau-tqpttd&year=${year}`, `unit,1.1\n${dk.area},đạt`),
      csvUpload(`/api/imports/scorecards?program=laichau-tqpttd&year=${year}&stage=board`, `unit,1.1\n${dk.area},đạt`),
      csvUpload('/api/imports/attributes', `unit,attribute\n${dk.area},miền núi`),
      csvUpload('/api/imports/figures', `unit,year,ho\n${dk.area},2024,100`),
    ],
    'GET /api/imports/templates/{kind}': ['units', 'history', 'scorecards', 'attributes', 'figures'].map((kind) => ({
      url: `/api/imports/templates/${kind}?program=laichau-tqpttd&year=${year}&unit=${dk.ward}`,
    })),
    'POST /api/reorganizations': [
      { url: '/api/reorganizations', payload: { kind: 'close', date: '2026-01-01', unit: String(dk.area) } },
      { url: '/api/reorganizations', payload: { kind: 'rename', date: '2026-01-01', unit: String(dk.ward), name: 'Phường X' } },
      { url: '/api/reorganizations', payload: { kind: 'merge', date: '2026-01-01', into: String(dk.ward), from: [String(dk.area)] } },
    ],
    'GET /api/audit': [{ url: `/api/audit?unit=${dk.ward}` }, { url: '/api/audit', expectList: true }],
    'POST /api/notices': [{ url: '/api/notices', payload: { programCode: 'laichau-tqpttd', year, unitId: dk.ward } }],
    'GET /api/registrations/{id}/comments': [{ url: `/api/registrations/${dk.registration}/comments` }],
    'POST /api/comments/{id}/answer': [{ url: `/api/comments/${dk.comment}/answer`, payload: { mark: 'accepted', reason: 'Thử' } }],
  };
  return table[p] ?? null;
}

describe('tanphong cannot reach anything of phường Đoàn Kết', () => {
  it('on every route of the API', async () => {
    const spec = (await tanphong.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const unclassified: string[] = [];
    const leaks: string[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        const cases = casesFor(method, path);
        if (cases === null) {
          unclassified.push(`${method} ${path}`);
          continue;
        }
        if (cases === 'public') continue;
        for (const c of cases) {
          const res = await tanphong.request({ method: method as 'GET', url: c.url, payload: c.payload as object, headers: c.headers });
          if (c.refused) {
            if (!c.refused(res.json(), res.statusCode)) leaks.push(`${method} ${c.url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
          } else if (c.expectList) {
            if (res.statusCode === 200 && res.body.includes('Đoàn Kết')) leaks.push(`${method} ${c.url} → lists Đoàn Kết`);
          } else if (![403, 404].includes(res.statusCode)) {
            leaks.push(`${method} ${c.url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
        }
      }
    }
    expect(unclassified, 'routes without a scope case').toEqual([]);
    expect(leaks).toEqual([]);
  });

  it('while doanket reads the same records', async () => {
    const doanket = await loginAs(server.app, 'doanket');
    expect((await doanket.get(`/api/units/${dk.area}`)).statusCode).toBe(200);
    expect((await doanket.get(`/api/registrations/${dk.registration}`)).statusCode).toBe(200);
    expect((await doanket.get(`/api/evidence/${dk.evidence}`)).statusCode).toBe(200);
  });
});
