/**
 * A logical, portable backup: gzip'd JSON lines — a header, then every
 * table's rows as PostgreSQL renders them to JSON (bytea as hex, timestamps
 * as ISO text, evidence files included, their pieces a few to a line). The
 * same file restores into the embedded database or into PostgreSQL, because
 * PostgreSQL itself parses the rows back (json_populate_recordset), so
 * nothing is converted by hand. Tables come in src/db/schema.ts's order, so a
 * row arrives after the rows it refers to.
 *
 * Issue 12, finding 10: every table is read in one read-only REPEATABLE READ
 * transaction — one snapshot, so a backup taken while people work holds each
 * change whole or not at all (PGlite runs nothing else while a transaction is
 * open). Sessions, their CSRF tokens and failed logins are not backed up, so
 * a restored copy has no live session (nor do the public routes' request counters come back); password hashes are, so people can
 * sign in to a restored copy (docs/backup.md says so). The file is written
 * readable by its owner only.
 */
import { createReadStream, createWriteStream, fchmodSync, openSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import { getTableName, is, sql, type Table } from 'drizzle-orm';
import { getTableConfig, PgTable as PgTableClass, type PgTable } from 'drizzle-orm/pg-core';
import { MIGRATIONS_FOLDER, type Db, type Queryable } from '../../db/client';
import * as schema from '../../db/schema';
import { AppError } from '../errors';

export const BACKUP_FORMAT = 'kdc-backup/1';
const PAGE = 2000;

const allTables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => typeof v === 'object' && v !== null && is(v, PgTableClass));
/** Tables whose rows only matter while a server runs: never in a backup, skipped in an old one. */
export const NOT_BACKED_UP: ReadonlySet<string> = new Set([
  getTableName(schema.sessions),
  getTableName(schema.loginAttempts),
  getTableName(schema.rateCounters),
  // Kept by triggers; a restore moves the number by itself (its inserts are changes).
  getTableName(schema.figuresRevision),
  getTableName(schema.figuresRevisionPending),
]);
const tables = allTables.filter((t) => !NOT_BACKED_UP.has(getTableName(t as Table)));

/** The newest migration: a backup restores only into the same schema. */
export function schemaVersion(): string {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  return journal.entries.at(-1)!.tag;
}

export async function writeBackup(db: Db, file: string): Promise<Record<string, number>> {
  const fd = openSync(file, 'w', 0o600);
  fchmodSync(fd, 0o600); // an existing file keeps its old mode otherwise
  const stream = createWriteStream('', { fd });
  const gzip = createGzip();
  const out = gzip.pipe(stream);
  try {
    const counts = await db.transaction((tx) => writeTables(tx, gzip), { isolationLevel: 'repeatable read', accessMode: 'read only' });
    gzip.end();
    await finished(out);
    return counts;
  } catch (error) {
    gzip.destroy();
    stream.destroy();
    throw error;
  }
}

async function writeTables(db: Queryable, gzip: ReturnType<typeof createGzip>): Promise<Record<string, number>> {
  const write = (line: unknown) =>
    new Promise<void>((resolve) => {
      if (gzip.write(`${JSON.stringify(line)}\n`)) resolve();
      else gzip.once('drain', resolve);
    });
  await write({ format: BACKUP_FORMAT, createdAt: new Date().toISOString(), schemaVersion: schemaVersion() });
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const name = getTableName(table as Table);
    counts[name] = 0;
    if (name === CHUNKS) {
      counts[name] = await writeChunks(db, write);
      continue;
    }
    for (let offset = 0; ; offset += PAGE) {
      const { rows } = await db.execute<{ j: string }>(
        sql`SELECT row_to_json(t)::text AS j FROM ${sql.identifier(name)} t ORDER BY 1 LIMIT ${PAGE} OFFSET ${offset}`,
      );
      if (!rows.length) break;
      await write({ table: name, rows: rows.map((r) => JSON.parse(r.j)) });
      counts[name] += rows.length;
      if (rows.length < PAGE) break;
    }
  }
  return counts;
}

const CHUNKS = getTableName(schema.evidenceChunks);
/** Evidence pieces on one line: each is up to 256 KB, twice that as hex, so a line stays near 2 MB to write and to read back. */
const CHUNKS_PAGE = 4;

