/**
 * Issue 12, finding 3: managing an account needs a scope strictly wider than
 * every grant of that account, and only an administrator manages
 * administrators. The reproduction: an admin whose grant sits inside phường
 * Tân Phong was listed to `tanphong`, who reset its password and signed in
 * with global rights. Peers at the same ward could be reset or deactivated.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units, userRoles, users } from '../../src/db/schema';
import { demoServer, loginAs, type Client } from '../support/server';

let server: Awaited<ReturnType<typeof demoServer>>;
let tanphong: Client;
let thanhpho: Client;
const id: Record<string, number> = {};
const unit: Record<string, number> = {};

beforeAll(async () => {
  server = await demoServer();
  for (const u of await server.db.select().from(users)) id[u.username] = u.id;
  for (const u of await server.db.select().from(units)) unit[u.code] = u.id;
  const admin = await loginAs(server.app, 'admin');
  // An administrator whose grant sits inside the ward, and a second officer of the ward (a peer).
  for (const [username, role, code] of [
    ['qt-phuong', 'admin', 'LC-TP-TANPHONG-TDP05'],
    ['canbo2', 'officer', 'LC-TP-TANPHONG'],
  ] as const) {
    const res = await admin.post('/api/users', { username, displayName: username, password: 'mat-khau-2026', role, unitId: unit[code] });
    expect(res.statusCode, res.body).toBe(201);
    id[username] = res.json().id;
  }
  tanphong = await loginAs(server.app, 'tanphong');
  thanhpho = await loginAs(server.app, 'thanhpho');
});
afterAll(async () => {
  await server?.close();
});

const patch = (client: Client, userId: number, payload: object) => client.request({ method: 'PATCH', url: `/api/users/${userId}`, payload });

describe('a ward officer', () => {
  it('cannot reset, deactivate or rename the administrator inside the ward, and does not see it', async () => {
    const list = (await tanphong.get('/api/users')).json() as Array<{ username: string }>;
    expect(list.map((u) => u.username)).not.toContain('qt-phuong');
    for (const payload of [{ password: 'chiem-quyen-2026' }, { active: false }, { displayName: 'X' }]) {
      expect([403, 404]).toContain((await patch(tanphong, id['qt-phuong']!, payload)).statusCode);
    }
    await loginAs(server.app, 'qt-phuong', 'mat-khau-2026');
  });

  it('sees peers at the same ward but may not manage them', async () => {
    const list = (await tanphong.get('/api/users')).json() as Array<{ username: string; manageable: boolean }>;
    expect(list.find((u) => u.username === 'canbo2')).toMatchObject({ manageable: false });
    expect(list.find((u) => u.username === 'thamdinh')).toMatchObject({ manageable: false });
    expect(list.find((u) => u.username === 'tanphong')).toMatchObject({ manageable: false });
    const refused = await patch(tanphong, id.canbo2!, { password: 'chiem-quyen-2026' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('ngang cấp hoặc trên cấp bạn');
    expect((await patch(tanphong, id.thamdinh!, { active: false })).statusCode).toBe(403);
    expect((await patch(tanphong, id.tanphong!, { displayName: 'Tự đổi' })).statusCode).toBe(403);
  });

  it('manages the accounts of the ward’s areas, and creates accounts only below the ward', async () => {
    const list = (await tanphong.get('/api/users')).json() as Array<{ username: string; manageable: boolean }>;
    expect(list.find((u) => u.username === 'totruong5')).toMatchObject({ manageable: true });
    expect((await patch(tanphong, id.totruong5!, { displayName: 'Tổ trưởng TDP 5' })).statusCode).toBe(200);
    const peer = await tanphong.post('/api/users', {
      username: 'canbo3',
      displayName: 'Cán bộ 3',
      password: 'mat-khau-2026',
      role: 'officer',
      unitId: unit['LC-TP-TANPHONG'],
    });
    expect(peer.statusCode).toBe(403);
    const below = await tanphong.post('/api/users', {
      username: 'totruong9',
      displayName: 'Tổ trưởng TDP 9',
      password: 'mat-khau-2026',
      role: 'area-head',
      unitId: unit['LC-TP-TANPHONG-TDP09'],
    });
    expect(below.statusCode, below.body).toBe(201);
  });

  it('cannot reach anyone above (the city officer)', async () => {
    expect([403, 404]).toContain((await patch(tanphong, id.thanhpho!, { active: false })).statusCode);
  });
});

describe('the city officer and the administrator', () => {
  it('the city manages the wards’ officers, not the administrators; the administrator manages everyone', async () => {
    const list = (await thanhpho.get('/api/users')).json() as Array<{ username: string; manageable: boolean }>;
    expect(list.find((u) => u.username === 'tanphong')).toMatchObject({ manageable: true });
    expect(list.find((u) => u.username === 'canbo2')).toMatchObject({ manageable: true });
    expect(list.find((u) => u.username === 'thanhpho')).toMatchObject({ manageable: false });
    expect(list.map((u) => u.username)).not.toContain('qt-phuong');
    expect((await patch(thanhpho, id['qt-phuong']!, { password: 'chiem-quyen-2026' })).statusCode).toBe(404);
    expect((await patch(thanhpho, id.canbo2!, { active: false })).statusCode).toBe(200);
    const admin = await loginAs(server.app, 'admin');
    const all = (await admin.get('/api/users')).json() as Array<{ username: string; manageable: boolean }>;
    expect(all.every((u) => u.manageable)).toBe(true);
    expect((await patch(admin, id['qt-phuong']!, { active: false })).statusCode).toBe(200);
  });

  it('an account with a grant above the caller in another branch stays out of reach', async () => {
    await server.db.insert(userRoles).values({ userId: id.totruong5!, role: 'leader', unitId: unit.LC! });
    expect([403, 404]).toContain((await patch(tanphong, id.totruong5!, { displayName: 'Y' })).statusCode);
    await server.db.delete(userRoles).where(and(eq(userRoles.userId, id.totruong5!), eq(userRoles.unitId, unit.LC!)));
  });
});
