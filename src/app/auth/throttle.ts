/**
 * Login throttling that slows guessing without ever locking anyone out.
 *
 * Failed attempts are counted per user name and per client address over the
 * last THROTTLE.windowMinutes, in the database (so it holds across server
 * instances). The first `freeFailures` cost nothing; after that each attempt
 * on that name or from that address is checked no sooner than a delay after
 * the previous one, doubling from `firstDelayMs` up to `maxDelayMs`. The
 * server waits that long itself and then checks the password, so the right
 * password always gets in, at worst `maxDelayMs` late. Attempts in flight
 * count too and take their turn, so firing many at once is no faster than
 * one by one; only when the queue for a name or an address reaches
 * `maxQueueMs` is an attempt turned away (429 with Retry-After).
 */
import { and, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginAttempts } from '../../db/schema';

export interface ThrottlePolicy {
  windowMinutes: number;
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  maxQueueMs: number;
}

export const THROTTLE: ThrottlePolicy = { windowMinutes: 15, freeFailures: 5, firstDelayMs: 1000, maxDelayMs: 30_000, maxQueueMs: 120_000 };

/** How long after the previous attempt the next may be checked, once `failures` are on record. */
export function delayAfter(failures: number, policy: ThrottlePolicy = THROTTLE): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.firstDelayMs * 2 ** Math.min(failures - policy.freeFailures, 30), policy.maxDelayMs);
}

export const throttleKeys = (username: string, address: string) => [`user:${username}`, `ip:${address}`];

export type Turn = { waitMs: number; ids: number[] } | { retryAfterMs: number };

/**
 * Books this attempt's turn for every key: the moment it may be checked, no
 * sooner than the delay after the latest turn already booked. The booking is
 * a row of login_attempts at that moment; it stays as a failure unless the
 * attempt succeeds (then `release` removes it).
 */
export async function bookTurn(db: Db, keys: string[], policy: ThrottlePolicy = THROTTLE, now = Date.now()): Promise<Turn> {
  return db.transaction(async (tx) => {
    for (const key of [...keys].sort()) await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`);
    const since = new Date(now - policy.windowMinutes * 60_000);
    const booked = await tx
      .select({ key: loginAttempts.key, n: sql<number>`count(*)::int`, last: sql<string>`max(${loginAttempts.at})` })
      .from(loginAttempts)
      .where(and(inArray(loginAttempts.key, keys), gt(loginAttempts.at, since)))
      .groupBy(loginAttempts.key);
    const turn = booked.reduce((at, b) => Math.max(at, new Date(b.last).getTime() + delayAfter(Number(b.n), policy)), now);
    if (turn - now > policy.maxQueueMs) return { retryAfterMs: Math.max(1000, turn - now - policy.maxQueueMs) };
    const rows = await tx
      .insert(loginAttempts)
      .values(keys.map((key) => ({ key, at: new Date(turn) })))
      .returning({ id: loginAttempts.id });
    return { waitMs: turn - now, ids: rows.map((r) => r.id) };
  });
}

/** A successful attempt is not a failure: its bookings go. */
export async function releaseTurn(db: Db, ids: number[]): Promise<void> {
  if (ids.length) await db.delete(loginAttempts).where(inArray(loginAttempts.id, ids));
}

export const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });
