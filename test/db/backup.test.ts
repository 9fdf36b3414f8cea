/** Backup → restore into an empty database gives the same records and the same reports. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup, writeBackup } from '../../src/app/backup/backup';
import { readEvidence, storeEvidenceFile } from '../../src/app/cycle/evidence';
import { programSummary, programSummaryByUnit } from '../../src/app/reports/summary';
import type { Database } from '../../src/db/client';
import { evidenceFiles, registrations, units } from '../../src/db/schema';
import { openTestDatabase } from '../support/db';

let source: Database;
let target: Database;
const file = join(mkdtempSync(join(tmpdir(), 'kdc-backup-')), 'kdc.jsonl.gz');
const big = randomBytes(17 * 256 * 1024 + 1000);

beforeAll(async () => {
  source = await openTestDatabase({ demo: true });
  const [reg] = await source.db.select().from(registrations);
  const meta = { registrationId: reg!.id, criterionCode: '1.1', mimeType: 'application/pdf', uploadedBy: null };
  await storeEvidenceFile(source.db, { ...meta, filename: 'biên bản họp.pdf' }, [Buffer.from([0, 1, 2, 250, 255])]);
  // Pieces of 256 KB: this one spans four lines' worth of them and ends part-way through one.
  await storeEvidenceFile(source.db, { ...meta, filename: 'ảnh chụp.pdf' }, [big]);
  target = await openTestDatabase();
});
afterAll(async () => {
  await source?.close();
  await target?.close();
});

const dump = async (db: Database['db'], table: string) =>
  ((await db.execute(sql`SELECT row_to_json(t)::text AS j FROM ${sql.identifier(table)} t ORDER BY 1`)) as unknown as { rows: Array<{ j: string }> }).rows.map(
    (r) => r.j,
  );

describe('backup and restore', () => {
  it('restores every table row for row, evidence bytes included, and reports agree', async () => {
    const written = await writeBackup(source.db, file);
    const restored = await restoreBackup(target.db, file);
    expect(restored).toEqual(Object.fromEntries(Object.entries(written).filter(([, n]) => n > 0)));
    for (const table of [
      'units',
      'registrations',
      'scorecard_values',
      'verdicts',
      'recognitions',
      'decisions',
      'users',
      'audit_log',
      'evidence_files',
      'evidence_chunks',
    ])
      expect(await dump(target.db, table)).toEqual(await dump(source.db, table));
    const [small, large] = await target.db.select().from(evidenceFiles).orderBy(evidenceFiles.id);
    expect([...(await buffer(readEvidence(target.db, small!)))]).toEqual([0, 1, 2, 250, 255]);
    expect((await buffer(readEvidence(target.db, large!))).equals(big)).toBe(true);
    expect(large).toMatchObject({ size: big.length, sha256: createHash('sha256').update(big).digest('hex') });
    const city = (await target.db.select().from(units).where(eq(units.code, 'LC-TP')))[0]!.id;
    for (const year of [2021, 2024]) {
      const input = { programCode: 'laichau-tqpttd', year, unitId: city };
      expect(await programSummary(target.db, input)).toEqual(await programSummary(source.db, input));
      expect(await programSummaryByUnit(target.db, input)).toEqual(await programSummaryByUnit(source.db, input));
    }
  });

  it('continues ids after the restored rows, and refuses a database that is not empty', async () => {
    const [max] = await target.db.select({ m: sql<number>`max(id)` }).from(units);
    const [created] = await target.db.insert(units).values({ code: 'MOI', name: 'Mới', nameFolded: 'moi', kind: 'thon', path: '/', depth: 0 }).returning();
    expect(created!.id).toBe(Number(max!.m) + 1);
    await expect(restoreBackup(target.db, file)).rejects.toThrow('Cơ sở dữ liệu đích không trống');
  });
});
