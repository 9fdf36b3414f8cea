/**
 * Reading the audit log within scope. Every entry is filed under a unit (the
 * unit changed, the account's unit for a sign-in); whoever manages a subtree
 * reads the entries of its units. Entries with no unit — the system's own
 * work, a failed sign-in on a name nobody has — are read by administrators.
 * There is deliberately no function that edits or deletes the log.
 */
import { and, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { auditLog, units, users } from '../db/schema';
import type { Actor } from './actor';
import { can } from './policy';
import { requireRole, unitFor } from './policy/loaders';

export async function readAudit(db: Queryable, actor: Actor, input: { unitId?: number; limit: number }) {
  requireRole(actor, 'unit.audit');
  const everything = input.unitId === undefined && can(actor, 'system.audit', { kind: 'system' });
  const roots =
    input.unitId !== undefined
      ? [(await unitFor(db, actor, input.unitId, 'unit.audit')).path]
      : actor.grants.filter((g) => g.role === 'officer').map((g) => g.unitPath);
  const scopeUnits = db
    .select({ id: units.id })
    .from(units)
    .where(or(sql`false`, ...roots.map((root) => like(units.path, `${root}%`))));
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: users.displayName,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      unitId: auditLog.unitId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(everything ? undefined : and(inArray(auditLog.unitId, scopeUnits)))
    .orderBy(desc(auditLog.id))
    .limit(input.limit);
}
