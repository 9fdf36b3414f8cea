/**
 * Importing recognitions made before KDC (unit, year, title): validated
 * whole, written in one transaction, matched on (programme, year, unit,
 * title) so a second import changes nothing. Then the status of every
 * imported recognition of the touched areas is recomputed from their full history,
 * so first time / held / again are right whatever order the years arrive in.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { programTitles, recognitions } from '../../db/schema';
import { parseHistoryRows } from '../../core/import/history';
import { fieldProblem } from '../../core/import/sheet';
import { recognitionStatus } from '../../core/cycle/status';
import type { Actor } from '../actor';
import { recordAuditMany } from '../audit';
import { AREA_KINDS } from '../cycle/load';
import { unitResolver } from '../units/resolve';
import { refuse, stepper, type Progress } from './progress';
import { outOfReach } from './reach';
import { findTitle, importProgram } from './program';
import { readSheet } from './read';

export async function importHistory(db: Db, actor: Actor | null, programCode: string, bytes: Buffer, filename: string, onProgress?: Progress) {
  const program = await importProgram(db, actor, programCode);
  const titles = await db.select().from(programTitles).where(eq(programTitles.programId, program.id));
  onProgress?.({ phase: 'read', done: 0, total: 1 });
  const sheet = await readSheet(bytes, filename);
  const { records, problems, header } = parseHistoryRows(sheet);
  const problem = (row: number, field: string, message: string) => problems.push(fieldProblem(sheet, header, row, field, message));
  const resolver = unitResolver(db);
  await resolver.preload(records.map((r) => r.unit));
  const resolved: Array<{ unitId: number; year: number; titleCode: string; row: number }> = [];
  const check = stepper(onProgress, 'check', records.length);
  for (const [i, r] of records.entries()) {
    check(i + 1);
    const title = r.title ? findTitle(titles, r.title) : undefined;
    if (r.title && !title) problem(r.row, 'title', `phong trào không có danh hiệu "${r.title}" (có: ${titles.map((t) => `${t.code} — ${t.name}`).join('; ')})`);
    const unit = r.unit ? await resolver.resolve(r.unit) : undefined;
    const refusal = !unit ? (r.unit ? `không tìm thấy đơn vị "${r.unit}"` : null)
      : outOfReach(actor, unit, r.unit, 'manage', 'quản lý')
      ?? (!AREA_KINDS.includes(unit.kind) ? `"${unit.name}" không phải thôn, tổ dân phố hay bản: chỉ khu dân cư mới được công nhận danh hiệu` : null);
    if (refusal) problem(r.row, 'unit', refusal);
    if (unit && !refusal && title && r.year) resolved.push({ unitId: unit.id, year: r.year, titleCode: title.code, row: r.row });
  }
  // Two rows may name one area differently (a code, a path): still one recognition.
  const seen = new Map<string, number>();
  for (const r of resolved) {
    const key = `${r.unitId}|${r.year}|${r.titleCode}`;
    if (seen.has(key)) problem(r.row, 'unit', `cùng khu dân cư, năm và danh hiệu với dòng ${seen.get(key)}`);
    else seen.set(key, r.row);
  }
  if (problems.length) refuse(problems);

  return db.transaction(async (tx) => {
    const write = stepper(onProgress, 'write', resolved.length, 1000);
    const inserted: Array<{ id: number; unitId: number; year: number; titleCode: string }> = [];
    for (let i = 0; i < resolved.length; i += 1000) {
      inserted.push(...await tx.insert(recognitions)
        .values(resolved.slice(i, i + 1000).map((r) => ({ unitId: r.unitId, year: r.year, titleCode: r.titleCode, programId: program.id, status: 'lan-dau', source: 'import' })))
        .onConflictDoNothing()
        .returning({ id: recognitions.id, unitId: recognitions.unitId, year: recognitions.year, titleCode: recognitions.titleCode }));
      write(Math.min(i + 1000, resolved.length));
    }
    const recomputed = await recomputeStatuses(tx, program.id, [...new Set(inserted.map((r) => r.unitId))]);
    // A file that changes nothing leaves no trace either: importing twice is the same as once.
    if (inserted.length || recomputed) await recordAuditMany(tx, actor, [
      ...inserted.map((r) => ({ action: 'import', entity: 'recognition', entityId: r.id, unitId: r.unitId, after: { ...r, source: 'import', file: filename } })),
      { action: 'import', entity: 'recognition-history', entityId: program.code, after: { file: filename, rows: records.length, inserted: inserted.length, recomputed } },
    ]);
    return { rows: records.length, inserted: inserted.length, recomputed };
  });
}

/**
 * Status of every imported recognition of these areas from their whole
 * history of the same title; returns how many changed. A recognition made by
 * an issued decision keeps the status the decision states: it is locked.
 */
export async function recomputeStatuses(tx: Queryable, programId: number, unitIds: number[]): Promise<number> {
  const changes: Array<{ id: number; status: string }> = [];
  for (let i = 0; i < unitIds.length; i += 5000) {
    const all = await tx.select().from(recognitions).where(and(eq(recognitions.programId, programId), inArray(recognitions.unitId, unitIds.slice(i, i + 5000))));
    const years = new Map<string, number[]>();
    for (const r of all) if (!r.revoked) years.set(`${r.unitId}|${r.titleCode}`, [...(years.get(`${r.unitId}|${r.titleCode}`) ?? []), r.year]);
    for (const r of all.filter((x) => x.source === 'import')) {
      const status = recognitionStatus(r.year, years.get(`${r.unitId}|${r.titleCode}`) ?? []);
      if (status !== r.status) changes.push({ id: r.id, status });
    }
  }
  for (let i = 0; i < changes.length; i += 5000) {
    const chunk = changes.slice(i, i + 5000);
    await tx.execute(sql`UPDATE recognitions SET status = x.status FROM unnest(${sql.param(chunk.map((c) => c.id))}::int[], ${sql.param(chunk.map((c) => c.status))}::text[]) AS x(id, status) WHERE recognitions.id = x.id`);
  }
  return changes.length;
}
