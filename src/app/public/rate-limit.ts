/**
 * Rate limits for the public routes: requests counted per key in fixed
 * windows, in the database (rate_counters) so the limit holds across server
 * instances, like the sign-in throttle (../auth/throttle.ts). One statement
 * per request: an upsert that returns the count. Old windows go with the
 * daily purge (../maintenance/purge.ts).
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { rateCounters } from '../../db/schema';

export interface RatePolicy {
  max: number;
  windowSeconds: number;
}

export type RateResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function countRequest(db: Queryable, key: string, policy: RatePolicy, now = Date.now()): Promise<RateResult> {
  const windowMs = policy.windowSeconds * 1000;
  const start = Math.floor(now / windowMs) * windowMs;
  const [row] = await db
    .insert(rateCounters)
    .values({ key, windowStart: new Date(start), hits: 1 })
    .onConflictDoUpdate({ target: [rateCounters.key, rateCounters.windowStart], set: { hits: sql`${rateCounters.hits} + 1` } })
    .returning({ hits: rateCounters.hits });
  if ((row?.hits ?? 0) <= policy.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) };
}
