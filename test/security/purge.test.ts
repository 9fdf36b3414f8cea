/**
 * Issue 12, finding 23: expired sessions and old failed logins were never
 * removed. The purge removes them (and nothing live), leaves an audit entry,
 * runs from the server's own timer and from `kdc purge`; two at once do the
 * work once.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/app/auth/sessions';
import { purgeExpired } from '../../src/app/maintenance/purge';
import { openDatabase, type Database } from '../../src/db/client';
import { auditLog, loginAttempts, rateCounters, sessions, users } from '../../src/db/schema';
import { startPurgeTimer } from '../../src/server/purge-timer';
import { runKdc } from '../support/cli';
import { openTestDatabase } from '../support/db';

let database: Database;
let userId = 0;
beforeAll(async () => {
  database = await openTestDatabase();
  [{ id: userId }] = (await database.db.insert(users).values({ username: 'a', displayName: 'A', passwordHash: 'x' }).returning({ id: users.id })) as [
    { id: number },
  ];
});
afterAll(async () => {
  await database?.close();
});

async function seed() {
  const { db } = database;
  const live = await createSession(db, userId, 1);
  await db.insert(sessions).values({ tokenHash: `cu-${Math.random()}`, userId, csrfToken: 'x', expiresAt: new Date(Date.now() - 60_000) });
  await db.insert(loginAttempts).values([
    { key: 'ip:1.2.3.4', at: new Date(Date.now() - 3 * 86_400_000) },
    { key: 'ip:1.2.3.4', at: new Date() },
  ]);
  await db.insert(rateCounters).values([
    { key: 'verify:ip:1.2.3.4', windowStart: new Date(Date.now() - 3 * 86_400_000), hits: 7 },
    { key: 'verify:ip:1.2.3.4', windowStart: new Date(), hits: 1 },
  ]);
  return live;
}

describe('purge', () => {
  it('removes expired sessions, old failed logins and old public request counters, keeps live ones, audits it', async () => {
    await seed();
    const result = await purgeExpired(database.db);
    expect(result).toEqual({ sessions: 1, loginAttempts: 1, rateCounters: 1 });
    expect(await database.db.select().from(rateCounters)).toHaveLength(1);
    expect(await database.db.select().from(sessions)).toHaveLength(1);
    expect(await database.db.select().from(loginAttempts)).toHaveLength(1);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'purge'));
    expect(entry?.after).toEqual({ sessions: 1, loginAttempts: 1, rateCounters: 1 });
    expect(await purgeExpired(database.db)).toEqual({ sessions: 0, loginAttempts: 0, rateCounters: 0 });
  });

  it('two purges at once: one does the work', async () => {
    await seed();
    const both = await Promise.all([purgeExpired(database.db), purgeExpired(database.db)]);
    expect(both.reduce((n, r) => n + r.sessions, 0)).toBe(1);
  });

  it('the server’s timer runs it', async () => {
    await seed();
    const stop = startPurgeTimer(database.db, { info: () => undefined, error: () => undefined }, { firstAfterMs: 10, everyMs: 50 });
    await new Promise((r) => setTimeout(r, 400));
    stop();
    expect((await database.db.select().from(sessions)).every((s) => s.expiresAt > new Date())).toBe(true);
  });
});

describe('kdc purge', () => {
  it('purges the configured embedded database', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kdc-purge-')), 'data');
    const embedded = await openDatabase({ dataDir: dir });
    const [u] = await embedded.db.insert(users).values({ username: 'b', displayName: 'B', passwordHash: 'x' }).returning();
    await embedded.db.insert(sessions).values({ tokenHash: 'h', userId: u!.id, csrfToken: 'x', expiresAt: new Date(Date.now() - 1000) });
    await embedded.close();
    const run = runKdc(['purge'], { env: { KDC_DATA_DIR: dir } });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('Đã xóa 1 phiên đăng nhập hết hạn và 0 lượt đăng nhập sai cũ.\n');
  }, 180_000);
});
