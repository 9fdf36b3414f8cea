/**
 * Imports and reorganisations over HTTP: a ward officer downloads the year's
 * scorecard template filled with what is kept, sends it back unchanged
 * (nothing changes), fills an area and sends it with progress, and is
 * refused for another ward's area; a reorganisation within scope is
 * recorded, one outside it is refused.
 */
import ExcelJS from 'exceljs';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, registrations, units, verdicts } from '../../src/db/schema';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import { passingScorecard } from '../../src/demo/history';
import { demoServer, loginAs, type Client } from '../support/server';

let server: Awaited<ReturnType<typeof demoServer>>;
let tanphong: Client;
beforeAll(async () => {
  server = await demoServer();
  tanphong = await loginAs(server.app, 'tanphong');
});
afterAll(async () => {
  await server?.close();
});

/** A multipart body with one file, as a browser's FormData sends it. */
function multipart(filename: string, content: Buffer) {
  const boundary = '----kdc-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(client: Client, url: string, filename: string, content: Buffer, accept = 'application/json') {
  const { payload, headers } = multipart(filename, content);
  return client.request({ method: 'POST', url, payload, headers: { ...headers, accept } });
}

const set = findBuiltinSet('laichau-tqpttd')!;
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const unitId = async (code: string) => (await server.db.select().from(units).where(eq(units.code, code)))[0]!.id;
const registrationCount = async () => Number((await server.db.select({ n: count() }).from(registrations))[0]!.n);

describe('imports over HTTP', () => {
  it('the scorecard template lists the ward’s areas with what is kept, and sent back unchanged changes nothing', async () => {
    const res = await tanphong.get('/api/imports/templates/scorecards?program=laichau-tqpttd&year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('mau-nhap-scorecards-laichau-tqpttd-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('unit');
    expect(sheet.getRow(1).getCell(4).value).toBe('1.1');
    expect(sheet.rowCount).toBe(1 + 15); // Tân Phong's 15 tổ dân phố
    const tdp11 = sheet.getRows(2, 15)!.find((r) => r.getCell(1).value === 'LC-TP-TANPHONG-TDP11')!;
    expect(tdp11.getCell(3).value).toBe('tqpttd');
    expect(tdp11.getCell(4).value).toBe('đạt');
    expect(wb.worksheets[1]!.name).toBe('Hướng dẫn');

    const audits = Number((await server.db.select({ n: count() }).from(auditLog))[0]!.n);
    const again = await upload(tanphong, '/api/imports/scorecards?program=laichau-tqpttd&year=2026', 'mau.xlsx', res.rawPayload);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ registrationsCreated: 0, registrationsUpdated: 0, valuesWritten: 0 });
    expect(Number((await server.db.select({ n: count() }).from(auditLog))[0]!.n)).toBe(audits);
  });

  it('imports an area’s self-assessment with progress lines, submits it and stores its verdict', async () => {
    const values = passingScorecard(set);
    const codes = Object.keys(values);
    const file = csv([
      ['unit', ...codes],
      ['LC-TP-TANPHONG-TDP05', ...codes.map((c) => (values[c] === true ? 'Đạt' : values[c] === false ? 'không' : String(values[c])))],
    ]);
    const res = await upload(tanphong, '/api/imports/scorecards?program=laichau-tqpttd&year=2026', 'phieu.csv', file, 'application/x-ndjson');
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; phase?: string; result?: Record<string, number> });
    expect(lines.filter((l) => l.type === 'progress').map((l) => l.phase)).toEqual(expect.arrayContaining(['read', 'check', 'write']));
    expect(lines.at(-1)).toMatchObject({ type: 'done', result: { registrationsCreated: 1, verdicts: 1, submitted: 1 } });
    const [reg] = await server.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.unitId, await unitId('LC-TP-TANPHONG-TDP05')), eq(registrations.year, 2026)));
    expect(reg).toMatchObject({ status: 'self-assessed', titleCode: 'tqpttd' });
    const [verdict] = await server.db.select().from(verdicts).where(eq(verdicts.registrationId, reg!.id));
    expect(verdict).toMatchObject({ stage: 'self', recognized: true });
  });

  it('refuses an area of another ward, naming the row, and writes nothing', async () => {
    const before = await registrationCount();
    const file = csv([
      ['unit', '1.1'],
      ['LC-TP-TANPHONG-TDP08', 'đạt'],
      ['LC-TP-DOANKET-TDP07', 'đạt'],
    ]);
    const res = await upload(tanphong, '/api/imports/scorecards?program=laichau-tqpttd&year=2026', 'lan.csv', file);
    expect(res.statusCode).toBe(400);
    // The other ward's area is not named back: as everywhere in the API, what is out of reach is "not found".
    expect(res.json().error.message).toContain('dòng 3, cột A (unit): không tìm thấy "LC-TP-DOANKET-TDP07" trong phạm vi của bạn');
    expect(res.body).not.toContain('Tổ dân phố số 7');
    expect(res.json().error.details.problems).toHaveLength(1);
    expect(await registrationCount()).toBe(before);
    const streamed = await upload(tanphong, '/api/imports/scorecards?program=laichau-tqpttd&year=2026', 'lan.csv', file, 'application/x-ndjson');
    expect(JSON.parse(streamed.body.trim().split('\n').at(-1)!)).toMatchObject({ type: 'error', error: { code: 'validation' } });
    expect(await registrationCount()).toBe(before);
  });

  it('a leader, who only reads, may not import; a file that is not a spreadsheet is explained', async () => {
    const lanhdao = await loginAs(server.app, 'lanhdao');
    expect((await upload(lanhdao, '/api/imports/units', 'dv.csv', csv([['code', 'name', 'kind', 'parent']]))).statusCode).toBe(403);
    const broken = await upload(tanphong, '/api/imports/units', 'hong.xlsx', Buffer.from('PK\u0003\u0004 không phải zip'));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toContain('không mở được như một tệp Excel');
  });
});

