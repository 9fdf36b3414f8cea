/** The configured database for one `kdc` command: opened, used, closed even when the command fails. */
import type { Db } from '../db/client';
import { parseYear as readYear } from '../core/import/history';
import { AppError } from '../app/errors';
import { CliError } from './errors';

/** Said when something is not found in a database that holds nothing yet: the usual first mistake. */
export const EMPTY_DATABASE_HINT =
  'Cơ sở dữ liệu này còn trống. Để thử KDC: kdc demo (nạp dữ liệu mẫu, như npm start lần đầu). Để dùng thật: tạo quản trị viên, đơn vị và phong trào theo docs/deployment.md.';

export async function withDb<T>(run: (db: Db) => Promise<T>): Promise<T> {
  // Loaded here, not at the top: commands that need no database start without
  // loading PGlite, node-postgres and drizzle.
  const { configuredDatabase } = await import('../db/configured');
  const { isEmpty } = await import('../db/client');
  const database = await configuredDatabase();
  try {
    return await run(database.db);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found' && (await isEmpty(database.db).catch(() => false)))
      throw new CliError(`${error.message}\n${EMPTY_DATABASE_HINT}`, 2);
    throw error;
  } finally {
    await database.close();
  }
}

/** A year given on the command line, or a Vietnamese usage error (exit 2). */
export function parseYear(text: string): number {
  const year = readYear(text);
  if (year === null) throw new CliError(`Năm "${text}" không hợp lệ`, 2);
  return year;
}
