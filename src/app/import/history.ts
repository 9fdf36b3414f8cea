/**
 * Importing recognitions made before KDC (unit, year, title): validated
 * whole, written in one transaction, matched on (programme, year, unit,
 * title) so a second import changes nothing. Then the status of every
 * imported recognition of the touched areas is recomputed from their full history,
 * so first time / held / again are right whatever order the years arrive in.
 *
 * History is what was decided before the programme ran in KDC: only years
 * before its first year here (from then on, recognitions come from decisions
 * issued in KDC, and an imported one would change the figures and clash with
 * the next decision), and only by whoever may decide for the programme
 * (issue 12, finding 2).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { inBatches, insertBatchSize } from '../../db/batch';
import { programTitles, programYears, recognitions } from '../../db/schema';
import { parseHistoryRows, type HistoryRecord } from '../../core/import/history';
import { fieldProblem, type ImportProblemKind } from '../../core/import/sheet';
import { recognitionStatus } from '../../core/cycle/status';
import type { Actor } from '../actor';
import { authorize, programFor } from '../policy/loaders';
import { recordAuditMany } from '../audit';
import { programSubject } from '../programs/queries';
import { followTitleChanges } from '../cycle/dependents';
import { unitResolver } from '../units/resolve';
import { refuse, stepper, type Progress } from './progress';
import { unitRefusal } from './reach';
import { findTitle } from './program';
import { readSheet } from './read';

/** Refuses a caller who may not decide for the programme (its owner unit): history is a record of decisions. */
export function requireHistoryImporter(actor: Actor, program: { name: string; ownerPath: string }): void {
  authorize(
    actor,
    'program.import-history',
    { kind: 'program', ownerPath: program.ownerPath },
    `phong trào "${program.name}"`,
    `Chỉ cấp ra quyết định công nhận của phong trào "${program.name}" mới nhập được lịch sử công nhận`,
  );
}

/** The first year the programme runs in KDC, or null while it has none. */
export async function firstProgramYear(db: Queryable, programId: number): Promise<number | null> {
  const [first] = await db
    .select({ year: programYears.year })
    .from(programYears)
    .where(eq(programYears.programId, programId))
    .orderBy(asc(programYears.year))
    .limit(1);
  return first?.year ?? null;
}

