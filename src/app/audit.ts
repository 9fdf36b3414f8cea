/**
 * The audit log: who changed what, when, with the record before and after.
 * Written in the same transaction as the change, so there is never a change
 * without its entry. The table refuses UPDATE and DELETE (see drizzle/0001).
 */
import type { Queryable } from '../db/client';
import { auditLog } from '../db/schema';
import type { Actor } from './actor';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(db: Queryable, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor?.userId ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    unitId: entry.unitId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
