/**
 * Issue 12, finding 11 (what `GET /api/audit` shows): reorganisations were
 * stored with no unit, so nobody — not even an administrator — saw them.
 * Now each is filed under the unit reorganised and read by whoever's scope
 * covers it; entries with no unit (the system's own) are read by
 * administrators only. Sign-ins: test/security/login.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/app/audit';
import { demoServer, loginAs } from '../support/server';

let server: Awaited<ReturnType<typeof demoServer>>;
beforeAll(async () => {
  server = await demoServer();
});
afterAll(async () => {
  await server?.close();
});

type Entry = { action: string; unitId: number | null; after: Record<string, unknown> | null };

describe('reorganisations in the audit log', () => {
  it('are read by the ward that was reorganised, the city above it and the administrator, not by another ward', async () => {
    const thanhpho = await loginAs(server.app, 'thanhpho');
    const res = await thanhpho.post('/api/reorganizations', { kind: 'rename', date: '2026-01-01', unit: 'LC-TP-TANPHONG-TDP05', name: 'Tổ dân phố số 5 mới' });
    expect(res.statusCode, res.body).toBe(201);
    const seen = async (username: string) =>
      ((await (await loginAs(server.app, username)).get('/api/audit?limit=500')).json() as Entry[]).filter((e) => e.action === 'reorganize-rename');
    for (const who of ['tanphong', 'thanhpho', 'admin']) expect(await seen(who), who).toHaveLength(1);
    expect(await seen('doanket')).toHaveLength(0);
  });

  it('system-wide entries are for administrators only', async () => {
    await recordAudit(server.db, null, { action: 'he-thong', entity: 'system' });
    const read = async (username: string) =>
      ((await (await loginAs(server.app, username)).get('/api/audit?limit=500')).json() as Entry[]).some((e) => e.action === 'he-thong');
    expect(await read('admin')).toBe(true);
    expect(await read('thanhpho')).toBe(false);
  });
});