export async function importHistory(db: Db, actor: Actor, programCode: string, bytes: Buffer, filename: string, onProgress?: Progress) {
  const program = await programFor(db, actor, programCode);
  requireHistoryImporter(actor, program);
  const firstYear = await firstProgramYear(db, program.id);
  const titles = await db.select().from(programTitles).where(eq(programTitles.programId, program.id));
  const subject = await programSubject(db, program.id);
  onProgress?.({ phase: 'read', done: 0, total: 1 });
  const sheet = await readSheet(bytes, filename);
  const { records, problems, header } = parseHistoryRows(sheet);
  const problem = (row: number, field: string, message: string, kind: ImportProblemKind) =>
    problems.push(fieldProblem(sheet, header, row, field, message, kind));
  const resolver = unitResolver(db);
  await resolver.preload(records.map((r) => r.unit));
  const resolved: Array<{ unitId: number; year: number; titleCode: string; row: number; decision: HistoryRecord['decision'] }> = [];
  const check = stepper(onProgress, 'check', records.length);
  for (const [i, r] of records.entries()) {
    check(i + 1);
    const title = r.title ? findTitle(titles, r.title) : undefined;
    if (firstYear !== null && r.year >= firstYear)
      problem(
        r.row,
        'year',
        `năm ${r.year} thuộc thời gian phong trào chạy trên KDC (từ năm ${firstYear}): công nhận từ năm ${firstYear} do quyết định ban hành trên KDC; lịch sử chỉ nhập cho các năm trước ${firstYear}`,
        'invalid-cell',
      );
    if (r.title && !title)
      problem(r.row, 'title', `phong trào không có danh hiệu "${r.title}" (có: ${titles.map((t) => `${t.code} — ${t.name}`).join('; ')})`, 'unknown-title');
    const unit = r.unit ? await resolver.resolve(r.unit) : undefined;
    const refusal =
      (r.unit ? unitRefusal(actor, unit, r.unit, 'unit.import-history', 'quản lý', `không tìm thấy đơn vị "${r.unit}"`) : null) ??
      (unit && !subject.kinds.includes(unit.kind)
        ? { kind: 'wrong-unit' as const, message: `"${unit.name}" không phải ${subject.name}: phong trào chỉ công nhận ${subject.name}` }
        : null);
    if (refusal) problem(r.row, 'unit', refusal.message, refusal.kind);
    if (unit && !refusal && title && r.year && (firstYear === null || r.year < firstYear))
      resolved.push({ unitId: unit.id, year: r.year, titleCode: title.code, row: r.row, decision: r.decision });
  }
  // Two rows may name one area differently (a code, a path): still one recognition.
  const seen = new Map<string, number>();
  for (const r of resolved) {
    const key = `${r.unitId}|${r.year}|${r.titleCode}`;
    if (seen.has(key)) problem(r.row, 'unit', `cùng khu dân cư, năm và danh hiệu với dòng ${seen.get(key)}`, 'duplicate-row');
    else seen.set(key, r.row);
  }
  if (problems.length) refuse(problems);

  return db.transaction(async (tx) => {
    const batch = insertBatchSize(recognitions);
    const write = stepper(onProgress, 'write', resolved.length, batch);
    const inserted: Array<{ id: number; unitId: number; year: number; titleCode: string }> = [];
    for (const rows of inBatches(resolved, batch)) {
      inserted.push(
        ...(await tx
          .insert(recognitions)
          .values(
            rows.map((r): typeof recognitions.$inferInsert => ({
              unitId: r.unitId,
              year: r.year,
              titleCode: r.titleCode,
              programId: program.id,
              status: 'lan-dau',
              source: 'import',
              decisionNumber: r.decision?.number ?? null,
              decisionDate: r.decision?.date ?? null,
              decisionIssuer: r.decision?.issuer ?? null,
            })),
          )
          .onConflictDoNothing()
          .returning({ id: recognitions.id, unitId: recognitions.unitId, year: recognitions.year, titleCode: recognitions.titleCode })),
      );
      write(inserted.length);
    }
    const recomputed = await recomputeStatuses(tx, program.id, [...new Set(inserted.map((r) => r.unitId))]);
    // Verdicts that read these titles (a criterion "được công nhận …" of another programme) follow.
    await followTitleChanges(
      tx,
      inserted.map((r) => ({ programId: program.id, unitId: r.unitId, year: r.year })),
    );
    // A file that changes nothing leaves no trace either: importing twice is the same as once.
    if (inserted.length || recomputed)
      await recordAuditMany(tx, actor, [
        ...inserted.map((r) => ({
          action: 'import',
          entity: 'recognition',
          entityId: r.id,
          unitId: r.unitId,
          after: { ...r, source: 'import', file: filename },
        })),
        {
          action: 'import',
          entity: 'recognition-history',
          entityId: program.code,
          after: { file: filename, rows: records.length, inserted: inserted.length, recomputed },
        },
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
  for (const ids of inBatches(unitIds)) {
    const all = await tx
      .select()
      .from(recognitions)
      .where(and(eq(recognitions.programId, programId), inArray(recognitions.unitId, ids)));
    const years = new Map<string, number[]>();
    for (const r of all) if (!r.revoked) years.set(`${r.unitId}|${r.titleCode}`, [...(years.get(`${r.unitId}|${r.titleCode}`) ?? []), r.year]);
    for (const r of all.filter((x) => x.source === 'import')) {
      const status = recognitionStatus(r.year, years.get(`${r.unitId}|${r.titleCode}`) ?? []);
      if (status !== r.status) changes.push({ id: r.id, status });
    }
  }
  for (const chunk of inBatches(changes)) {
    await tx.execute(
      sql`UPDATE recognitions SET status = x.status FROM unnest(${sql.param(chunk.map((c) => c.id))}::int[], ${sql.param(chunk.map((c) => c.status))}::text[]) AS x(id, status) WHERE recognitions.id = x.id`,
    );
  }
  return changes.length;
}
