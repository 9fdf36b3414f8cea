/**
 * A clean database for one test file: in-memory PGlite by default; with
 * KDC_TEST_DATABASE_URL, a fresh schema on that PostgreSQL server (dropped on
 * close), so the same tests run on both and files never see each other's rows.
 * With `demo`, the database starts as a copy of the demo built once for the run
 * (./template.ts): a PGlite dump, or a database created from a PostgreSQL template.
 *
 * With KDC_TEST_APP_DATABASE_URL as well (CI sets it), schemas and databases
 * are created and migrated as KDC_TEST_DATABASE_URL's role — the owner — and
 * the tests work through the application's role `kdc_app`, as production does
 * (docs/deployment.md): whatever the application may not do fails here too.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client';
import { demoDump, runDemoTemplate } from './template';

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The same database as the owner's URL, as the application's role when one is configured. */
function asApp(ownerUrl: string): string {
  const app = process.env.KDC_TEST_APP_DATABASE_URL;
  if (!app) return ownerUrl;
  const target = new URL(ownerUrl);
  const role = new URL(app);
  target.username = role.username;
  target.password = role.password;
  return target.toString();
}

/** Opens `ownerUrl`'s database as the application (migrating as the owner when they differ). */
function openAs(ownerUrl: string, migrationsSchema?: string) {
  const url = asApp(ownerUrl);
  return openDatabase({ url, migrationUrl: url === ownerUrl ? undefined : ownerUrl, migrationsSchema });
}

export async function openTestDatabase(options: { demo?: boolean } = {}): Promise<Database & { schema?: string }> {
  const url = process.env.KDC_TEST_DATABASE_URL;
  if (!url) return openDatabase(options.demo ? { loadDataDir: demoDump() } : {});
  const name = `test_${randomBytes(6).toString('hex')}`;
  if (options.demo) {
    await admin(url, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${runDemoTemplate()}`));
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openAs(target.toString());
    return {
      ...database,
      close: async () => {
        await database.close();
        await admin(url, (c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
      },
    };
  }
  await admin(url, (c) => c.query(`CREATE SCHEMA ${name}`));
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${name}`);
  const database = await openAs(withSchema.toString(), name);
  return {
    ...database,
    schema: name,
    close: async () => {
      await database.close();
      await admin(url, (c) => c.query(`DROP SCHEMA ${name} CASCADE`));
    },
  };
}

/** An embedded data directory with the demo, as `npm start` leaves it, for tests that run the real `kdc`. */
export async function demoDataDir(dir: string): Promise<void> {
  const database = await openDatabase({ dataDir: dir, loadDataDir: demoDump() });
  await database.close();
}
