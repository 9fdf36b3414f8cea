/**
 * Importing units: the whole file is checked first (shape, kinds, parents
 * that exist in the database or on an earlier row, scope, no silent moves),
 * then written in one transaction. Units are matched by code, so importing
 * the same file twice changes nothing the second time. New units get their
 * ids up front from the sequence, so a list of ten thousand is written in a
 * handful of statements, not tens of thousands.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { unitParents, units } from '../../db/schema';
import { parseUnitRows, type UnitRecord } from '../../core/import/units';
import { fieldProblem } from '../../core/import/sheet';
import { fold } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAuditMany, type AuditEntry } from '../audit';
import { coversPath } from '../scope';
import { unitResolver, type UnitRow } from '../units/resolve';
import { refuse, stepper, type Progress } from './progress';
import { outOfReach } from './reach';
import { readSheet } from './read';

/** Where a unit of the file will sit: under a unit of the database, under an earlier row, or at the top. */
type Place = { kind: 'db'; unit: UnitRow } | { kind: 'file'; code: string } | { kind: 'top' };

interface Planned { record: UnitRecord; place: Place; namePath: string[]; existing?: UnitRow }

const UNIT_FIELDS = ['name', 'kind', 'households', 'population', 'poorHouseholds', 'mountainous'] as const;

function valuesOf(record: UnitRecord) {
  return {
    name: record.name, nameFolded: fold(record.name), kind: record.kind, households: record.households,
    population: record.population, poorHouseholds: record.poorHouseholds, mountainous: record.mountainous,
  };
}

async function namePathOf(db: Queryable, unit: UnitRow, cache: Map<number, string>): Promise<string[]> {
  const ids = unit.path.split('/').filter(Boolean).map(Number);
  const missing = ids.filter((id) => !cache.has(id));
  if (missing.length) for (const u of await db.select({ id: units.id, nameFolded: units.nameFolded }).from(units).where(inArray(units.id, missing))) cache.set(u.id, u.nameFolded);
  return ids.map((id) => cache.get(id) ?? '');
}

export async function importUnits(db: Db, actor: Actor | null, bytes: Buffer, filename: string, onProgress?: Progress) {
  onProgress?.({ phase: 'read', done: 0, total: 1 });
  const sheet = await readSheet(bytes, filename);
  const { records, problems, header } = parseUnitRows(sheet);
  const problem = (row: number, field: string, message: string) => problems.push(fieldProblem(sheet, header, row, field, message));

  const resolver = unitResolver(db);
  await resolver.preload([...records.map((r) => r.code), ...records.map((r) => r.parent)]);
  const existingByCode = new Map<string, UnitRow>();
  for (let i = 0; i < records.length; i += 5000) {
    const codes = records.slice(i, i + 5000).map((r) => r.code).filter(Boolean);
    if (codes.length) for (const u of await db.select().from(units).where(inArray(units.code, codes))) existingByCode.set(u.code, u);
  }
  const rowOfCode = new Map(records.map((r) => [r.code, r.row]));
  const planned = new Map<string, Planned>();
  const names = new Map<number, string>();
  const check = stepper(onProgress, 'check', records.length);

  for (const [i, record] of records.entries()) {
    check(i + 1);
    if (!record.code) continue;
    let place: Place = { kind: 'top' };
    if (record.parent) {
      const inFile = planned.get(record.parent)
        ?? [...planned.values()].find((p) => p.namePath.join('>') === record.parent.split('>').map(fold).filter(Boolean).join('>'));
      const inDb = inFile ? undefined : await resolver.resolve(record.parent);
      if (inFile) place = { kind: 'file', code: inFile.record.code };
      else if (inDb) place = { kind: 'db', unit: inDb };
      else if ((rowOfCode.get(record.parent) ?? 0) > record.row) {
        problem(record.row, 'parent', `đơn vị cấp trên "${record.parent}" ở dòng ${rowOfCode.get(record.parent)}, sau dòng này: hãy xếp đơn vị cấp trên lên trước`);
        continue;
      } else {
        problem(record.row, 'parent', `không tìm thấy đơn vị cấp trên "${record.parent}" (trong hệ thống hay ở các dòng trước)`);
        continue;
      }
    }
    // A new unit needs the right to manage its parent; an existing one, the right to manage itself.
    const existing = existingByCode.get(record.code);
    const parentRefusal = !existing && place.kind === 'db' ? outOfReach(actor, place.unit, record.parent, 'manage', 'quản lý') : null;
    if (parentRefusal) problem(record.row, 'parent', parentRefusal);
    if (!existing && place.kind === 'top' && actor) problem(record.row, 'parent', 'chỉ quản trị hệ thống (dòng lệnh kdc) mới tạo được đơn vị cấp cao nhất');
    if (existing) {
      if (actor && !coversPath(actor, existing.path, 'read')) problem(record.row, 'code', `mã "${existing.code}" đã dùng cho một đơn vị ngoài phạm vi của bạn`);
      else if (actor && !coversPath(actor, existing.path, 'manage')) problem(record.row, 'code', `đơn vị "${existing.name}" (${existing.code}) nằm ngoài phạm vi quản lý của bạn`);
      const sameParent = place.kind === 'top' ? existing.parentId === null
        : place.kind === 'db' ? existing.parentId === place.unit.id
        : existingByCode.get(place.code)?.id === existing.parentId;
      if (!sameParent && (!actor || coversPath(actor, existing.path, 'read'))) problem(record.row, 'parent', `đơn vị "${existing.name}" (${existing.code}) đã có trong hệ thống ở đơn vị cấp trên khác; muốn chuyển thì dùng chức năng sắp xếp đơn vị (chuyển), không nhập lại`);
    }
    if (planned.has(record.code)) continue; // a duplicate row, already refused by the parser
    const parentPath = place.kind === 'db' ? await namePathOf(db, place.unit, names) : place.kind === 'file' ? planned.get(place.code)!.namePath : [];
    planned.set(record.code, { record, place, existing, namePath: [...parentPath, fold(record.name)] });
  }
  if (problems.length) refuse(problems);
  return db.transaction((tx) => writeUnits(tx, actor, [...planned.values()], onProgress));
}

