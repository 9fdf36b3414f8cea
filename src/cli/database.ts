/** The configured database for one `kdc` command: opened, used, closed even when the command fails. */
import type { Db } from '../db/client';
import { configuredDatabase } from '../db/configured';
import { parseYear as readYear } from '../core/import/history';
import { CliError } from './errors';

export async function withDb<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const database = await configuredDatabase();
  try { return await run(database.db); } finally { await database.close(); }
}

/** A year given on the command line, or a Vietnamese usage error (exit 2). */
export function parseYear(text: string): number {
  const year = readYear(text);
  if (year === null) throw new CliError(`Năm "${text}" không hợp lệ`, 2);
  return year;
}
