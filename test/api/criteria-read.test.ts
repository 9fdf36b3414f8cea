/**
 * Reading a criteria-set file before a programme is made of it: the built-in
 * sets are listed; a good file comes back with its summary; a bad one is
 * refused with every problem at its place, in Vietnamese, and nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { writeCriteriaWorkbook } from '../../src/app/criteria/xlsx';
import { findBuiltinSet } from '../../src/core/criteria/builtin/index';
import { criteriaSets } from '../../src/db/schema';
import { demoServer, loginAs, type Client } from '../support/server';

let server: Awaited<ReturnType<typeof demoServer>>;
let admin: Client;

beforeAll(async () => {
  server = await demoServer();
  admin = await loginAs(server.app, 'admin');
});
afterAll(async () => {
  await server?.close();
});

function upload(client: Client, name: string, content: string | Buffer) {
  const boundary = '----kdc-criteria';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request({ method: 'POST', url: '/api/criteria/read', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

describe('criteria sets before a programme', () => {
  it('lists the built-in sets with their issuing document and size', async () => {
    const res = await admin.get('/api/criteria-sets');
    expect(res.statusCode).toBe(200);
    const list = res.json() as Array<{ code: string; standards: number; criteria: number; legalBasis: string; unusable: string | null }>;
    const laichau = findBuiltinSet('laichau-tqpttd')!;
    expect(list.find((s) => s.code === laichau.code)).toMatchObject({ standards: 6, criteria: 41, unusable: null });
    expect(list.find((s) => s.code === laichau.code)!.legalBasis).toMatch(/số .+ ngày \d\d\/\d\d\/\d{4} của /);
  });

  it('reads a good file and answers the set with its summary', async () => {
    const set = findBuiltinSet('vidu-diem')!;
    const res = await upload(admin, 'bo.json', `\uFEFF${JSON.stringify(set)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toMatchObject({ code: set.code, version: set.version, standards: set.sections.length, titles: set.levels.map((l) => l.name) });
    expect(res.json().set.code).toBe(set.code);
  });

  it('refuses a bad file with each problem at its place, and stores nothing', async () => {
    const before = (await server.db.select().from(criteriaSets)).length;
    const set = structuredClone(findBuiltinSet('laichau-tqpttd')!) as unknown as {
      sections: Array<{ code: string; criteria: Array<{ code: string }> }>;
      scoring: string;
    };
    set.sections[1]!.criteria[0]!.code = set.sections[0]!.criteria[0]!.code;
    set.scoring = 'diem';
    const res = await upload(admin, 'sai.json', JSON.stringify(set));
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as string[];
    expect(details.some((d) => d.startsWith('$.scoring: '))).toBe(true);
    expect(res.json().error.message).toContain('chưa tạo gì');
    expect((await upload(admin, 'hong.json', '{"format":')).json().error.details[0]).toMatch(/^Tệp: không phải JSON hợp lệ/);
    expect((await server.db.select().from(criteriaSets)).length).toBe(before);
  });

  it('reads a workbook filled from the template, and says where a bad one is wrong', async () => {
    const set = findBuiltinSet('laichau-tqpttd')!;
    const good = await writeCriteriaWorkbook(set);
    const res = await upload(admin, 'bo.xlsx', good);
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toMatchObject({ code: set.code, standards: set.sections.length, criteria: 41 });

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(good as unknown as ArrayBuffer);
    book.worksheets.forEach((sheet) =>
      sheet.getRow(3).eachCell((cell) => {
        cell.value = null;
      }),
    );
    const broken = Buffer.from(await book.xlsx.writeBuffer());
    const refused = await upload(admin, 'bo-loi.xlsx', broken);
    expect(refused.statusCode).toBe(400);
    const details = refused.json().error.details as string[];
    expect(details.length).toBeGreaterThan(0);
    expect(details.every((d) => /^(Trang .+?|\$[^ ]*): .+/.test(d))).toBe(true);
    const template = await admin.get('/api/criteria/template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
  });

  it('is for those who run programmes', async () => {
    const head = await loginAs(server.app, 'totruong5');
    expect((await upload(head, 'bo.json', JSON.stringify(findBuiltinSet('vidu-diem')))).statusCode).toBe(403);
  });
});
