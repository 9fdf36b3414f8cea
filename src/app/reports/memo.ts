/**
 * Figures computed once per state of the records (issue 15: on the deadline
 * days thousands of officers open the same summaries; each took a dozen
 * queries). A result is remembered under the figures revision
 * (db/schema.ts, figuresRevision), which every committed change to the
 * records moves in its own transaction: one small query tells whether what is
 * remembered is still exact, on whichever server instance answers.
 *
 * Only what does not depend on who asks is remembered: callers check scope
 * first and key by everything the result depends on. Results are shared
 * between requests and must not be changed by whoever receives them.
 */
import { PgTransaction } from 'drizzle-orm/pg-core';
import { LRUCache } from 'lru-cache';
import type { Queryable } from '../../db/client';
import { figuresRevision } from '../../db/schema';

/** Entries of old revisions are never read again and age out. */
const remembered = new LRUCache<string, Promise<unknown>>({ max: 2000 });

export async function figuresRevisionNow(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: figuresRevision.n }).from(figuresRevision);
  return row?.n ?? -1;
}

/**
 * `compute()`, or what it gave for the same key under the same revision.
 * Simultaneous first requests share one computation; a failure is not kept.
 * `revision`, when the caller has read it already (with the session: see
 * app/auth/sessions.ts), spares the query. Read before the computation, it
 * can only be older than the records computed from, never newer: what is
 * remembered under it is as fresh as the answer would have been.
 */
export async function rememberFigures<T>(db: Queryable, key: string, compute: () => Promise<T>, revision?: number | null): Promise<T> {
  // Inside a transaction the records may hold its own changes, not yet under any revision: never remember those.
  if (db instanceof PgTransaction) return compute();
  const at = `${revision ?? (await figuresRevisionNow(db))}|${key}`;
  const known = remembered.get(at) as Promise<T> | undefined;
  if (known) return known;
  const pending = compute();
  remembered.set(at, pending);
  pending.catch(() => remembered.delete(at));
  return pending;
}

/** For tests and after a restore into a running process. */
export function forgetFigures(): void {
  remembered.clear();
}
