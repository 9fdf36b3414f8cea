/**
 * The areas list a page at a time (issue 15): pages cover the list exactly
 * once in the same order, the name search ignores case and diacritics, the
 * filters narrow on the server, and a bad page size is refused in Vietnamese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold } from '../../src/core/text/normalize';
import { demoServer, loginAs, type Client } from '../support/server';

let server: Awaited<ReturnType<typeof demoServer>>;
let thanhpho: Client;
let tanphong: Client;
type Page = { items: Array<{ unitId: number; unitName: string; communeName: string | null; registrationId: number | null }>; total: number };
const URL = '/api/programs/laichau-tqpttd/areas?year=2024';
const page = async (client: Client, query: string): Promise<Page> => {
  const res = await client.get(`${URL}${query}`);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  return res.json() as Page;
};

beforeAll(async () => {
  server = await demoServer();
  thanhpho = await loginAs(server.app, 'thanhpho');
  tanphong = await loginAs(server.app, 'tanphong');
});
afterAll(async () => {
  await server?.close();
});

describe('GET /api/programs/{code}/areas, a page at a time', () => {
  it('pages of 7 give every area of the city exactly once, in the order of the whole list', async () => {
    const whole = await page(thanhpho, '&limit=1000');
    expect(whole.total).toBeGreaterThan(50);
    expect(whole.items).toHaveLength(whole.total);
    const seen: number[] = [];
    for (let offset = 0; offset < whole.total; offset += 7) {
      const p = await page(thanhpho, `&limit=7&offset=${offset}`);
      expect(p.total).toBe(whole.total);
      expect(p.items.length).toBe(Math.min(7, whole.total - offset));
      seen.push(...p.items.map((a) => a.unitId));
    }
    expect(seen).toEqual(whole.items.map((a) => a.unitId));
    expect((await page(thanhpho, `&limit=7&offset=${whole.total}`)).items).toEqual([]);
  });

  it('without a limit sends at most the default page, and says how many there are', async () => {
    const p = await page(thanhpho, '');
    expect(p.items.length).toBe(Math.min(p.total, 200));
  });

  it('finds areas by the words of their name, with or without diacritics, in any case', async () => {
    const plain = await page(thanhpho, `&q=${encodeURIComponent('to dan pho so 5')}`);
    const marked = await page(thanhpho, `&q=${encodeURIComponent('TỔ DÂN PHỐ SỐ 5')}`);
    expect(plain.total).toBeGreaterThan(0);
    expect(marked).toEqual(plain);
    expect(plain.items.map((a) => a.unitName)).toContain('Tổ dân phố số 5');
    for (const a of plain.items) for (const word of ['to', 'dan', 'pho', 'so', '5']) expect(fold(a.unitName)).toContain(word);
    // "%" and "_" are letters to the search, not patterns.
    expect((await page(thanhpho, `&q=${encodeURIComponent('%')}`)).total).toBe(0);
  });

  it('registered=true keeps only areas that registered; scope still applies to the total', async () => {
    const registered = await page(thanhpho, '&registered=true&limit=1000');
    expect(registered.total).toBeGreaterThan(0);
    expect(registered.items.every((a) => a.registrationId !== null)).toBe(true);
    const ward = await page(tanphong, '&limit=1000');
    const city = await page(thanhpho, '&limit=1000');
    expect(ward.total).toBeLessThan(city.total);
    expect(ward.items.every((a) => a.communeName === 'Phường Tân Phong')).toBe(true);
  });

  it('a page size out of bounds is refused in Vietnamese at the field', async () => {
    for (const query of ['&limit=0', '&limit=1001', '&offset=-1', '&limit=abc']) {
      const res = await thanhpho.get(`${URL}${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message, query).toMatch(/limit|offset/);
      expect(res.json().error.message, query).toMatch(/[àáảãạăâđêôơướờợốồộếềệ]/);
    }
  });
});
