/**
 * Opens the database: PostgreSQL when a URL is given, else embedded PGlite in
 * a data directory (or in memory for tests). Both get the same schema, the
 * same migrations and the same query layer (drizzle).
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { count } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { lockDataDir, makePrivate } from './files';
import * as schema from './schema';

/**
 * What raw SQL (`db.execute`) answers under both drivers: node-postgres's
 * QueryResult and PGlite's Results both carry the rows in `rows`. Drizzle's
 * common type says only `unknown`; this says what the two share, so
 * `db.execute<{ id: number }>(sql`…`)` is typed and nothing reads `rows` through a cast.
 */
export interface RawResult<Row> {
  rows: Row[];
}
export interface RowsResultHKT extends PgQueryResultHKT {
  readonly type: RawResult<this['row']>;
}

export type Db = PgDatabase<RowsResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database handle or an open transaction: use cases accept either. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the whole database as a gzip'd tar (PGlite's dumpDataDir), to start others from it. */
  dump?(): Promise<Blob>;
}

export interface OpenOptions {
  /** postgres://… ; when absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; "memory://" or absent for an in-memory database. */
  dataDir?: string;
  /** Where drizzle records applied migrations (PostgreSQL); tests give each schema its own. */
  migrationsSchema?: string;
  /**
   * PostgreSQL: migrate through this connection (the owner role) while the
   * server works through `url` (the application's role, which may not change
   * the schema). Without it, migrations go through `url`; a role that may not
   * migrate is fine as long as nothing is pending.
   */
  migrationUrl?: string;
  /** PGlite: start from a dump of another database (PGlite's dumpDataDir), e.g. the demo built once for a test run. */
  loadDataDir?: Blob;
}

/**
 * The migrations, found from this file: src/db/ in the sources and dist/cli/
 * in the compiled command (scripts/build-cli.mjs) are both two folders below
 * the project, so one relative path serves both. Other modules ask here.
 */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
const migrationsFolder = MIGRATIONS_FOLDER;

const BYTEA = 17;
/**
 * PGlite's own bytea conversion goes through an array of one string per byte: a 256 KB piece of an evidence file
 * (src/app/cycle/evidence.ts) took some 100 ms and megabytes of garbage each way. Node's hex codec does it at once.
 */
const byteaCodec = {
  serializers: { [BYTEA]: (value: Uint8Array) => `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}` },
  parsers: { [BYTEA]: (value: string) => Buffer.from(value.slice(2), 'hex') },
};

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.url) {
    await migratePostgres(options.migrationUrl ?? options.url, options.migrationsSchema);
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  const dir = options.dataDir && options.dataDir !== 'memory://' ? options.dataDir : undefined;
  if (!dir) {
    // PGlite(undefined, options) would drop the options: an in-memory database takes them as its only argument.
    const client = new PGlite(options.loadDataDir ? { ...byteaCodec, loadDataDir: options.loadDataDir } : byteaCodec);
    await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    return { db: drizzlePglite(client, { schema }) as unknown as Db, kind: 'pglite', close: () => client.close(), dump: () => client.dumpDataDir('gzip') };
  }
  makePrivate(dir);
  const release = lockDataDir(dir);
  try {
    const client = new PGlite(dir, options.loadDataDir ? { ...byteaCodec, loadDataDir: options.loadDataDir } : byteaCodec);
    await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    makePrivate(dir); // PGlite's first start unpacks its files world-readable
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
      dump: () => client.dumpDataDir('gzip'),
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** The newest migration's timestamp, as drizzle records it. */
function newestMigration(): number {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: Array<{ when: number }> };
  return Math.max(...journal.entries.map((e) => e.when));
}

/**
 * Applies pending migrations. Several instances may start together: one
 * migrates, the others wait. A role without the right to change the schema
 * (the application's role) passes when nothing is pending, and otherwise
 * stops with what to run.
 */
async function migratePostgres(url: string, migrationsSchema?: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(727001)');
    await migratePg(drizzlePg(client, { schema }), { migrationsFolder, migrationsSchema });
  } catch (error) {
    if ((error as { code?: string; cause?: { code?: string } }).code !== '42501' && (error as { cause?: { code?: string } }).cause?.code !== '42501')
      throw error;
    const table = `${migrationsSchema ? `"${migrationsSchema.replace(/"/g, '""')}"` : 'drizzle'}.__drizzle_migrations`;
    const last = await client.query(`SELECT max(created_at)::bigint AS at FROM ${table}`).then(
      (r) => Number(r.rows[0]?.at ?? 0),
      () => 0,
    );
    if (last < newestMigration())
      throw new Error(
        'Cấu trúc cơ sở dữ liệu chưa được cập nhật và tài khoản CSDL của ứng dụng không được sửa cấu trúc. Hãy chạy "npx kdc migrate" với KDC_MIGRATION_DATABASE_URL của tài khoản chủ sở hữu (docs/deployment.md).',
      );
  } finally {
    await client.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined);
    await client.end();
  }
}

/** True when the database has no unit yet (a first start). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(schema.units);
  return Number(row?.n ?? 0) === 0;
}
