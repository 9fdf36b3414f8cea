/**
 * Migration 0010 (issue 14, item 4): the rows kept before it each get a
 * verification code of their own, of the printed alphabet, distinct; rows
 * written after it get one whoever writes them. PGlite, applying the SQL
 * files as the migrator does (the migrator itself only goes all the way).
 */
import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../src/db/client';
import { normalizeVerifyCode } from '../../src/core/verify/code';

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };

async function apply(db: PGlite, tag: string) {
  for (const statement of readFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) {
    if (statement.trim()) await db.exec(statement);
  }
}

describe('migration 0010_verify_codes', () => {
  it('gives every existing recognition and decision its own code, and every new one too', async () => {
    const db = new PGlite();
    const tags = journal.entries.map((e) => e.tag);
    const at = tags.indexOf('0010_verify_codes');
    expect(at).toBeGreaterThan(0);
    for (const tag of tags.slice(0, at)) await apply(db, tag);
    await db.exec(`
      INSERT INTO recognitions (program_id, year, unit_id, title_code, status, source)
        SELECT 1, 2020 + (i % 5), i, 't', 'lan-dau', 'import' FROM generate_series(1, 500) AS i;
      INSERT INTO decisions (program_id, year, title_code, number, issued_on, signer, issuing_body, issuing_unit_id, status)
        VALUES (1, 2024, 't', '1/QĐ', '2024-11-15', 'X', 'UBND', 1, 'issued'), (1, 2025, 't', '2/QĐ', '2025-11-15', 'X', 'UBND', 1, 'draft');`);
    for (const tag of tags.slice(at)) await apply(db, tag);
    await db.exec(`INSERT INTO recognitions (program_id, year, unit_id, title_code, status, source) VALUES (1, 2026, 1, 't', 'lan-dau', 'decision')`);
    const codes = [
      ...(await db.query<{ verify_code: string }>('SELECT verify_code FROM recognitions')).rows,
      ...(await db.query<{ verify_code: string }>('SELECT verify_code FROM decisions')).rows,
    ].map((r) => r.verify_code);
    expect(codes).toHaveLength(503);
    expect(new Set(codes).size).toBe(503);
    for (const code of codes) expect(normalizeVerifyCode(code)).toBe(code);
    // Every character of the alphabet turns up: the draw is not stuck on a few.
    expect(new Set(codes.join('')).size).toBe(32);
    await db.close();
  });
});
