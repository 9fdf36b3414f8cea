/**
 * A logical, portable backup: gzip'd JSON lines — a header, then every
 * table's rows as PostgreSQL renders them to JSON (bytea as hex, timestamps
 * as ISO text, evidence files included). The same file restores into the
 * embedded database or into PostgreSQL, because PostgreSQL itself parses the
 * rows back (json_populate_recordset), so nothing is converted by hand.
 */
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { getTableName, is, sql, type Table } from 'drizzle-orm';
import { getTableConfig, PgTable as PgTableClass, type PgTable } from 'drizzle-orm/pg-core';
import type { Db, Queryable } from '../../db/client';
import * as schema from '../../db/schema';
import { AppError } from '../errors';

export const BACKUP_FORMAT = 'kdc-backup/1';
const PAGE = 2000;

const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => typeof v === 'object' && v !== null && is(v, PgTableClass));
const rowsOf = (result: unknown) => (result as { rows: Array<Record<string, unknown>> }).rows;

/** The newest migration: a backup restores only into the same schema. */
export function schemaVersion(): string {
  const journal = JSON.parse(readFileSync(fileURLToPath(new URL('../../../drizzle/meta/_journal.json', import.meta.url)), 'utf8')) as { entries: Array<{ tag: string }> };
  return journal.entries.at(-1)!.tag;
}

export async function writeBackup(db: Queryable, file: string): Promise<Record<string, number>> {
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(file));
  const write = (line: unknown) => new Promise<void>((resolve) => { if (gzip.write(`${JSON.stringify(line)}\n`)) resolve(); else gzip.once('drain', resolve); });
  await write({ format: BACKUP_FORMAT, createdAt: new Date().toISOString(), schemaVersion: schemaVersion() });
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const name = getTableName(table as Table);
    counts[name] = 0;
    for (let offset = 0; ; offset += PAGE) {
      const rows = rowsOf(await db.execute(sql`SELECT row_to_json(t)::text AS j FROM ${sql.identifier(name)} t ORDER BY 1 LIMIT ${PAGE} OFFSET ${offset}`));
      if (!rows.length) break;
      await write({ table: name, rows: rows.map((r) => JSON.parse(String(r.j))) });
      counts[name] += rows.length;
      if (rows.length < PAGE) break;
    }
  }
  gzip.end();
  await finished(out);
  return counts;
}

async function assertEmpty(db: Queryable): Promise<void> {
  for (const table of tables) {
    const name = getTableName(table as Table);
    const [row] = rowsOf(await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)}`));
    if (Number(row?.n) > 0) throw new AppError('conflict', `Cơ sở dữ liệu đích không trống (bảng ${name} đã có dữ liệu). Chỉ khôi phục vào một cơ sở dữ liệu mới.`);
  }
}

export async function restoreBackup(db: Db, file: string): Promise<Record<string, number>> {
  await assertEmpty(db);
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const counts: Record<string, number> = {};
  const known = new Set(tables.map((t) => getTableName(t as Table)));
  await db.transaction(async (tx) => {
    let header = true;
    try {
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
        if (!record.table || !known.has(record.table) || !Array.isArray(record.rows)) throw new AppError('validation', 'Tệp sao lưu bị hỏng (bảng không hợp lệ)');
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
      await db.execute(sql`SELECT setval(pg_get_serial_sequence(${config.name}, ${column.name}), coalesce((SELECT max(${c}) FROM ${t}), 1), (SELECT max(${c}) FROM ${t}) IS NOT NULL)`);
    }
  }
}
