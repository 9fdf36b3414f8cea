/**
 * Importing recognitions made before KDC (unit, year, title): validated
 * whole, written in one transaction, matched on (programme, year, unit,
 * title) so a second import changes nothing; then the status of every
 * recognition of the touched units and titles is recomputed from the full
 * history, so first time / held / again are right whatever order years arrive in.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { programs, programTitles, recognitions } from '../../db/schema';
import { describeImportProblems, parseHistoryRows } from '../../core/import/rows';
import { recognitionStatus } from '../../core/cycle/status';
import { fold } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { invalid, notFound } from '../errors';
import { coversPath } from '../scope';
import { resolveUnitRef } from '../units/resolve';
import { readSheets } from './read';
import type { Progress } from './units';

export async function importHistory(db: Db, actor: Actor | null, programCode: string, bytes: Buffer, filename: string, onProgress?: Progress) {
  const [program] = await db.select().from(programs).where(eq(programs.code, programCode));
  if (!program) throw notFound(`phong trào "${programCode}"`);
  const titles = await db.select().from(programTitles).where(eq(programTitles.programId, program.id));
  const sheets = await readSheets(bytes, filename);
  const sheet = sheets[0] ?? { name: filename, rows: [] };
  const { records, problems } = parseHistoryRows(sheet);
  const resolved: Array<{ unitId: number; year: number; titleCode: string }> = [];
  for (const r of records) {
    const title = titles.find((t) => fold(t.code) === fold(r.title) || fold(t.name) === fold(r.title));
    if (!title) problems.push({ sheet: sheet.name, row: r.row, column: 'title', message: `phong trào không có danh hiệu "${r.title}" (có: ${titles.map((t) => t.code).join(', ')})` });
    const unit = r.unit ? await resolveUnitRef(db, r.unit).catch(() => undefined) : undefined;
    if (r.unit && !unit) problems.push({ sheet: sheet.name, row: r.row, column: 'unit', message: `không tìm thấy đơn vị "${r.unit}"` });
    if (unit && actor && !coversPath(actor, unit.path, 'manage')) problems.push({ sheet: sheet.name, row: r.row, column: 'unit', message: `"${unit.name}" nằm ngoài phạm vi quản lý của bạn` });
    if (unit && title) resolved.push({ unitId: unit.id, year: r.year, titleCode: title.code });
  }
  if (problems.length) throw invalid(`Tệp có ${problems.length} lỗi, chưa ghi gì vào hệ thống:\n${describeImportProblems(problems.slice(0, 50))}`, problems);

  return db.transaction(async (tx) => {
    const inserted = await tx.insert(recognitions)
      .values(resolved.map((r) => ({ ...r, programId: program.id, status: 'lan-dau', source: 'import' })))
      .onConflictDoNothing()
      .returning({ id: recognitions.id });
    const unitIds = [...new Set(resolved.map((r) => r.unitId))];
    let recomputed = 0;
    if (unitIds.length) {
      const all = await tx.select().from(recognitions).where(and(eq(recognitions.programId, program.id), inArray(recognitions.unitId, unitIds)));
      for (const rec of all) {
        const years = all.filter((o) => o.unitId === rec.unitId && o.titleCode === rec.titleCode && !o.revoked).map((o) => o.year);
        const status = recognitionStatus(rec.year, years);
        if (status !== rec.status) { await tx.update(recognitions).set({ status }).where(eq(recognitions.id, rec.id)); recomputed++; }
      }
    }
    await recordAudit(tx, actor, { action: 'import', entity: 'recognition-history', entityId: program.code, after: { rows: records.length, inserted: inserted.length } });
    onProgress?.(records.length, records.length);
    return { rows: records.length, inserted: inserted.length, recomputed };
  });
}
