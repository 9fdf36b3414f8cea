/**
 * Importing what rules read about places: attributes over spans of years and
 * yearly figures (./../../core/import/places.ts for the file formats). Checked
 * whole, written in one transaction, matched so that importing the same file
 * twice changes nothing; then every registration not locked by a decision that
 * reads them is recomputed in the same transaction (an attribute counts for the
 * unit and every unit under it; a figure for the unit's own scorecard).
 */
import { and, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { registrations, unitAttributes, unitFigures, units } from '../../db/schema';
import { parseAttributeRows, parseFigureRows } from '../../core/import/places';
import { fieldProblem, type Header, type ImportProblem, type ImportProblemKind, type Sheet } from '../../core/import/sheet';
import { attributeName } from '../../core/units/attributes';
import type { Actor } from '../actor';
import { recordAuditMany, type AuditEntry } from '../audit';
import { inBatches, insertBatchSize } from '../../db/batch';
import { openRegistrationsOf, recomputeVerdicts } from '../cycle/verdicts';
import { unitResolver, type UnitRow } from '../units/resolve';
import { refuse, stepper, type Progress } from './progress';
import { unitRefusal } from './reach';
import { readSheet } from './read';

/** Registrations of the units and everything under them in the years (null: every year): what an attribute change moves. */
async function registrationsUnder(db: Queryable, unitList: UnitRow[], years: { from: number | null; to: number | null }[]): Promise<number[]> {
  if (!unitList.length) return [];
  const ids: number[] = [];
  for (const chunk of inBatches(unitList)) {
    const rows = await db
      .select({ id: registrations.id, year: registrations.year })
      .from(registrations)
      .innerJoin(units, eq(units.id, registrations.unitId))
      .where(and(eq(registrations.locked, false), or(...chunk.map((u) => like(units.path, `${u.path}%`)))));
    ids.push(...rows.filter((r) => years.some((y) => (y.from === null || r.year >= y.from) && (y.to === null || r.year <= y.to))).map((r) => r.id));
  }
  return ids;
}

/** Reads the file and checks the unit each row names, as both place imports do; rows whose unit may be touched come back with it. */
async function unitRows<R extends { row: number; unit: string }>(
  db: Db,
  actor: Actor,
  file: { bytes: Buffer; filename: string },
  parse: (sheet: Sheet) => { records: R[]; problems: ImportProblem[]; header: Header },
  reach: { action: 'unit.import-attributes' | 'unit.import-figures'; doing: string },
  onProgress?: Progress,
) {
  onProgress?.({ phase: 'read', done: 0, total: 1 });
  const sheet = await readSheet(file.bytes, file.filename);
  const { records, problems, header } = parse(sheet);
  const problem = (row: number, message: string, kind: ImportProblemKind) => problems.push(fieldProblem(sheet, header, row, 'unit', message, kind));
  const resolver = unitResolver(db);
  await resolver.preload(records.map((r) => r.unit));
  const check = stepper(onProgress, 'check', records.length);
  const rows: Array<{ record: R; unit: UnitRow }> = [];
  for (const [i, record] of records.entries()) {
    check(i + 1);
    if (!record.unit) continue;
    const unit = await resolver.resolve(record.unit);
    const refusal = unitRefusal(actor, unit, record.unit, reach.action, reach.doing, `không tìm thấy đơn vị "${record.unit}"`);
    if (refusal) problem(record.row, refusal.message, refusal.kind);
    else rows.push({ record, unit: unit! });
  }
  return { rows, problems, problem, count: records.length };
}

export async function importAttributes(db: Db, actor: Actor, bytes: Buffer, filename: string, onProgress?: Progress) {
  const { rows, problems, count } = await unitRows(
    db,
    actor,
    { bytes, filename },
    parseAttributeRows,
    { action: 'unit.import-attributes', doing: 'quản lý' },
    onProgress,
  );
  const resolved = rows.filter(({ record }) => record.code).map(({ record: r, unit }) => ({ unit, code: r.code, fromYear: r.fromYear, toYear: r.toYear }));
  if (problems.length) refuse(problems);

  return db.transaction(async (tx) => {
    const existing = await tx
      .select()
      .from(unitAttributes)
      .where(inArray(unitAttributes.unitId, [...new Set(resolved.map((r) => r.unit.id)), -1]));
    const audit: AuditEntry[] = [];
    const touched: typeof resolved = [];
    const write = stepper(onProgress, 'write', resolved.length, 1000);
    for (const [i, r] of resolved.entries()) {
      write(i + 1);
      const same = existing.find((e) => e.unitId === r.unit.id && e.code === r.code && e.fromYear === r.fromYear);
      if (same && same.toYear === r.toYear) continue;
      if (same) await tx.update(unitAttributes).set({ toYear: r.toYear }).where(eq(unitAttributes.id, same.id));
      else await tx.insert(unitAttributes).values({ unitId: r.unit.id, code: r.code, fromYear: r.fromYear, toYear: r.toYear });
      touched.push(r);
      audit.push({
        action: 'import',
        entity: 'unit-attribute',
        entityId: r.unit.id,
        unitId: r.unit.id,
        before: same ?? null,
        after: { code: r.code, name: attributeName(r.code), fromYear: r.fromYear, toYear: r.toYear, file: filename },
      });
    }
    // A span that changed counts over both its old and its new years.
    const spans = touched.map((r) => ({ from: r.fromYear, to: null as number | null }));
    const recomputed = await registrationsUnder(
      tx,
      touched.map((r) => r.unit),
      spans,
    );
    if (recomputed.length) await recomputeVerdicts(tx, recomputed);
    await recordAuditMany(tx, actor, audit);
    return { rows: count, changed: touched.length, verdictsRecomputed: recomputed.length };
  });
}

export async function importFigures(db: Db, actor: Actor, bytes: Buffer, filename: string, onProgress?: Progress) {
  const {
    rows: found,
    problems,
    problem,
    count,
  } = await unitRows(db, actor, { bytes, filename }, parseFigureRows, { action: 'unit.import-figures', doing: 'nhập số liệu' }, onProgress);
  const resolved: Array<{ unit: UnitRow; year: number; figures: Record<string, number> }> = [];
  const seen = new Map<string, number>();
  for (const { record: r, unit } of found) {
    if (!r.year) continue;
    const key = `${unit.id}|${r.year}`;
    if (seen.has(key)) problem(r.row, `cùng đơn vị và năm với dòng ${seen.get(key)}`, 'duplicate-row');
    else {
      seen.set(key, r.row);
      resolved.push({ unit, year: r.year, figures: r.figures });
    }
  }
  if (problems.length) refuse(problems);

  return db.transaction(async (tx) => {
    const stored = new Map<string, number>();
    for (const ids of inBatches([...new Set(resolved.map((r) => r.unit.id))]))
      for (const f of await tx.select().from(unitFigures).where(inArray(unitFigures.unitId, ids))) stored.set(`${f.unitId}|${f.year}|${f.code}`, f.value);
    const rows = resolved
      .flatMap((r) => Object.entries(r.figures).map(([code, value]) => ({ unitId: r.unit.id, year: r.year, code, value })))
      .filter((f) => stored.get(`${f.unitId}|${f.year}|${f.code}`) !== f.value);
    for (const chunk of inBatches(rows, insertBatchSize(unitFigures)))
      await tx
        .insert(unitFigures)
        .values(chunk)
        .onConflictDoUpdate({ target: [unitFigures.unitId, unitFigures.year, unitFigures.code], set: { value: sql.raw('excluded.value') } });
    const changedUnits = [...new Set(rows.map((r) => `${r.unitId}|${r.year}`))].map((k) => k.split('|').map(Number) as [number, number]);
    const regIds: number[] = [];
    for (const year of [...new Set(changedUnits.map(([, y]) => y))])
      regIds.push(
        ...(await openRegistrationsOf(
          tx,
          changedUnits.filter(([, y]) => y === year).map(([u]) => u),
          [year],
        )),
      );
    if (regIds.length) await recomputeVerdicts(tx, regIds);
    const audit: AuditEntry[] = changedUnits.map(([unitId, year]) => ({
      action: 'import',
      entity: 'unit-figures',
      entityId: unitId,
      unitId,
      before: Object.fromEntries(
        rows.filter((r) => r.unitId === unitId && r.year === year).map((r) => [r.code, stored.get(`${unitId}|${year}|${r.code}`) ?? null]),
      ),
      after: { year, file: filename, ...Object.fromEntries(rows.filter((r) => r.unitId === unitId && r.year === year).map((r) => [r.code, r.value])) },
    }));
    await recordAuditMany(tx, actor, audit);
    onProgress?.({ phase: 'write', done: 1, total: 1 });
    return { rows: count, valuesWritten: rows.length, verdictsRecomputed: regIds.length };
  });
}
