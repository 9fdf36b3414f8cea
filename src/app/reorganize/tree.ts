/** Moving subtrees: a unit's path and depth follow it, and its parent history is kept. */
import { and, eq, isNull, like, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { unitParents, units } from '../../db/schema';
import { dayBefore } from '../../core/text/date';

type Unit = typeof units.$inferSelect;

/** Puts `unit` under `parent` from `date`: rewrites the paths of its whole subtree, closes the old parent relation, opens the new. */
export async function moveUnder(db: Queryable, unit: Unit, parent: Unit, date: string): Promise<void> {
  const newPath = `${parent.path}${unit.id}/`;
  const shift = parent.depth + 1 - unit.depth;
  await db
    .update(units)
    .set({ path: sql`${newPath} || substr(${units.path}, ${unit.path.length + 1})`, depth: sql`${units.depth} + ${shift}` })
    .where(like(units.path, `${unit.path}%`));
  await db.update(units).set({ parentId: parent.id }).where(eq(units.id, unit.id));
  await db
    .update(unitParents)
    .set({ validTo: dayBefore(date) })
    .where(and(eq(unitParents.unitId, unit.id), isNull(unitParents.validTo)));
  await db.insert(unitParents).values({ unitId: unit.id, parentId: parent.id, validFrom: date });
}
