/**
 * A clean database for one test file: in-memory PGlite by default; with
 * KDC_TEST_DATABASE_URL, a fresh schema on that PostgreSQL server (dropped on
 * close), so the same tests run on both and files never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client';

export async function openTestDatabase(): Promise<Database> {
  const url = process.env.KDC_TEST_DATABASE_URL;
  if (!url) return openDatabase({});
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  const database = await openDatabase({ url: withSchema.toString(), migrationsSchema: schema });
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}
