/**
 * Running a programme over the HTTP API (issue 10, item 4), on the demo: a ward
 * officer creates its own programme from a criteria file and sets it up; every
 * bad request is a 400/404/409 in Vietnamese that names its field and writes
 * nothing; another ward's officer cannot see it (404), those who see it but do
 * not run it cannot change it (403); a new criteria-set version applies only to
 * years no decision rests on; every change has its audit entry.
 */
import { readFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, criteriaSets, programDeadlines, programRewards, programs, programTargets, programTitles, programYears, users } from '../../src/db/schema';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import { demoServer, loginAs, type Client } from '../support/server';

const SAMPLE = JSON.parse(readFileSync(new URL('../../docs/samples/tu-dau/bo-tieu-chi.json', import.meta.url), 'utf8'));
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

let server: Awaited<ReturnType<typeof demoServer>>;
let tanphong: Client;
let wardId = 0;
let otherWardId = 0;
let areaId = 0;

beforeAll(async () => {
  server = await demoServer();
  const { db } = server;
  const code = (c: string) => db.query.units.findFirst({ where: (u, { eq: is }) => is(u.code, c) });
  wardId = (await code('LC-TP-TANPHONG'))!.id;
  otherWardId = (await code('LC-TP-DOANKET'))!.id;
  areaId = (await code('LC-TP-TANPHONG-TDP05'))!.id;
  tanphong = await loginAs(server.app, 'tanphong');
}, 120_000);
afterAll(async () => {
  await server?.close();
});

/** Rows that a refused request must leave as they were. */
async function written() {
  const { db } = server;
  const n = async (
    table:
      | typeof programs
      | typeof criteriaSets
      | typeof auditLog
      | typeof programTargets
      | typeof programDeadlines
      | typeof programRewards
      | typeof programYears
      | typeof programTitles,
  ) => Number((await db.select({ n: count() }).from(table))[0]!.n);
  const [p] = await db.select().from(programs).where(eq(programs.code, 'tanphong-kdc'));
  return {
    programs: await n(programs),
    sets: await n(criteriaSets),
    audit: await n(auditLog),
    targets: await n(programTargets),
    deadlines: await n(programDeadlines),
    rewards: await n(programRewards),
    years: await n(programYears),
    titles: await n(programTitles),
    row: p ?? null,
  };
}

const create = (extra: Record<string, unknown> = {}) => ({
  code: 'tanphong-kdc',
  name: 'Tổ dân phố tự quản phường Tân Phong',
  ownerUnitId: wardId,
  criteriaSet: SAMPLE,
  fromYear: 2026,
  toYear: 2028,
  ...extra,
});

