/**
 * Reorganisations as events with effective dates and lineage: merge, split,
 * rename, move, close. Nothing is deleted: an old unit is closed the day
 * before the date, its children move under the unit that takes them over
 * (their parent history is kept in unit_parents), and lineage links old to
 * new. So a report for a new unit for an earlier year counts the areas of
 * the units it came from, and a report under historical boundaries still
 * shows the old units (src/app/reports/region.ts).
 *
 * Every function takes the acting user (the `kdc` command acts as the
 * system actor) and asks the policy (src/app/policy, action
 * "unit.reorganize") whether they manage every unit the change touches.
 */
import { and, eq, isNull, like } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { unitEvents, unitLineage, unitParents, units, unitAttributes } from '../../db/schema';
import { fold, nfc } from '../../core/text/normalize';
import { dayBefore, formatDate, isIsoDate } from '../../core/text/date';
import { kindFromName, unitTier } from '../../core/units/kinds';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { AppError, forbidden, invalid } from '../errors';
import { decide } from '../policy';
import { unitNameProblem } from '../units/names';
import { resolveUnitRef, unitNotFound, type UnitRow } from '../units/resolve';
import { moveUnder } from './tree';

export const REORGANIZE_KINDS = ['merge', 'split', 'rename', 'move', 'close'] as const;
export type ReorganizeKind = (typeof REORGANIZE_KINDS)[number];

function checkDate(date: string): void {
  if (!isIsoDate(date)) throw invalid(`Ngày "${date}" không hợp lệ (YYYY-MM-DD)`);
}

/** A unit the caller cannot read is not found, in the words of a unit that does not exist; one they read but do not manage is forbidden. */
function assertReach(actor: Actor, unit: UnitRow, path: string, message: string, ref: string): void {
  if (!decide(actor, 'unit.read', { kind: 'unit', path: unit.path }).ok) throw unitNotFound(ref);
  if (!decide(actor, 'unit.reorganize', { kind: 'unit', path }).ok) throw forbidden(message);
}

const parentPathOf = (unit: UnitRow) => unit.path.slice(0, unit.path.slice(0, -1).lastIndexOf('/') + 1);

function assertOpenOn(unit: UnitRow, date: string): void {
  if (unit.validTo && unit.validTo < date) throw new AppError('conflict', `${unit.name} đã giải thể từ ${formatDate(unit.validTo)}`);
  if (unit.validFrom && unit.validFrom > date) throw new AppError('conflict', `${unit.name} mới thành lập từ ${formatDate(unit.validFrom)}, sau ngày sắp xếp`);
}

/** A unit that receives units (a merge's target, a move's destination, a new unit's parent): the caller manages it. */
async function managed(db: Queryable, actor: Actor, ref: string): Promise<UnitRow> {
  const unit = await resolveUnitRef(db, ref, actor);
  assertReach(actor, unit, unit.path, `${unit.name} nằm ngoài phạm vi quản lý của bạn`, ref);
  return unit;
}

/**
 * A unit that is itself merged, split, renamed, moved or closed: that is for
 * whoever manages the unit above it. A ward officer reorganises the areas of
 * the ward, not the ward.
 */
async function changeable(db: Queryable, actor: Actor, ref: string): Promise<UnitRow> {
  const unit = await resolveUnitRef(db, ref, actor);
  assertReach(actor, unit, parentPathOf(unit), `Sắp xếp ${unit.name} là việc của cấp quản lý đơn vị cấp trên, ngoài phạm vi của bạn`, ref);
  return unit;
}

/**
 * `links` run from old units to new; a unit renamed, moved or closed links to itself, so its history finds the event.
 * The audit entry is filed under `unitId`, the unit reorganised (a merge's target), so whoever's scope covers it reads it.
 */
async function recordEvent(
  db: Queryable,
  actor: Actor,
  unitId: number,
  kind: ReorganizeKind,
  date: string,
  legalBasis: string | undefined,
  note: string,
  links: Array<[number, number]>,
) {
  const [row] = await db
    .insert(unitEvents)
    .values({ kind, effectiveDate: date, legalBasis: legalBasis?.trim() ? nfc(legalBasis.trim()) : null, note, createdBy: actor.userId })
    .returning();
  if (links.length)
    await db
      .insert(unitLineage)
      .values(links.map(([from, to]) => ({ eventId: row!.id, fromUnitId: from, toUnitId: to })))
      .onConflictDoNothing();
  await recordAudit(db, actor, {
    action: `reorganize-${kind}`,
    entity: 'unit-event',
    entityId: row!.id,
    unitId,
    after: { kind, date, legalBasis, note, links },
  });
  return row!;
}

