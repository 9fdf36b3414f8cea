/**
 * Importing units: the whole file is checked first (shape, kinds, parents
 * that exist in the database or on an earlier row, scope, no silent moves),
 * then written in one transaction. Units are matched by code, so importing
 * the same file twice changes nothing the second time. New units get their
 * ids up front from the sequence, so a list of ten thousand is written in a
 * handful of statements, not tens of thousands.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { inBatches, insertBatchSize } from '../../db/batch';
import { unitAttributes, unitParents, units } from '../../db/schema';
import { parseUnitRows, type UnitRecord } from '../../core/import/units';
import { fieldProblem, type ImportProblemKind } from '../../core/import/sheet';
import { fold } from '../../core/text/normalize';
import type { UnitKind } from '../../core/units/kinds';
import type { Actor } from '../actor';
import { recordAuditMany, type AuditEntry } from '../audit';
import { isSystem } from '../actor';
import { decide } from '../policy';
import { unitNameProblem } from '../units/names';
import { unitResolver, type UnitRow } from '../units/resolve';
import { refuse, stepper, type Progress } from './progress';
import { notFound, unitRefusal } from './reach';
import { readSheet } from './read';

/** Where a unit of the file will sit: under a unit of the database, under an earlier row, or at the top. */
type Place = { kind: 'db'; unit: UnitRow } | { kind: 'file'; code: string } | { kind: 'top' };

interface Planned<R extends UnitRecord = UnitRecord> {
  record: R;
  place: Place;
  namePath: string[];
  existing?: UnitRow;
}
/** A row past every check: its kind is known (a row without one was refused). */
type Checked = Planned<UnitRecord & { kind: UnitKind }>;

const UNIT_FIELDS = ['name', 'kind', 'households', 'population', 'poorHouseholds'] as const;

function valuesOf(record: Checked['record']) {
  return {
    name: record.name,
    nameFolded: fold(record.name),
    kind: record.kind,
    households: record.households,
    population: record.population,
    poorHouseholds: record.poorHouseholds,
  };
}

/**
 * The older "mountainous" column sets or clears the attribute "mien-nui" with
 * no year bounds; rows without it leave attributes alone.
 */
async function applyMountainous(tx: Queryable, rows: Array<{ id: number; mountainous?: boolean }>, audit: AuditEntry[]): Promise<void> {
  const given = rows.filter((r) => r.mountainous !== undefined);
  if (!given.length) return;
  const open = new Set(
    (
      await tx
        .select({ unitId: unitAttributes.unitId })
        .from(unitAttributes)
        .where(
          and(
            inArray(
              unitAttributes.unitId,
              given.map((r) => r.id),
            ),
            eq(unitAttributes.code, 'mien-nui'),
            isNull(unitAttributes.fromYear),
            isNull(unitAttributes.toYear),
          ),
        )
    ).map((r) => r.unitId),
  );
  const add = given.filter((r) => r.mountainous && !open.has(r.id));
  const remove = given.filter((r) => !r.mountainous && open.has(r.id));
  if (add.length) await tx.insert(unitAttributes).values(add.map((r) => ({ unitId: r.id, code: 'mien-nui' })));
  if (remove.length)
    await tx.delete(unitAttributes).where(
      and(
        inArray(
          unitAttributes.unitId,
          remove.map((r) => r.id),
        ),
        eq(unitAttributes.code, 'mien-nui'),
        isNull(unitAttributes.fromYear),
        isNull(unitAttributes.toYear),
      ),
    );
  for (const r of [...add, ...remove])
    audit.push({ action: 'import', entity: 'unit-attribute', entityId: r.id, unitId: r.id, after: { code: 'mien-nui', held: Boolean(r.mountainous) } });
}

async function namePathOf(db: Queryable, unit: UnitRow, cache: Map<number, string>): Promise<string[]> {
  const ids = unit.path.split('/').filter(Boolean).map(Number);
  const missing = ids.filter((id) => !cache.has(id));
  if (missing.length)
    for (const u of await db.select({ id: units.id, nameFolded: units.nameFolded }).from(units).where(inArray(units.id, missing)))
      cache.set(u.id, u.nameFolded);
  return ids.map((id) => cache.get(id) ?? '');
}