/** Evidence pieces in key order, each page after the last piece written, so no query re-reads the pieces before it (as OFFSET would). */
async function writeChunks(db: Queryable, write: (line: unknown) => Promise<void>): Promise<number> {
  let written = 0;
  let after = { evidenceId: 0, seq: -1 };
  for (;;) {
    const { rows } = await db.execute<{
      evidence_id: number;
      seq: number;
      j: string;
    }>(sql`SELECT evidence_id, seq, row_to_json(t)::text AS j FROM ${sql.identifier(CHUNKS)} t
      WHERE (evidence_id, seq) > (${after.evidenceId}, ${after.seq}) ORDER BY evidence_id, seq LIMIT ${CHUNKS_PAGE}`);
    if (!rows.length) return written;
    await write({ table: CHUNKS, rows: rows.map((r) => JSON.parse(r.j)) });
    written += rows.length;
    const last = rows.at(-1)!;
    after = { evidenceId: Number(last.evidence_id), seq: Number(last.seq) };
    if (rows.length < CHUNKS_PAGE) return written;
  }
}

async function assertEmpty(db: Queryable): Promise<void> {
  for (const table of tables) {
    const name = getTableName(table as Table);
    const [row] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)}`)).rows;
    if ((row?.n ?? 0) > 0)
      throw new AppError('conflict', `Cơ sở dữ liệu đích không trống (bảng ${name} đã có dữ liệu). Chỉ khôi phục vào một cơ sở dữ liệu mới.`);
  }
}

export async function restoreBackup(db: Db, file: string): Promise<Record<string, number>> {
  await assertEmpty(db);
  const counts: Record<string, number> = {};
  const known = new Set(tables.map((t) => getTableName(t as Table)));
  await db.transaction(async (tx) => {
    let header = true;
    try {
      // Opened right where it is read: readline starts reading at once, and lines it reads before the loop asks
      // for them are lost — on PostgreSQL, opening the transaction took long enough to lose the header.
      const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line.trim()) continue;
        const record = JSON.parse(line) as { format?: string; schemaVersion?: string; table?: string; rows?: unknown[] };
        if (header) {
          if (record.format !== BACKUP_FORMAT) throw new AppError('validation', 'Tệp không phải bản sao lưu KDC');
          if (record.schemaVersion !== schemaVersion())
            throw new AppError('validation', `Bản sao lưu thuộc phiên bản cấu trúc ${record.schemaVersion}, hệ thống đang ở ${schemaVersion()}`);
          header = false;
          continue;
        }
        if (record.table && NOT_BACKED_UP.has(record.table)) continue; // an older backup's sessions never come back to life
        if (!record.table || !known.has(record.table) || !Array.isArray(record.rows))
          throw new AppError('validation', 'Tệp sao lưu bị hỏng (bảng không hợp lệ)');
        const name = sql.identifier(record.table);
        await tx.execute(sql`INSERT INTO ${name} SELECT * FROM json_populate_recordset(NULL::${name}, ${JSON.stringify(record.rows)}::json)`);
        counts[record.table] = (counts[record.table] ?? 0) + record.rows.length;
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('validation', `Không đọc được tệp sao lưu: ${(error as Error).message}`);
    }
    if (header) throw new AppError('validation', 'Tệp sao lưu rỗng');
    await resetSequences(tx);
  });
  return counts;
}

/** After rows arrive with their ids, each serial sequence continues from the largest id. */
async function resetSequences(db: Queryable): Promise<void> {
  for (const table of tables) {
    const config = getTableConfig(table);
    for (const column of config.columns) {
      if (!['PgSerial', 'PgBigSerial53', 'PgBigSerial64'].includes(column.columnType)) continue;
      const t = sql.identifier(config.name);
      const c = sql.identifier(column.name);
      await db.execute(
        sql`SELECT setval(pg_get_serial_sequence(${config.name}, ${column.name}), coalesce((SELECT max(${c}) FROM ${t}), 1), (SELECT max(${c}) FROM ${t}) IS NOT NULL)`,
      );
    }
  }
}
