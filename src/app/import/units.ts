/**
 * Importing units: the whole file is checked first (shape, kinds, parents
 * that exist in the database or earlier in the file, scope), then written in
 * one transaction. Units are matched by code, so importing the same file
 * twice changes nothing the second time.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { unitParents, units } from '../../db/schema';
import { describeImportProblems, parseUnitRows, type ImportProblem, type UnitRecord } from '../../core/import/rows';
import { fold } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { invalid } from '../errors';
import { coversPath } from '../scope';
import { readSheets } from './read';

export type Progress = (done: number, total: number) => void;
type UnitRow = typeof units.$inferSelect;

/** A parent named by code or by " > " path, in the database or earlier in this file. */
async function findParent(db: Queryable, ref: string, planned: Map<string, { record: UnitRecord; path: string[] }>): Promise<UnitRow | { planned: string } | undefined> {
  if (planned.has(ref)) return { planned: ref };
  const [byCode] = await db.select().from(units).where(eq(units.code, ref));
  if (byCode) return byCode;
  const names = ref.split('>').map((n) => fold(n)).filter(Boolean);
  for (const [code, p] of planned) if (p.path.length === names.length && p.path.every((n, i) => n === names[i])) return { planned: code };
  let parent: UnitRow | undefined;
  for (const name of names) {
    [parent] = await db.select().from(units).where(and(eq(units.nameFolded, name), parent ? eq(units.parentId, parent.id) : isNull(units.parentId)));
    if (!parent) return undefined;
  }
  return parent;
}

export async function importUnits(db: Db, actor: Actor | null, bytes: Buffer, filename: string, onProgress?: Progress) {
  const sheets = await readSheets(bytes, filename);
  const { records, problems } = parseUnitRows(sheets[0] ?? { name: filename, rows: [] });
  const planned = new Map<string, { record: UnitRecord; path: string[] }>();
  const parents = new Map<string, UnitRow | { planned: string } | null>();
  const sheet = sheets[0]?.name ?? filename;
  for (const record of records) {
    if (!record.code) continue;
    let parent: UnitRow | { planned: string } | undefined | null = null;
    if (record.parent) {
      parent = await findParent(db, record.parent, planned);
      if (!parent) problems.push({ sheet, row: record.row, column: 'parent', message: `không tìm thấy đơn vị cấp trên "${record.parent}"` });
    }
    if (actor && parent && 'path' in parent && !coversPath(actor, parent.path, 'manage'))
      problems.push({ sheet, row: record.row, column: 'parent', message: `"${record.parent}" nằm ngoài phạm vi quản lý của bạn` });
    if (actor && !parent) problems.push({ sheet, row: record.row, column: 'parent', message: 'chỉ quản trị hệ thống mới tạo được đơn vị cấp cao nhất' });
    const parentPath = parent && 'planned' in parent ? planned.get(parent.planned)!.path : parent && 'nameFolded' in parent ? await namePath(db, parent) : [];
    planned.set(record.code, { record, path: [...parentPath, fold(record.name)] });
    parents.set(record.code, parent ?? null);
  }
  if (problems.length) throw invalid(`Tệp có ${problems.length} lỗi, chưa ghi gì vào hệ thống:\n${describeImportProblems(problems.slice(0, 50))}`, problems);

  return db.transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    for (const [i, record] of records.entries()) {
      const parentRef = parents.get(record.code);
      const parent = parentRef && 'planned' in parentRef ? (await tx.select().from(units).where(eq(units.code, parentRef.planned)))[0]! : (parentRef ?? null);
      const values = { name: record.name, nameFolded: fold(record.name), kind: record.kind, households: record.households, population: record.population, poorHouseholds: record.poorHouseholds, mountainous: record.mountainous };
      const [existing] = await tx.select().from(units).where(eq(units.code, record.code));
      if (existing) {
        const changed = (Object.keys(values) as Array<keyof typeof values>).some((k) => existing[k] !== values[k]);
        if (changed) {
          await tx.update(units).set(values).where(eq(units.id, existing.id));
          await recordAudit(tx, actor, { action: 'import', entity: 'unit', entityId: existing.id, unitId: existing.id, before: existing, after: values });
          updated++;
        }
      } else {
        const [row] = await tx.insert(units).values({ ...values, code: record.code, parentId: parent?.id ?? null, path: '', depth: parent ? parent.depth + 1 : 0 }).returning();
        await tx.update(units).set({ path: `${parent?.path ?? '/'}${row!.id}/` }).where(eq(units.id, row!.id));
        await tx.insert(unitParents).values({ unitId: row!.id, parentId: parent?.id ?? null });
        await recordAudit(tx, actor, { action: 'import', entity: 'unit', entityId: row!.id, unitId: row!.id, after: row });
        created++;
      }
      onProgress?.(i + 1, records.length);
    }
    return { rows: records.length, created, updated };
  });
}

async function namePath(db: Queryable, unit: UnitRow): Promise<string[]> {
  const ids = unit.path.split('/').filter(Boolean).map(Number);
  const rows = await db.select({ id: units.id, nameFolded: units.nameFolded }).from(units).where(inArray(units.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)?.nameFolded ?? '');
}

export type { ImportProblem };
