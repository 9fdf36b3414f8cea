/**
 * The daily purge inside the server: once a minute after start, then every
 * 24 hours. Several instances may each run it; the purge itself makes sure
 * only one works at a time (src/app/maintenance/purge.ts). The timer never
 * keeps the process alive on its own.
 */
import type { FastifyBaseLogger } from 'fastify';
import { purgeExpired } from '../app/maintenance/purge';
import type { Db } from '../db/client';

export const PURGE_EVERY_MS = 24 * 3_600_000;

export function startPurgeTimer(db: Db, log: Pick<FastifyBaseLogger, 'info' | 'error'>, options: { firstAfterMs?: number; everyMs?: number } = {}): () => void {
  const run = () => {
    purgeExpired(db).then(
      (result) => {
        if (result.sessions || result.loginAttempts || result.rateCounters) log.info({ purge: result }, 'purged expired sessions and old login attempts');
      },
      (error: unknown) => log.error({ err: error }, 'purge failed'),
    );
  };
  const first = setTimeout(run, options.firstAfterMs ?? 60_000);
  const every = setInterval(run, options.everyMs ?? PURGE_EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
