/** Reading the audit log within scope. There is deliberately no function that edits or deletes it. */
import { and, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { auditLog, units, users } from '../db/schema';
import { isAdmin, type Actor } from './actor';
import { requireCapability, requireUnit } from './scope';

export async function readAudit(db: Queryable, actor: Actor, input: { unitId?: number; limit: number }) {
  requireCapability(actor, 'manage');
  const roots = input.unitId !== undefined
    ? [(await requireUnit(db, actor, input.unitId, 'manage')).path]
    : isAdmin(actor) ? ['/'] : actor.grants.filter((g) => g.role === 'officer').map((g) => g.unitPath);
  const scopeUnits = db.select({ id: units.id }).from(units).where(or(sql`false`, ...roots.map((root) => like(units.path, `${root}%`))));
  return db
    .select({ id: auditLog.id, at: auditLog.at, actor: users.displayName, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, unitId: auditLog.unitId, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(inArray(auditLog.unitId, scopeUnits)))
    .orderBy(desc(auditLog.id))
    .limit(input.limit);
}
