/**
 * Unit scope, checked on the server for every request: a grant over a unit
 * covers that unit and everything under it, nothing else. Admin covers all.
 */
import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { units } from '../db/schema';
import { CAPABILITIES, isAdmin, type Actor, type Capability } from './actor';
import { AppError, forbidden, notFound } from './errors';

export function coversPath(actor: Actor, path: string, capability: Capability = 'read'): boolean {
  const roles: readonly string[] = CAPABILITIES[capability];
  return actor.grants.some((g) => roles.includes(g.role) && (g.role === 'admin' || path.startsWith(g.unitPath)));
}

/** A SQL condition limiting `units` rows to the actor's subtrees. */
export function unitScopeCondition(actor: Actor, capability: Capability = 'read'): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  const roles: readonly string[] = CAPABILITIES[capability];
  const paths = actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitPath);
  if (!paths.length) return sql`false`;
  return or(...paths.map((p) => sql`${units.path} LIKE ${`${p}%`}`));
}

export async function loadUnit(db: Queryable, unitId: number) {
  const [unit] = await db.select().from(units).where(eq(units.id, unitId));
  return unit;
}

/**
 * The unit, if the actor may act on it in this capacity. A unit outside every
 * subtree of the actor answers 404 rather than 403 when it cannot even be
 * read, so its existence is not revealed.
 */
export async function requireUnit(db: Queryable, actor: Actor, unitId: number, capability: Capability = 'read') {
  const unit = Number.isInteger(unitId) ? await loadUnit(db, unitId) : undefined;
  if (!unit || !coversPath(actor, unit.path, 'read')) throw notFound('đơn vị');
  if (!coversPath(actor, unit.path, capability)) throw forbidden('Bạn không có quyền thực hiện thao tác này với đơn vị này');
  return unit;
}

export function requireCapability(actor: Actor, capability: Capability): void {
  const roles: readonly string[] = CAPABILITIES[capability];
  if (!actor.grants.some((g) => roles.includes(g.role))) throw new AppError('forbidden', 'Vai trò của bạn không được thực hiện thao tác này');
}