export async function importUnits(db: Db, actor: Actor, bytes: Buffer, filename: string, onProgress?: Progress) {
  onProgress?.({ phase: 'read', done: 0, total: 1 });
  const sheet = await readSheet(bytes, filename);
  const { records, problems, header } = parseUnitRows(sheet);
  const problem = (row: number, field: string, message: string, kind: ImportProblemKind) =>
    problems.push(fieldProblem(sheet, header, row, field, message, kind));

  const resolver = unitResolver(db);
  await resolver.preload([...records.map((r) => r.code), ...records.map((r) => r.parent)]);
  const existingByCode = new Map<string, UnitRow>();
  for (const batch of inBatches(records)) {
    const codes = batch.map((r) => r.code).filter(Boolean);
    if (codes.length) for (const u of await db.select().from(units).where(inArray(units.code, codes))) existingByCode.set(u.code, u);
  }
  const rowOfCode = new Map(records.map((r) => [r.code, r.row]));
  const planned = new Map<string, Planned>();
  const names = new Map<number, string>();
  const check = stepper(onProgress, 'check', records.length);

  for (const [i, record] of records.entries()) {
    check(i + 1);
    const nameProblem = record.name ? unitNameProblem(record.name) : null;
    if (nameProblem) problem(record.row, 'name', nameProblem, 'invalid-cell');
    if (!record.code) continue;
    let place: Place = { kind: 'top' };
    if (record.parent) {
      const inFile =
        planned.get(record.parent) ?? [...planned.values()].find((p) => p.namePath.join('>') === record.parent.split('>').map(fold).filter(Boolean).join('>'));
      const inDb = inFile ? undefined : await resolver.resolve(record.parent);
      if (inFile) place = { kind: 'file', code: inFile.record.code };
      else if (inDb) place = { kind: 'db', unit: inDb };
      else if ((rowOfCode.get(record.parent) ?? 0) > record.row) {
        problem(
          record.row,
          'parent',
          `đơn vị cấp trên "${record.parent}" ở dòng ${rowOfCode.get(record.parent)}, sau dòng này: hãy xếp đơn vị cấp trên lên trước`,
          'invalid-cell',
        );
        continue;
      } else {
        problem(
          record.row,
          'parent',
          notFound(actor, record.parent, `không tìm thấy đơn vị cấp trên "${record.parent}" (trong hệ thống hay ở các dòng trước)`),
          'unknown-unit',
        );
        continue;
      }
    }
    // A new unit needs the right to manage its parent; an existing one, the right to manage itself.
    const existing = existingByCode.get(record.code);
    const parentRefusal = !existing && place.kind === 'db' ? unitRefusal(actor, place.unit, record.parent, 'unit.import-units', 'quản lý', '') : null;
    if (parentRefusal) problem(record.row, 'parent', parentRefusal.message, parentRefusal.kind);
    if (!existing && place.kind === 'top' && !isSystem(actor))
      problem(record.row, 'parent', 'chỉ quản trị hệ thống (dòng lệnh kdc) mới tạo được đơn vị cấp cao nhất', 'out-of-reach');
    if (existing) {
      const verdict = decide(actor, 'unit.import-units', { kind: 'unit', path: existing.path });
      if (!verdict.ok && verdict.code === 'not-found') problem(record.row, 'code', `mã "${existing.code}" đã được dùng; hãy chọn mã khác`, 'exists');
      else if (!verdict.ok) problem(record.row, 'code', `đơn vị "${existing.name}" (${existing.code}) nằm ngoài phạm vi quản lý của bạn`, 'out-of-reach');
      const sameParent =
        place.kind === 'top'
          ? existing.parentId === null
          : place.kind === 'db'
            ? existing.parentId === place.unit.id
            : existingByCode.get(place.code)?.id === existing.parentId;
      if (!sameParent && decide(actor, 'unit.read', { kind: 'unit', path: existing.path }).ok)
        problem(
          record.row,
          'parent',
          `đơn vị "${existing.name}" (${existing.code}) đã có trong hệ thống ở đơn vị cấp trên khác; muốn chuyển thì dùng chức năng sắp xếp đơn vị (chuyển), không nhập lại`,
          'exists',
        );
    }
    if (planned.has(record.code)) continue; // a duplicate row, already refused by the parser
    const parentPath = place.kind === 'db' ? await namePathOf(db, place.unit, names) : place.kind === 'file' ? planned.get(place.code)!.namePath : [];
    planned.set(record.code, { record, place, existing, namePath: [...parentPath, fold(record.name)] });
  }
  if (problems.length) refuse(problems);
  const plan = [...planned.values()].flatMap((p): Checked[] => (p.record.kind ? [{ ...p, record: { ...p.record, kind: p.record.kind } }] : []));
  return db.transaction((tx) => writeUnits(tx, actor, plan, onProgress));
}

async function writeUnits(tx: Queryable, actor: Actor, plan: Checked[], onProgress?: Progress) {
  const audit: AuditEntry[] = [];
  let updated = 0;
  for (const p of plan.filter((x) => x.existing)) {
    const values = valuesOf(p.record);
    const before = p.existing!;
    if (!UNIT_FIELDS.some((k) => before[k] !== values[k])) continue;
    await tx
      .update(units)
      .set(values)
      .where(sql`${units.id} = ${before.id}`);
    audit.push({ action: 'import', entity: 'unit', entityId: before.id, unitId: before.id, before, after: values });
    updated++;
  }

  const fresh = plan.filter((x) => !x.existing);
  const batch = insertBatchSize(units);
  const write = stepper(onProgress, 'write', fresh.length, batch);
  const placed = new Map<string, { id: number; path: string; depth: number }>();
  if (fresh.length) {
    const ids = (await tx.execute<{ id: number }>(sql`SELECT nextval('units_id_seq')::int AS id FROM generate_series(1, ${fresh.length})`)).rows.map(
      (r) => r.id,
    );
    const rows = fresh.map((p, i) => {
      const parent = p.place.kind === 'db' ? p.place.unit : p.place.kind === 'file' ? (placed.get(p.place.code) ?? existingOf(plan, p.place.code)) : undefined;
      const id = ids[i]!;
      const row = { id, path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0 };
      placed.set(p.record.code, row);
      return { ...valuesOf(p.record), ...row, code: p.record.code, parentId: parent?.id ?? null };
    });
    let written = 0;
    for (const chunk of inBatches(rows, batch)) {
      await tx.insert(units).values(chunk);
      await tx.insert(unitParents).values(chunk.map((r) => ({ unitId: r.id, parentId: r.parentId })));
      written += chunk.length;
      write(written);
    }
    for (const r of rows) audit.push({ action: 'import', entity: 'unit', entityId: r.id, unitId: r.id, after: r });
  }
  await applyMountainous(
    tx,
    plan.map((p) => ({ id: p.existing?.id ?? placed.get(p.record.code)!.id, mountainous: p.record.mountainous })),
    audit,
  );
  await recordAuditMany(tx, actor, audit);
  return { rows: plan.length, created: fresh.length, updated };
}

/** A parent named by an earlier row that already exists in the database. */
function existingOf(plan: Checked[], code: string) {
  return plan.find((p) => p.record.code === code)?.existing;
}