/** A code not yet taken: the parent's code and the name's letters, numbered if needed. */
async function freeCode(db: Queryable, parent: UnitRow, name: string): Promise<string> {
  const base = `${parent.code}-${fold(name)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
  const taken = new Set(
    (
      await db
        .select({ code: units.code })
        .from(units)
        .where(like(units.code, `${base}%`))
    ).map((u) => u.code),
  );
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
  return code;
}

/**
 * The unit a path names; created, open from the date, when its last name does
 * not exist yet under its parent. Its kind is the one its name says ("Phường …"),
 * else the template's; either way of the template's tier.
 */
async function findOrCreate(db: Queryable, actor: Actor, path: string, template: UnitRow, date: string): Promise<{ unit: UnitRow; created: boolean }> {
  const existing = await resolveUnitRef(db, path, actor).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not-found') return undefined;
    throw error;
  });
  if (existing) {
    assertReach(actor, existing, existing.path, `${existing.name} nằm ngoài phạm vi quản lý của bạn`, path);
    return { unit: existing, created: false };
  }
  const names = path
    .split('>')
    .map((n) => n.trim())
    .filter(Boolean);
  const name = nfc(names.pop() ?? '');
  if (!name || !names.length) throw invalid(`Đường dẫn "${path}" phải gồm đơn vị cấp trên và tên đơn vị mới, vd. "Tỉnh Lai Châu > Phường Tân Phong"`);
  const nameProblem = unitNameProblem(name);
  if (nameProblem) throw invalid(`Đơn vị mới: ${nameProblem}`);
  const parent = await managed(db, actor, names.join(' > '));
  assertOpenOn(parent, date);
  const kind = kindFromName(name) ?? template.kind;
  if (unitTier(kind) !== unitTier(template.kind)) throw invalid(`"${name}" không cùng cấp với ${template.name}`);
  const [row] = await db
    .insert(units)
    .values({
      code: await freeCode(db, parent, name),
      name,
      nameFolded: fold(name),
      kind,
      parentId: parent.id,
      path: '',
      depth: parent.depth + 1,
      validFrom: date,
    })
    .returning();
  // The new unit is the same place: it carries the attributes of the unit it is made from (miền núi, đặc biệt khó khăn…).
  const carried = await db.select().from(unitAttributes).where(eq(unitAttributes.unitId, template.id));
  if (carried.length) await db.insert(unitAttributes).values(carried.map((a) => ({ unitId: row!.id, code: a.code, fromYear: a.fromYear, toYear: a.toYear })));
  const [unit] = await db
    .update(units)
    .set({ path: `${parent.path}${row!.id}/` })
    .where(eq(units.id, row!.id))
    .returning();
  await db.insert(unitParents).values({ unitId: row!.id, parentId: parent.id, validFrom: date });
  await recordAudit(db, actor, { action: 'reorganize-create', entity: 'unit', entityId: row!.id, unitId: row!.id, after: unit });
  return { unit: unit!, created: true };
}

async function openChildren(db: Queryable, unit: UnitRow): Promise<UnitRow[]> {
  return (await db.select().from(units).where(eq(units.parentId, unit.id))).filter((c) => !c.validTo);
}

async function closeOn(db: Queryable, unit: UnitRow, date: string): Promise<void> {
  await db
    .update(units)
    .set({ validTo: dayBefore(date) })
    .where(eq(units.id, unit.id));
}

export interface MergeInput {
  date: string;
  into: string;
  from: string[];
  legalBasis?: string;
}

/** Several units become one (new or existing): the others close, their children move to it. */
export async function mergeUnits(db: Db, actor: Actor, input: MergeInput) {
  checkDate(input.date);
  if (!input.from.length) throw invalid('Cần ít nhất một đơn vị được sáp nhập');
  return db.transaction(async (tx) => {
    const olds: UnitRow[] = [];
    for (const ref of input.from) {
      const old = await changeable(tx, actor, ref);
      if (olds.some((o) => o.id === old.id)) throw invalid(`${old.name} được nêu hai lần`);
      assertOpenOn(old, input.date);
      olds.push(old);
    }
    if (new Set(olds.map((u) => unitTier(u.kind) ?? u.kind)).size > 1) throw invalid('Các đơn vị sáp nhập phải cùng cấp (vd. các xã, phường với nhau)');
    const { unit: target, created } = await findOrCreate(tx, actor, input.into, olds[0]!, input.date);
    if (!created) assertOpenOn(target, input.date);
    for (const old of olds.filter((o) => o.id !== target.id)) {
      if (target.path.startsWith(old.path)) throw invalid(`Không thể sáp nhập ${old.name} vào đơn vị trực thuộc chính nó`);
      const fresh = (await tx.select().from(units).where(eq(units.id, target.id)))[0]!;
      for (const child of await tx.select().from(units).where(eq(units.parentId, old.id))) await moveUnder(tx, child, fresh, input.date);
      await closeOn(tx, old, input.date);
    }
    const merged = olds.filter((o) => o.id !== target.id);
    await recordEvent(
      tx,
      actor,
      target.id,
      'merge',
      input.date,
      input.legalBasis,
      `Sáp nhập ${olds.map((u) => u.name).join(', ')} thành ${target.name}`,
      merged.map((o) => [o.id, target.id]),
    );
    return { target, merged: merged.map((o) => o.name) };
  });
}

export interface SplitInput {
  date: string;
  unit: string;
  into: string[];
  legalBasis?: string;
}

/**
 * One unit becomes several. A path that names the old unit itself keeps it
 * open (TDP 22 split into TDP 22 and TDP 27); otherwise it closes, which it
 * may only do once nothing is left under it.
 */
export async function splitUnit(db: Db, actor: Actor, input: SplitInput) {
  checkDate(input.date);
  if (input.into.length < 2) throw invalid('Chia tách cần ít nhất hai đơn vị sau khi tách');
  return db.transaction(async (tx) => {
    const old = await changeable(tx, actor, input.unit);
    assertOpenOn(old, input.date);
    const targets: UnitRow[] = [];
    for (const path of input.into) {
      const { unit, created } = await findOrCreate(tx, actor, path, old, input.date);
      if (targets.some((t) => t.id === unit.id)) throw invalid(`${unit.name} được nêu hai lần`);
      if (!created && unit.id !== old.id) {
        assertOpenOn(unit, input.date);
        const [done] = await tx
          .select()
          .from(unitLineage)
          .where(and(eq(unitLineage.fromUnitId, old.id), eq(unitLineage.toUnitId, unit.id)));
        if (done) throw new AppError('conflict', `Việc tách ${unit.name} từ ${old.name} đã được ghi nhận trước đây`);
      }
      targets.push(unit);
    }
    const kept = targets.some((t) => t.id === old.id);
    if (!kept) {
      const children = await openChildren(tx, old);
      if (children.length)
        throw new AppError(
          'conflict',
          `${old.name} còn ${children.length} đơn vị trực thuộc. Hãy giữ ${old.name} là một trong các đơn vị sau khi tách, chuyển các đơn vị trực thuộc sang đơn vị mới (chuyển), rồi giải thể ${old.name}.`,
        );
      await closeOn(tx, old, input.date);
    }
    const others = targets.filter((t) => t.id !== old.id);
    await recordEvent(
      tx,
      actor,
      old.id,
      'split',
      input.date,
      input.legalBasis,
      `Chia tách ${old.name} thành ${targets.map((t) => t.name).join(', ')}`,
      others.map((t) => [old.id, t.id]),
    );
    return { source: old, targets, kept };
  });
}

export async function renameUnit(db: Db, actor: Actor, input: { date: string; unit: string; name: string; legalBasis?: string }) {
  checkDate(input.date);
  const name = nfc(input.name.trim());
  if (!name) throw invalid('Tên mới không được để trống');
  const nameProblem = unitNameProblem(name);
  if (nameProblem) throw invalid(`Tên mới: ${nameProblem}`);
  return db.transaction(async (tx) => {
    const unit = await changeable(tx, actor, input.unit);
    const [clash] = await tx
      .select()
      .from(units)
      .where(and(eq(units.nameFolded, fold(name)), unit.parentId ? eq(units.parentId, unit.parentId) : isNull(units.parentId), isNull(units.validTo)));
    if (clash && clash.id !== unit.id) throw new AppError('conflict', `Đã có ${clash.name} cùng cấp trên`);
    await tx
      .update(units)
      .set({ name, nameFolded: fold(name) })
      .where(eq(units.id, unit.id));
    await recordEvent(tx, actor, unit.id, 'rename', input.date, input.legalBasis, `Đổi tên ${unit.name} thành ${name}`, [[unit.id, unit.id]]);
    return { ...unit, name, previousName: unit.name };
  });
}

export async function closeUnit(db: Db, actor: Actor, input: { date: string; unit: string; legalBasis?: string }) {
  checkDate(input.date);
  return db.transaction(async (tx) => {
    const unit = await changeable(tx, actor, input.unit);
    assertOpenOn(unit, input.date);
    const open = await openChildren(tx, unit);
    if (open.length) throw new AppError('conflict', `${unit.name} còn ${open.length} đơn vị trực thuộc; hãy sáp nhập hoặc chuyển trước khi giải thể`);
    await closeOn(tx, unit, input.date);
    await recordEvent(tx, actor, unit.id, 'close', input.date, input.legalBasis, `Giải thể ${unit.name}`, [[unit.id, unit.id]]);
    return unit;
  });
}

export async function moveUnit(db: Db, actor: Actor, input: { date: string; unit: string; to: string; legalBasis?: string }) {
  checkDate(input.date);
  return db.transaction(async (tx) => {
    const unit = await changeable(tx, actor, input.unit);
    const parent = await managed(tx, actor, input.to);
    assertOpenOn(unit, input.date);
    assertOpenOn(parent, input.date);
    if (parent.path.startsWith(unit.path)) throw invalid('Không thể chuyển một đơn vị vào đơn vị trực thuộc chính nó');
    if (parent.id === unit.parentId) throw invalid(`${unit.name} đã thuộc ${parent.name}`);
    await moveUnder(tx, unit, parent, input.date);
    await recordEvent(tx, actor, unit.id, 'move', input.date, input.legalBasis, `Chuyển ${unit.name} về ${parent.name}`, [[unit.id, unit.id]]);
    return { ...unit, parentName: parent.name };
  });
}
