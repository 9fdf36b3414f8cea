/**
 * Finding a unit by its id: the one query and the one not-found message.
 * Whoever acts for a person goes through `unitFor` (../policy/loaders.ts),
 * which finds with this and then asks the policy; a unit named in words (a
 * code, a path of names) is `resolveUnitRef` (./resolve.ts).
 */
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { units } from '../../db/schema';
import { notFound } from '../errors';

export type UnitRow = typeof units.$inferSelect;

/** Ids are positive 32-bit integers: anything else is no unit, without asking the database. */
const validId = (id: number) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;

export const unitNotFoundById = () => notFound('đơn vị');

/** The unit, or undefined. */
export async function findUnit(db: Queryable, unitId: number): Promise<UnitRow | undefined> {
  if (!validId(unitId)) return undefined;
  const [unit] = await db.select().from(units).where(eq(units.id, unitId));
  return unit;
}

/** The unit, or a not-found error. */
export async function requireUnit(db: Queryable, unitId: number): Promise<UnitRow> {
  const unit = await findUnit(db, unitId);
  if (!unit) throw unitNotFoundById();
  return unit;
}
