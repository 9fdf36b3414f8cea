/**
 * Removing what has no use any more: sessions past their expiry (a stolen
 * cookie of last month must not even exist) and failed-login records older
 * than the throttle looks back (the audit log keeps every sign-in for good),
 * and the public routes' request counters of past windows.
 * Run daily by each server (src/server/purge-timer.ts) and by `kdc purge`
 * from cron; when several run at once only one does the work.
 */
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginAttempts, rateCounters, sessions } from '../../db/schema';
import { recordAudit } from '../audit';

/** Failed logins are kept this long; the throttle only looks at the last THROTTLE_WINDOW (src/app/auth/throttle.ts). */
export const KEEP_LOGIN_ATTEMPTS_HOURS = 24;
const PURGE_LOCK = 727_002;

export interface PurgeResult {
  sessions: number;
  loginAttempts: number;
  rateCounters: number;
  skipped?: boolean;
}

export async function purgeExpired(db: Db, now = new Date()): Promise<PurgeResult> {
  return db.transaction(async (tx) => {
    const lock = await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${PURGE_LOCK}) AS ok`);
    if (!lock.rows[0]?.ok) return { sessions: 0, loginAttempts: 0, rateCounters: 0, skipped: true };
    const expired = await tx.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ userId: sessions.userId });
    const old = await tx
      .delete(loginAttempts)
      .where(lt(loginAttempts.at, new Date(now.getTime() - KEEP_LOGIN_ATTEMPTS_HOURS * 3_600_000)))
      .returning({ id: loginAttempts.id });
    // Every window a public route counts in is far shorter than a day.
    const counters = await tx
      .delete(rateCounters)
      .where(lt(rateCounters.windowStart, new Date(now.getTime() - KEEP_LOGIN_ATTEMPTS_HOURS * 3_600_000)))
      .returning({ key: rateCounters.key });
    const result = { sessions: expired.length, loginAttempts: old.length, rateCounters: counters.length };
    if (result.sessions || result.loginAttempts || result.rateCounters) await recordAudit(tx, null, { action: 'purge', entity: 'system', after: result });
    return result;
  });
}