async function writeUnits(tx: Queryable, actor: Actor | null, plan: Planned[], onProgress?: Progress) {
  const audit: AuditEntry[] = [];
  let updated = 0;
  for (const p of plan.filter((x) => x.existing)) {
    const values = valuesOf(p.record);
    const before = p.existing!;
    if (!UNIT_FIELDS.some((k) => before[k] !== values[k])) continue;
    await tx.update(units).set(values).where(sql`${units.id} = ${before.id}`);
    audit.push({ action: 'import', entity: 'unit', entityId: before.id, unitId: before.id, before, after: values });
    updated++;
  }

  const fresh = plan.filter((x) => !x.existing);
  const write = stepper(onProgress, 'write', fresh.length, 1000);
  if (fresh.length) {
    const ids = (await tx.execute(sql`SELECT nextval('units_id_seq')::int AS id FROM generate_series(1, ${fresh.length})`) as unknown as { rows: Array<{ id: number }> }).rows.map((r) => r.id);
    const placed = new Map<string, { id: number; path: string; depth: number }>();
    const rows = fresh.map((p, i) => {
      const parent = p.place.kind === 'db' ? p.place.unit : p.place.kind === 'file' ? (placed.get(p.place.code) ?? existingOf(plan, p.place.code)) : undefined;
      const id = ids[i]!;
      const row = { id, path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0 };
      placed.set(p.record.code, row);
      return { ...valuesOf(p.record), ...row, code: p.record.code, parentId: parent?.id ?? null };
    });
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await tx.insert(units).values(chunk);
      await tx.insert(unitParents).values(chunk.map((r) => ({ unitId: r.id, parentId: r.parentId })));
      write(Math.min(i + 1000, rows.length));
    }
    for (const r of rows) audit.push({ action: 'import', entity: 'unit', entityId: r.id, unitId: r.id, after: r });
  }
  await recordAuditMany(tx, actor, audit);
  return { rows: plan.length, created: fresh.length, updated };
}

/** A parent named by an earlier row that already exists in the database. */
function existingOf(plan: Planned[], code: string) {
  return plan.find((p) => p.record.code === code)?.existing;
}
