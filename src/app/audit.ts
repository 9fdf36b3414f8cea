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
  await recordAuditMany(db, actor, [entry]);
}

/** Many entries at once (an import), in chunks the driver accepts; same transaction rules as recordAudit. */
export async function recordAuditMany(db: Queryable, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    await db.insert(auditLog).values(entries.slice(i, i + 1000).map((entry) => ({
      actorId: actor?.userId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      unitId: entry.unitId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })));
  }
}
