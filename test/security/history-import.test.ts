/**
 * Issue 12, finding 2: a ward officer (`doanket`) created this year's
 * recognitions through the history import (200), changing the city's figures
 * and making the city's next decision fail with a 500. History is now only
 * for years before the programme's first year in KDC, and only for whoever
 * may decide for the programme.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHistory } from '../../src/app/import/history';
import { AppError } from '../../src/app/errors';
import { recognitions, units } from '../../src/db/schema';
import { demoServer, loginAs } from '../support/server';
import { SYSTEM_ACTOR } from '../../src/app/actor';

let server: Awaited<ReturnType<typeof demoServer>>;
beforeAll(async () => {
  server = await demoServer();
});
afterAll(async () => {
  await server?.close();
});

const AREA = 'LC-TP-DOANKET-TDP03';
function upload(text: string) {
  const boundary = '----kdc-history';
  return {
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lich-su.csv"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`,
    ),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const post = async (username: string, text: string) =>
  (await loginAs(server.app, username)).request({ method: 'POST', url: '/api/imports/history?program=laichau-tqpttd', ...upload(text) });
const count = async (year: number) => {
  const [area] = await server.db.select().from(units).where(eq(units.code, AREA));
  return (
    await server.db
      .select()
      .from(recognitions)
      .where(and(eq(recognitions.unitId, area!.id), eq(recognitions.year, year)))
  ).length;
};

describe('history import', () => {
  it('refuses a ward officer, even for an old year', async () => {
    for (const year of [2026, 2019]) {
      const res = await post('doanket', `unit,year,title\n${AREA},${year},tqpttd`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toContain('Chỉ cấp ra quyết định công nhận');
    }
    expect(await count(2026)).toBe(0);
  });

  it('refuses years the programme runs in KDC, naming the first year, for the city too', async () => {
    const res = await post('thanhpho', `unit,year,title\n${AREA},2026,tqpttd\n${AREA},2021,tqpttd`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('dòng 2, cột B (year): năm 2026 thuộc thời gian phong trào chạy trên KDC (từ năm 2021)');
    expect(res.json().error.message).toContain('dòng 3, cột B (year): năm 2021');
    expect(await count(2026)).toBe(0);
  });

  it('takes years before the first year from the city', async () => {
    const res = await post('thanhpho', `unit,year,title\n${AREA},2019,tqpttd`);
    expect(res.statusCode, res.body).toBe(200);
    expect(await count(2019)).toBe(1);
  });

  it('the command line keeps the same year rule', async () => {
    const error = await importHistory(server.db, SYSTEM_ACTOR, 'laichau-tqpttd', Buffer.from(`unit,year,title\n${AREA},2024,tqpttd`), 'lich-su.csv').catch(
      (e: AppError) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('năm 2024 thuộc thời gian phong trào chạy trên KDC');
  });
});
