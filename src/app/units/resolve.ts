/**
 * A unit named by a person: a numeric id, a code ("LC-TP-TANPHONG"), or a
 * path of names from the root joined by " > " ("Tỉnh Lai Châu > Thành phố
 * Lai Châu"), names compared without case or diacritics. A path may also
 * start from an id or a code ("LC > Phường Tân Phong"). Where a closed unit
 * and an open one share a name under the same parent, the open one is meant.
 *
 * Resolved for a person (an actor), a reference that leads outside what they
 * may read fails exactly like one that leads nowhere (`unitNotFound`), so a
 * path cannot be used to learn which units exist elsewhere (issue 12,
 * finding 21); within their scope the message says which part is missing.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { units } from '../../db/schema';
import { inBatches } from '../../db/batch';
import { fold } from '../../core/text/normalize';
import { isAdmin, SYSTEM_ACTOR, type Actor } from '../actor';
import { AppError } from '../errors';
import type { UnitRow } from './find';
import { can } from '../policy';

export type { UnitRow };

const isId = (text: string) => /^\d{1,9}$/.test(text);
const openFirst = sql`${units.validTo} IS NOT NULL, ${units.id}`;

async function byIdOrCode(db: Queryable, text: string): Promise<UnitRow | undefined> {
  if (isId(text)) {
    const [unit] = await db
      .select()
      .from(units)
      .where(eq(units.id, Number(text)));
    if (unit) return unit;
  }
  const [byCode] = await db.select().from(units).where(eq(units.code, text));
  return byCode;
}

async function childNamed(db: Queryable, parent: UnitRow | undefined, name: string): Promise<UnitRow | undefined> {
  const [next] = await db
    .select()
    .from(units)
    .where(and(eq(units.nameFolded, fold(name)), parent ? eq(units.parentId, parent.id) : isNull(units.parentId)))
    .orderBy(openFirst)
    .limit(1);
  return next;
}

/** The same words for a unit outside the actor's sight and a unit that does not exist. */
export const unitNotFound = (ref: string) => new AppError('not-found', `Không tìm thấy đơn vị "${ref.trim()}" trong phạm vi của bạn`);

/** Whether the actor may read the unit (undefined: the top level, above every unit, read only by those who see everything). */
const readable = (actor: Actor, unit: UnitRow | undefined) => (unit ? can(actor, 'unit.read', { kind: 'unit', path: unit.path }) : isAdmin(actor));

/** The unit, or a not-found error that says which part of the path was not found (only within the actor's sight). */
export async function resolveUnitRef(db: Queryable, ref: string, actor: Actor = SYSTEM_ACTOR): Promise<UnitRow> {
  const text = ref.trim();
  const direct = text && !text.includes('>') ? await byIdOrCode(db, text) : undefined;
  if (direct) {
    if (!readable(actor, direct)) throw unitNotFound(ref);
    return direct;
  }
  const names = text
    .split('>')
    .map((n) => n.trim())
    .filter(Boolean);
  if (!names.length) throw new AppError('not-found', 'Chưa nêu đơn vị');
  let unit: UnitRow | undefined = names.length > 1 ? await byIdOrCode(db, names[0]!) : undefined;
  for (const name of unit ? names.slice(1) : names) {
    const parent = unit;
    unit = await childNamed(db, parent, name);
    if (!unit) {
      if (!readable(actor, parent)) throw unitNotFound(ref);
      throw new AppError('not-found', `Không tìm thấy đơn vị "${ref}" (không có "${name}"${parent ? ` trong ${parent.name}` : ' ở cấp cao nhất'})`);
    }
  }
  if (!readable(actor, unit)) throw unitNotFound(ref);
  return unit!;
}

/**
 * Resolving the many references of an imported file: ids and codes are
 * loaded in one query up front, paths one by one, and every answer is kept,
 * so a file naming the same ward ten thousand times asks once.
 */
export function unitResolver(db: Queryable) {
  const cache = new Map<string, UnitRow | null>();
  return {
    async preload(refs: Iterable<string>): Promise<void> {
      const plain = [...new Set([...refs].map((r) => r.trim()).filter((r) => r && !r.includes('>') && !cache.has(r)))];
      for (const chunk of inBatches(plain)) {
        const ids = chunk.filter(isId).map(Number);
        const rows = await db
          .select()
          .from(units)
          .where(ids.length ? sql`${inArray(units.code, chunk)} OR ${inArray(units.id, ids)}` : inArray(units.code, chunk));
        const byCode = new Map(rows.map((u) => [u.code, u]));
        const byId = new Map(rows.map((u) => [String(u.id), u]));
        // An id wins over a code that happens to be digits, as in resolveUnitRef. A miss may
        // still be the name of a top-level unit: resolve() tries it as a path.
        for (const ref of chunk) {
          const unit = byId.get(ref) ?? byCode.get(ref);
          if (unit) cache.set(ref, unit);
        }
      }
    },
    async resolve(ref: string): Promise<UnitRow | undefined> {
      const key = ref.trim();
      if (!cache.has(key))
        cache.set(
          key,
          await resolveUnitRef(db, key).catch((error: unknown) => {
            if (error instanceof AppError && error.code === 'not-found') return null;
            throw error;
          }),
        );
      return cache.get(key) ?? undefined;
    },
  };
}
