/**
 * Reorganisations as events with effective dates and lineage: merge, rename,
 * close (split and move follow the same pieces). After a merge the old units
 * are closed the day before, their children live under the new unit, and
 * lineage links old to new — so a report for the new unit for an earlier year
 * counts the areas of the units it came from.
 */
import { eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { unitEvents, unitLineage, unitParents, units } from '../../db/schema';
import { fold, nfc } from '../../core/text/normalize';
import { recordAudit } from '../audit';
import { AppError, invalid } from '../errors';
import { resolveUnitRef } from '../units/resolve';
import { dayBefore, moveUnder } from './tree';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const checkDate = (date: string) => { if (!DATE.test(date) || Number.isNaN(Date.parse(date))) throw invalid(`Ngày "${date}" không hợp lệ (YYYY-MM-DD)`); };

async function event(db: Queryable, kind: string, date: string, legalBasis: string | undefined, note: string, links: Array<[number, number]>) {
  const [row] = await db.insert(unitEvents).values({ kind, effectiveDate: date, legalBasis: legalBasis ?? null, note }).returning();
  if (links.length) await db.insert(unitLineage).values(links.map(([from, to]) => ({ eventId: row!.id, fromUnitId: from, toUnitId: to }))).onConflictDoNothing();
  await recordAudit(db, null, { action: `reorganize-${kind}`, entity: 'unit-event', entityId: row!.id, after: { kind, date, links } });
  return row!;
}

/** The unit a path names, created (with the kind given) when its last name does not exist yet under its parent. */
async function findOrCreate(db: Queryable, path: string, kind: string, date: string) {
  try {
    return { unit: await resolveUnitRef(db, path), created: false };
  } catch {
    const names = path.split('>').map((n) => n.trim()).filter(Boolean);
    const name = nfc(names.pop() ?? '');
    if (!name || !names.length) throw invalid(`Đường dẫn "${path}" phải gồm đơn vị cấp trên và tên đơn vị mới`);
    const parent = await resolveUnitRef(db, names.join(' > '));
    const code = `${parent.code}-${fold(name).toUpperCase().replace(/[^A-Z0-9]+/g, '-')}`;
    const [row] = await db.insert(units).values({ code, name, nameFolded: fold(name), kind, parentId: parent.id, path: '', depth: parent.depth + 1, validFrom: date }).returning();
    const [unit] = await db.update(units).set({ path: `${parent.path}${row!.id}/` }).where(eq(units.id, row!.id)).returning();
    await db.insert(unitParents).values({ unitId: row!.id, parentId: parent.id, validFrom: date });
    return { unit: unit!, created: true };
  }
}

export async function mergeUnits(db: Db, input: { date: string; into: string; from: string[]; legalBasis?: string }) {
  checkDate(input.date);
  if (input.from.length < 1) throw invalid('Cần ít nhất một đơn vị được sáp nhập');
  return db.transaction(async (tx) => {
    const olds = [];
    for (const path of input.from) olds.push(await resolveUnitRef(tx, path));
    const kinds = new Set(olds.map((u) => u.kind));
    if (kinds.size > 1) throw invalid('Các đơn vị sáp nhập phải cùng cấp (cùng loại)');
    const { unit: target } = await findOrCreate(tx, input.into, olds[0]!.kind, input.date);
    for (const old of olds) {
      if (old.id === target.id) continue;
      if (target.path.startsWith(old.path)) throw invalid(`Không thể sáp nhập ${old.name} vào đơn vị trực thuộc chính nó`);
      const children = await tx.select().from(units).where(eq(units.parentId, old.id));
      const fresh = (await tx.select().from(units).where(eq(units.id, target.id)))[0]!;
      for (const child of children) await moveUnder(tx, child, fresh, input.date);
      await tx.update(units).set({ validTo: dayBefore(input.date) }).where(eq(units.id, old.id));
    }
    const note = `Sáp nhập ${olds.map((u) => u.name).join(', ')} thành ${target.name}`;
    await event(tx, 'merge', input.date, input.legalBasis, note, olds.filter((o) => o.id !== target.id).map((o) => [o.id, target.id]));
    return { target, merged: olds.map((o) => o.name) };
  });
}

export async function renameUnit(db: Db, input: { date: string; unit: string; name: string; legalBasis?: string }) {
  checkDate(input.date);
  return db.transaction(async (tx) => {
    const unit = await resolveUnitRef(tx, input.unit);
    const name = nfc(input.name.trim());
    if (!name) throw invalid('Tên mới không được để trống');
    await tx.update(units).set({ name, nameFolded: fold(name) }).where(eq(units.id, unit.id));
    await event(tx, 'rename', input.date, input.legalBasis, `Đổi tên ${unit.name} thành ${name}`, [[unit.id, unit.id]]);
    return { ...unit, name };
  });
}

export async function closeUnit(db: Db, input: { date: string; unit: string; legalBasis?: string }) {
  checkDate(input.date);
  return db.transaction(async (tx) => {
    const unit = await resolveUnitRef(tx, input.unit);
    const open = (await tx.select().from(units).where(eq(units.parentId, unit.id))).filter((c) => !c.validTo);
    if (open.length) throw new AppError('conflict', `${unit.name} còn ${open.length} đơn vị trực thuộc; hãy sáp nhập hoặc chuyển trước khi giải thể`);
    await tx.update(units).set({ validTo: dayBefore(input.date) }).where(eq(units.id, unit.id));
    await event(tx, 'close', input.date, input.legalBasis, `Giải thể ${unit.name}`, []);
    return unit;
  });
}

export async function moveUnit(db: Db, input: { date: string; unit: string; to: string; legalBasis?: string }) {
  checkDate(input.date);
  return db.transaction(async (tx) => {
    const unit = await resolveUnitRef(tx, input.unit);
    const parent = await resolveUnitRef(tx, input.to);
    if (parent.path.startsWith(unit.path)) throw invalid('Không thể chuyển một đơn vị vào đơn vị trực thuộc chính nó');
    await moveUnder(tx, unit, parent, input.date);
    await event(tx, 'move', input.date, input.legalBasis, `Chuyển ${unit.name} về ${parent.name}`, [[unit.id, unit.id]]);
    return unit;
  });
}