describe('a ward runs its own programme', () => {
  it('creates it from a criteria file, with titles from the set and the ward as the whole chain', async () => {
    const res = await tanphong.post(
      '/api/programs',
      create({ settings: { issuingBody: 'Ủy ban nhân dân phường Tân Phong', signerName: 'Nguyễn Văn C', signerTitle: 'Chủ tịch' } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'tanphong-kdc',
      ownerUnitName: 'Phường Tân Phong',
      fromYear: 2026,
      toYear: 2028,
      canAdminister: true,
      titles: [
        {
          code: 'tu-quan',
          name: 'Bản tự quản, phát triển toàn diện',
          levelCode: 'tu-quan',
          chain: { appraise: 'commune', review: 'commune', decide: 'commune', decidingBody: 'Ủy ban nhân dân phường Tân Phong' },
        },
      ],
      years: [2026, 2027, 2028].map((year) => ({ year, setCode: 'banlang-ban-tu-quan', setVersion: '2026' })),
      settings: {
        issuingBody: 'Ủy ban nhân dân phường Tân Phong',
        signerName: 'Nguyễn Văn C',
        signerTitle: 'Chủ tịch',
        certificateWording: null,
        allowSameAssessor: false,
      },
    });
    const [entry] = await server.db.select().from(auditLog).where(eq(auditLog.action, 'create-program'));
    const [me] = await server.db.select().from(users).where(eq(users.username, 'tanphong'));
    expect(entry).toMatchObject({ actorId: me!.id, entity: 'program', unitId: wardId });
  });

  it('changes its settings: chain, targets, deadlines, rewards, issuer and signer, wording, same assessor, years', async () => {
    const res = await tanphong.request({
      method: 'PATCH',
      url: '/api/programs/tanphong-kdc/settings',
      payload: {
        certificateWording: 'Đã có thành tích xuất sắc trong xây dựng tổ dân phố tự quản',
        allowSameAssessor: true,
        toYear: 2030,
        chains: [
          { titleCode: 'tu-quan', chain: { appraise: 'commune', review: 'district', decide: 'district', decidingBody: 'Ủy ban nhân dân thành phố Lai Châu' } },
        ],
        targets: [
          { scope: 'year', yearFrom: 2026, yearTo: 2026, target: 2 },
          { scope: 'period', yearFrom: 2026, yearTo: 2030, titleCode: 'tu-quan', target: 8 },
        ],
        deadlines: [
          { step: 'register', monthDay: '03-31' },
          { step: 'ceremony', label: 'Ngày hội Đại đoàn kết', monthDay: '11-18' },
        ],
        rewards: [
          { titleCode: 'tu-quan', status: 'lan-dau', amount: 2_000_000 },
          { titleCode: 'tu-quan', status: 'giu-vung', coefficient: 1.5 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      toYear: 2030,
      settings: {
        allowSameAssessor: true,
        certificateWording: 'Đã có thành tích xuất sắc trong xây dựng tổ dân phố tự quản',
        issuingBody: 'Ủy ban nhân dân phường Tân Phong',
      },
      titles: [{ chain: { review: 'district', decide: 'district' } }],
      targets: [
        { scope: 'year', yearFrom: 2026, yearTo: 2026, titleCode: null, target: 2 },
        { scope: 'period', yearFrom: 2026, yearTo: 2030, titleCode: 'tu-quan', target: 8 },
      ],
      deadlines: [
        { step: 'register', label: 'Khu dân cư đăng ký', monthDay: '03-31' },
        { step: 'ceremony', label: 'Ngày hội Đại đoàn kết', monthDay: '11-18' },
      ],
      rewards: [
        { titleCode: 'tu-quan', status: 'giu-vung', amount: 0, coefficient: 1.5 },
        { titleCode: 'tu-quan', status: 'lan-dau', amount: 2_000_000, coefficient: null },
      ],
    });
    expect(res.json().years).toHaveLength(5);
    // Null clears a text; what is not sent stays.
    const cleared = await tanphong.request({ method: 'PATCH', url: '/api/programs/tanphong-kdc/settings', payload: { signerName: null } });
    expect(cleared.json()).toMatchObject({ settings: { signerName: null, signerTitle: 'Chủ tịch', allowSameAssessor: true }, targets: [{}, {}] });
    const entries = await server.db.select().from(auditLog).where(eq(auditLog.action, 'update-program-settings'));
    expect(entries).toHaveLength(2);
    expect(entries[0]!.before).toMatchObject({ allowSameAssessor: false, targets: [] });
    expect(entries[0]!.after).toMatchObject({ allowSameAssessor: true, rewards: [{}, {}] });
  });

  it('refuses each bad request in Vietnamese, at its field, and writes nothing', async () => {
    // Signing in is audited too: everyone signs in before the count.
    const other = await loginAs(server.app, 'doanket');
    const below = await loginAs(server.app, 'totruong5');
    const above = await loginAs(server.app, 'lanhdao');
    const before = await written();
    const patch = (payload: unknown, client = tanphong, code = 'tanphong-kdc') =>
      client.request({ method: 'PATCH', url: `/api/programs/${code}/settings`, payload: payload as object });
    const template = findBuiltinSet('nd86-thon-tdp-van-hoa')!;
    const cases: Array<[string, () => Promise<{ statusCode: number; body: string }>, number, RegExp]> = [
      ['a code with capitals', () => tanphong.post('/api/programs', create({ code: 'Tan Phong' })), 400, /code: mã phong trào gồm 2–60 chữ thường/],
      ['no name', () => tanphong.post('/api/programs', create({ code: 'x-kdc', name: ' ' })), 400, /name: tên phong trào không được để trống/],
      ['a taken code', () => tanphong.post('/api/programs', create()), 409, /Mã phong trào "tanphong-kdc" đã có/],
      [
        'an unknown built-in set',
        () => tanphong.post('/api/programs', create({ code: 'x-kdc', criteriaSet: 'khong-co' })),
        400,
        /criteriaSet: không có bộ tiêu chí có sẵn "khong-co"/,
      ],
      ['a broken set', () => tanphong.post('/api/programs', create({ code: 'x-kdc', criteriaSet: { ...SAMPLE, levels: [] } })), 400, /criteriaSet: \$\.levels/],
      ['a framework to complete', () => tanphong.post('/api/programs', create({ code: 'x-kdc', criteriaSet: template })), 400, /là bộ khung mẫu/],
      [
        'the same set version with other content',
        () => tanphong.post('/api/programs', create({ code: 'x-kdc', criteriaSet: { ...SAMPLE, name: 'Khác' } })),
        409,
        /phiên bản "2026" đã được công bố với nội dung khác/,
      ],
      ['a year out of range', () => tanphong.post('/api/programs', create({ code: 'x-kdc', fromYear: 1800 })), 400, /fromYear: năm phải từ 1990 đến 2100/],
      [
        'years backwards',
        () => tanphong.post('/api/programs', create({ code: 'x-kdc', toYear: 2020 })),
        400,
        /toYear: năm kết thúc \(2020\) phải sau hoặc bằng năm bắt đầu \(2026\)/,
      ],
      [
        'an area as owner',
        () => tanphong.post('/api/programs', create({ code: 'x-kdc', ownerUnitId: areaId })),
        400,
        /ownerUnitId: đơn vị chủ trì phải là xã, phường/,
      ],
      [
        'another ward as owner',
        () => tanphong.post('/api/programs', create({ code: 'x-kdc', ownerUnitId: otherWardId })),
        404,
        /Không tìm thấy đơn vị chủ trì trong phạm vi của bạn/,
      ],
      [
        'a reward for no title',
        () => tanphong.post('/api/programs', create({ code: 'x-kdc', settings: { rewards: [{ titleCode: 'kieu-mau', status: 'lan-dau', amount: 1 }] } })),
        400,
        /rewards\.0\.titleCode: phong trào không có danh hiệu "kieu-mau"/,
      ],
      ['an empty change', () => patch({}), 400, /cần ít nhất một cài đặt thay đổi/],
      ['an unknown setting', () => patch({ signer: 'X' }), 400, /signer/],
      [
        'a day not in the year',
        () => patch({ deadlines: [{ step: 'register', monthDay: '02-30' }] }),
        400,
        /deadlines\.0\.monthDay: ngày này không có trong năm/,
      ],
      ['an unknown step', () => patch({ deadlines: [{ step: 'party', monthDay: '02-03' }] }), 400, /deadlines\.0\.step: bước phải là một trong/],
      [
        'the same step twice',
        () =>
          patch({
            deadlines: [
              { step: 'register', monthDay: '02-03' },
              { step: 'register', monthDay: '03-03' },
            ],
          }),
        400,
        /deadlines\.1: hạn của bước register trùng với mục 1/,
      ],
      [
        'a period backwards',
        () => patch({ targets: [{ scope: 'period', yearFrom: 2030, yearTo: 2026, target: 3 }] }),
        400,
        /targets\.0\.yearTo: năm bắt đầu phải trước hoặc bằng năm kết thúc/,
      ],
      [
        'both amount and coefficient',
        () => patch({ rewards: [{ titleCode: 'tu-quan', status: 'lan-dau', amount: 5, coefficient: 1.5 }] }),
        400,
        /rewards\.0\.amount: cần đúng một trong hai/,
      ],
      [
        'a negative amount',
        () => patch({ rewards: [{ titleCode: 'tu-quan', status: 'lan-dau', amount: -5 }] }),
        400,
        /rewards\.0\.amount: số tiền không được âm/,
      ],
      [
        'an unknown level',
        () => patch({ chains: [{ titleCode: 'tu-quan', chain: { appraise: 'thon', review: 'commune', decide: 'commune' } }] }),
        400,
        /chains\.0\.chain\.appraise: cấp thẩm định phải là/,
      ],
      [
        'a chain for no title',
        () => patch({ chains: [{ titleCode: 'khong-co', chain: { appraise: 'commune', review: 'commune', decide: 'commune' } }] }),
        400,
        /chains\.0\.titleCode: phong trào không có danh hiệu "khong-co"/,
      ],
      ['another ward’s officer', () => patch({ allowSameAssessor: false }, other), 404, /Không tìm thấy phong trào "tanphong-kdc"/],
      ['the area head below', () => patch({ allowSameAssessor: false }, below), 403, /Chỉ quản trị hệ thống hoặc cán bộ của đơn vị chủ trì/],
      ['the leader above, who only reads', () => patch({ allowSameAssessor: false }, above), 403, /Chỉ quản trị hệ thống hoặc cán bộ của đơn vị chủ trì/],
      [
        'a new version out of the years',
        () => tanphong.post('/api/programs/tanphong-kdc/criteria-sets', { criteriaSet: { ...SAMPLE, version: '2031' }, fromYear: 2031 }),
        400,
        /fromYear: năm áp dụng 2031 nằm ngoài các năm của phong trào \(2026–2030\)/,
      ],
      [
        'a new version without the title',
        () =>
          tanphong.post('/api/programs/tanphong-kdc/criteria-sets', {
            criteriaSet: { ...SAMPLE, version: '2027', levels: [{ ...SAMPLE.levels[0], code: 'khac' }] },
            fromYear: 2027,
          }),
        400,
        /thiếu danh hiệu \(level\) "tu-quan"/,
      ],
      [
        'republishing a version with other words',
        () => tanphong.post('/api/programs/tanphong-kdc/criteria-sets', { criteriaSet: { ...SAMPLE, name: 'Sửa lại' }, fromYear: 2027 }),
        409,
        /đã được công bố với nội dung khác/,
      ],
      [
        'another ward publishing',
        () => other.post('/api/programs/tanphong-kdc/criteria-sets', { criteriaSet: { ...SAMPLE, version: '2027' }, fromYear: 2027 }),
        404,
        /Không tìm thấy phong trào/,
      ],
    ];
    for (const [what, send, status, message] of cases) {
      const res = await send();
      expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
      const body = JSON.parse(res.body) as { error: { message: string; details?: unknown } };
      expect(body.error.message, what).toMatch(message);
      expect(body.error.message, what).toMatch(VIETNAMESE);
      if (status === 400) expect(Array.isArray(body.error.details), `${what}: details`).toBe(true);
    }
    expect(await written()).toEqual(before);
  });

  it('a new criteria-set version governs only years no decision rests on, and judges open registrations again', async () => {
    const thanhpho = await loginAs(server.app, 'thanhpho');
    const next = { ...findBuiltinSet('laichau-tqpttd')!, version: '2026-thu', validFrom: '2026-01-01', validTo: null };
    const early = await thanhpho.post('/api/programs/laichau-tqpttd/criteria-sets', { criteriaSet: next, fromYear: 2024 });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().error.message).toMatch(/Năm 2024 đã có quyết định công nhận .* áp dụng được từ năm 2025/);
    const dropped = await thanhpho.request({ method: 'PATCH', url: '/api/programs/laichau-tqpttd/settings', payload: { fromYear: 2025 } });
    expect(dropped.statusCode).toBe(409);
    expect(dropped.json().error.message).toMatch(/Không bỏ được năm 2021, 2022, 2023, 2024/);

    const res = await thanhpho.post('/api/programs/laichau-tqpttd/criteria-sets', { criteriaSet: next });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'laichau-tqpttd', version: '2026-thu', fromYear: 2026, years: [2026] });
    expect(res.json().recomputed).toBeGreaterThan(0);
    const years = res.json().program.years as Array<{ year: number; setVersion: string }>;
    expect(years.find((y) => y.year === 2025)!.setVersion).toBe('2020');
    expect(years.find((y) => y.year === 2026)!.setVersion).toBe('2026-thu');
    // The same file again changes nothing but is accepted; the tanphong officer may not publish for the city.
    expect((await thanhpho.post('/api/programs/laichau-tqpttd/criteria-sets', { criteriaSet: next })).statusCode).toBe(201);
    expect((await tanphong.post('/api/programs/laichau-tqpttd/criteria-sets', { criteriaSet: next })).statusCode).toBe(403);
    const [entry] = await server.db.select().from(auditLog).where(eq(auditLog.action, 'publish-criteria-set')).orderBy(auditLog.id).limit(1).offset(1);
    expect(entry).toMatchObject({ entity: 'program' });
    expect(entry!.after).toMatchObject({ version: '2026-thu', fromYear: 2026, years: [2026] });
  });

  it('says who may change a programme: its own officer yes, a ward under the city no', async () => {
    expect((await tanphong.get('/api/programs/tanphong-kdc')).json().canAdminister).toBe(true);
    expect((await tanphong.get('/api/programs/laichau-tqpttd')).json().canAdminister).toBe(false);
    expect((await (await loginAs(server.app, 'admin')).get('/api/programs/tanphong-kdc')).json().canAdminister).toBe(true);
    expect((await (await loginAs(server.app, 'doanket')).get('/api/programs/tanphong-kdc')).statusCode).toBe(404);
  });
});
