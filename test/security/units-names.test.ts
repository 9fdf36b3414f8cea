/**
 * Issue 12, findings 20 and 21:
 * - look-alike unit names (a zero-width space, a Cyrillic "З") were accepted
 *   beside the real one; now creation, renaming and import refuse them with a
 *   message naming the character;
 * - out of scope, a reorganisation path or an import code told whether a
 *   unit exists; now a unit outside the caller's sight and one that does not
 *   exist get the same words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitNameProblem } from '../../src/app/units/names';
import { demoServer, loginAs, type Client } from '../support/server';

let server: Awaited<ReturnType<typeof demoServer>>;
let tanphong: Client;
let thanhpho: Client;
beforeAll(async () => {
  server = await demoServer();
  tanphong = await loginAs(server.app, 'tanphong');
  thanhpho = await loginAs(server.app, 'thanhpho');
});
afterAll(async () => {
  await server?.close();
});

const as = (client: Client, url: string, text: string) => {
  const boundary = '----kdc-names';
  return client.request({
    method: 'POST',
    url,
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`,
    ),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
};
const upload = (url: string, text: string) => as(thanhpho, url, text);

describe('look-alike names', () => {
  it('the check names the character', () => {
    expect(unitNameProblem('Tổ dân phố số 5')).toBeNull();
    expect(unitNameProblem('Bản Nậm Loỏng 3')).toBeNull();
    expect(unitNameProblem('Tổ dân phố З')).toContain('"З" (U+0417, chữ Kirin (Nga))');
    expect(unitNameProblem('Tổ dân phố Α')).toContain('chữ Hy Lạp');
    expect(unitNameProblem('Phường Tân\u200bPhong')).toContain('khoảng trắng độ rộng bằng 0 (U+200B)');
    expect(unitNameProblem('Tổ\u202edân phố')).toContain('điều khiển hướng chữ (U+202E)');
    expect(unitNameProblem('Tổ dân\u00a0phố')).toContain('khoảng trắng lạ (U+00A0)');
  });

  it('creation, renaming and import refuse them', async () => {
    const rename = await thanhpho.post('/api/reorganizations', { kind: 'rename', date: '2026-01-01', unit: 'LC-TP-TANPHONG-TDP05', name: 'Tổ dân phố số З' });
    expect(rename.statusCode).toBe(400);
    expect(rename.json().error.message).toContain('U+0417');
    const split = await thanhpho.post('/api/reorganizations', {
      kind: 'split',
      date: '2026-01-01',
      unit: 'LC-TP-TANPHONG-TDP05',
      into: [
        'Tỉnh Lai Châu > Thành phố Lai Châu > Phường Tân Phong > Tổ dân phố số 5',
        'Tỉnh Lai Châu > Thành phố Lai Châu > Phường Tân Phong > Tổ dân phố số\u200b 5',
      ],
    });
    expect(split.statusCode).toBe(400);
    expect(split.json().error.message).toContain('U+200B');
    const imported = await upload('/api/imports/units', 'code,name,kind,parent\nLC-TP-TANPHONG-TDP99,Tổ dân phố số З,tổ dân phố,LC-TP-TANPHONG');
    expect(imported.statusCode).toBe(400);
    expect(imported.json().error.message).toContain('dòng 2, cột B (name): tên "Tổ dân phố số З" có chữ "З"');
  });
});

describe('outside the caller’s sight, existing and missing units read the same', () => {
  it('in reorganisation paths', async () => {
    const path = (ward: string, area: string) => `Tỉnh Lai Châu > Thành phố Lai Châu > ${ward} > ${area}`;
    const pairs: Array<[object, object]> = [
      [
        { kind: 'close', date: '2026-01-01', unit: path('Phường Đoàn Kết', 'Tổ dân phố số 1') },
        { kind: 'close', date: '2026-01-01', unit: path('Phường Đoàn Kết', 'Tổ dân phố số 99') },
      ],
      [
        { kind: 'close', date: '2026-01-01', unit: path('Phường Đoàn Kết', 'Tổ dân phố số 1') },
        { kind: 'close', date: '2026-01-01', unit: path('Phường Không Có', 'Tổ dân phố số 1') },
      ],
      [
        { kind: 'move', date: '2026-01-01', unit: path('Phường Tân Phong', 'Tổ dân phố số 5'), to: 'LC-TP-DOANKET' },
        { kind: 'move', date: '2026-01-01', unit: path('Phường Tân Phong', 'Tổ dân phố số 5'), to: 'LC-TP-KHONGCO' },
      ],
    ];
    for (const [existing, missing] of pairs) {
      const a = await tanphong.post('/api/reorganizations', existing);
      const b = await tanphong.post('/api/reorganizations', missing);
      expect(a.statusCode).toBe(404);
      expect(b.statusCode).toBe(404);
      const text = (res: typeof a, ref: string) => res.json().error.message.replace(ref, 'REF');
      const refOf = (body: Record<string, unknown>) => String(body.kind === 'move' ? body.to : body.unit);
      expect(text(a, refOf(existing as Record<string, unknown>))).toBe(text(b, refOf(missing as Record<string, unknown>)));
    }
  });

  it('in import codes and paths', async () => {
    const cases = [
      ['/api/imports/scorecards?program=laichau-tqpttd&year=2026', (ref: string) => `unit,title,1.1\n${ref},tqpttd,đạt`],
      ['/api/imports/units', (ref: string) => `code,name,kind,parent\nLC-TP-TANPHONG-TDP77,Tổ dân phố số 77,tổ dân phố,${ref}`],
    ] as const;
    for (const [url, file] of cases) {
      const a = await as(tanphong, url, file('LC-TP-DOANKET-TDP01'));
      const b = await as(tanphong, url, file('LC-TP-DOANKET-TDP98'));
      expect(a.statusCode).toBe(400);
      expect(a.json().error.message.replace('TDP01', 'X')).toBe(b.json().error.message.replace('TDP98', 'X'));
    }
  });
});