describe('reorganisations over HTTP', () => {
  it('a ward officer renames and splits within the ward, and cannot touch another ward', async () => {
    const renamed = await tanphong.post('/api/reorganizations', {
      kind: 'rename',
      date: '2026-01-01',
      unit: 'LC-TP-TANPHONG-TDP20',
      name: 'Tổ dân phố số 20A',
    });
    expect(renamed.statusCode).toBe(201);
    expect(renamed.json().message).toBe('Đã đổi tên Tổ dân phố số 20 thành Tổ dân phố số 20A');
    const split = await tanphong.post('/api/reorganizations', {
      kind: 'split',
      date: '2026-03-01',
      unit: 'LC-TP-TANPHONG-TDP19',
      into: ['LC-TP-TANPHONG-TDP19', 'LC-TP-TANPHONG > Tổ dân phố số 21'],
    });
    expect(split.statusCode).toBe(201);
    const [created] = await server.db.select().from(units).where(eq(units.name, 'Tổ dân phố số 21'));
    expect(created).toMatchObject({ kind: 'to-dan-pho', validFrom: '2026-03-01' });
    const history = (await tanphong.get(`/api/units/${created!.id}/history`)).json();
    expect(history).toEqual([expect.objectContaining({ kind: 'split', from: [expect.objectContaining({ name: 'Tổ dân phố số 19' })] })]);
    const foreign = await tanphong.post('/api/reorganizations', { kind: 'close', date: '2026-01-01', unit: 'LC-TP-DOANKET-TDP07' });
    expect(foreign.statusCode).toBe(404);
    // The ward itself is reorganised by the city, not by the ward's officer.
    const own = await tanphong.post('/api/reorganizations', { kind: 'rename', date: '2026-01-01', unit: 'LC-TP-TANPHONG', name: 'Phường Tân Phong Mới' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toBe('Sắp xếp Phường Tân Phong là việc của cấp quản lý đơn vị cấp trên, ngoài phạm vi của bạn');
    const again = await tanphong.post('/api/reorganizations', {
      kind: 'split',
      date: '2026-03-01',
      unit: 'LC-TP-TANPHONG-TDP19',
      into: ['LC-TP-TANPHONG-TDP19', 'LC-TP-TANPHONG > Tổ dân phố số 21'],
    });
    expect(again.json().error.message).toBe('Việc tách Tổ dân phố số 21 từ Tổ dân phố số 19 đã được ghi nhận trước đây');
    const bad = await tanphong.post('/api/reorganizations', { kind: 'close', date: '2026-02-30', unit: 'LC-TP-TANPHONG-TDP20' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Ngày "2026-02-30" không hợp lệ');
  });
});
