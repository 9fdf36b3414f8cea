/**
 * The figures revision (db/schema.ts, figuresRevision) and the summaries
 * remembered under it (app/reports/memo.ts): every committed change to the
 * records moves it once, a rolled-back one does not, sessions do not; and a
 * change made outside this server (another instance, psql) is in the next
 * answer, never hidden behind what was remembered.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresRevisionNow } from '../../src/app/reports/memo';
import { programs, registrations, units } from '../../src/db/schema';
import { demoServer, loginAs, type Client } from '../support/server';

let server: Awaited<ReturnType<typeof demoServer>>;
let thanhpho: Client;
// rate_counters: the public routes' request counters (drizzle/0010), written on every verification request.
const NOT_FIGURES = ['audit_log', 'figures_revision', 'figures_revision_pending', 'login_attempts', 'rate_counters', 'sessions'];

beforeAll(async () => {
  server = await demoServer();
  thanhpho = await loginAs(server.app, 'thanhpho');
});
afterAll(async () => {
  await server?.close();
});

const summary = async (year: number) => {
  const res = await thanhpho.get(`/api/programs/laichau-tqpttd/summary?year=${year}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { registered: number; recognized: number };
};

describe('the figures revision', () => {
  it('every table but sessions, login attempts, request counters and the audit log carries the trigger that moves it', async () => {
    const { rows } = await server.db.execute<{ table: string; triggered: boolean }>(sql`
      SELECT c.relname AS table, EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'figures_changed') AS triggered
      FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = to_regnamespace(current_schema())::oid ORDER BY 1`);
    expect(rows.length).toBeGreaterThan(30);
    const missing = rows.filter((r) => !r.triggered && !NOT_FIGURES.includes(r.table)).map((r) => r.table);
    expect(missing, 'tables a new migration left without the trigger').toEqual([]);
    expect(rows.filter((r) => r.triggered && NOT_FIGURES.includes(r.table)).map((r) => r.table)).toEqual([]);
  });

  it('moves once per committed transaction, however many tables and rows it wrote; not for a rollback or a sign-in', async () => {
    const before = await figuresRevisionNow(server.db);
    await server.db.transaction(async (tx) => {
      await tx.update(programs).set({ description: 'một' }).where(eq(programs.code, 'laichau-tqpttd'));
      await tx
        .update(units)
        .set({ name: sql`${units.name}` })
        .where(sql`${units.kind} = 'to-dan-pho'`);
      await tx.update(programs).set({ description: 'hai' }).where(eq(programs.code, 'laichau-tqpttd'));
    });
    expect(await figuresRevisionNow(server.db)).toBe(before + 1);

    await expect(
      server.db.transaction(async (tx) => {
        await tx.update(programs).set({ description: 'không giữ' }).where(eq(programs.code, 'laichau-tqpttd'));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await figuresRevisionNow(server.db)).toBe(before + 1);

    await loginAs(server.app, 'tanphong');
    expect(await figuresRevisionNow(server.db)).toBe(before + 1);
    const { rows } = await server.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM figures_revision_pending`);
    expect(rows[0]!.n).toBe(0);
  });
});

describe('summaries remembered under the revision', () => {
  it('a change written outside this server is in the very next summary', async () => {
    const first = await summary(2024);
    expect(await summary(2024)).toEqual(first); // remembered, same answer
    // As another instance (or psql) would: straight into the database, not through this server.
    const [reg] = await server.db
      .select({ id: registrations.id })
      .from(registrations)
      .where(sql`${registrations.year} = 2024 AND ${registrations.titleCode} IS NOT NULL`)
      .limit(1);
    await server.db.update(registrations).set({ titleCode: null }).where(eq(registrations.id, reg!.id));
    const after = await summary(2024);
    expect(after.registered).toBe(first.registered - 1);
    expect(await summary(2024)).toEqual(after);
  });

  it('the areas list follows the same rule', async () => {
    const url = '/api/programs/laichau-tqpttd/areas?year=2025&limit=1000';
    const before = (await thanhpho.get(url)).json() as { items: Array<{ unitId: number; unitName: string }> };
    const area = before.items[0]!;
    await server.db
      .update(units)
      .set({ name: `${area.unitName} (đổi tên)` })
      .where(eq(units.id, area.unitId));
    const after = (await thanhpho.get(url)).json() as { items: Array<{ unitId: number; unitName: string }> };
    expect(after.items.find((a) => a.unitId === area.unitId)!.unitName).toBe(`${area.unitName} (đổi tên)`);
  });

  it('so does the unit search, scope and all', async () => {
    const search = async (client: Client, q: string) =>
      ((await client.get(`/api/units?q=${encodeURIComponent(q)}`)).json() as Array<{ id: number; name: string }>).map((u) => u.name);
    expect(await search(thanhpho, 'khu pho thu nghiem')).toEqual([]);
    const [ward] = await server.db.select({ id: units.id, name: units.name }).from(units).where(eq(units.name, 'Phường Đoàn Kết'));
    await server.db.update(units).set({ name: 'Khu phố thử nghiệm', nameFolded: 'khu pho thu nghiem' }).where(eq(units.id, ward!.id));
    expect(await search(thanhpho, 'khu pho thu nghiem')).toEqual(['Khu phố thử nghiệm']);
    // Another ward's officer shares no scope with it: the remembered answer is not theirs.
    expect(await search(await loginAs(server.app, 'tanphong'), 'khu pho thu nghiem')).toEqual([]);
  });
});
