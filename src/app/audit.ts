/**
 * The audit log: who changed what, when, with the record before and after.
 * Written in the same transaction as the change, so there is never a change
 * without its entry. The table refuses UPDATE and DELETE (see drizzle/0001).
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { inBatches } from '../db/batch';
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

export async function recordAudit(db: Queryable, actor: Pick<Actor, 'userId'> | null, entry: AuditEntry): Promise<void> {
  await recordAuditMany(db, actor, [entry]);
}

/**
 * Many entries at once (an import), in the same transaction rules as
 * recordAudit. Sent as arrays through unnest: an import of ten thousand rows
 * leaves ten thousand entries in a few statements.
 */
export async function recordAuditMany(db: Queryable, actor: Pick<Actor, 'userId'> | null, entries: AuditEntry[]): Promise<void> {
  for (const chunk of inBatches(entries)) {
    const column = <T>(pick: (e: AuditEntry) => T) => sql.param(chunk.map(pick));
    await db.execute(sql`
      INSERT INTO ${auditLog} (actor_id, action, entity, entity_id, unit_id, before, after)
      SELECT ${actor?.userId ?? null}::int, * FROM unnest(
        ${column((e) => e.action)}::text[], ${column((e) => e.entity)}::text[],
        ${column((e) => (e.entityId == null ? null : String(e.entityId)))}::text[], ${column((e) => e.unitId ?? null)}::int[],
        ${column((e) => (e.before == null ? null : JSON.stringify(e.before)))}::jsonb[], ${column((e) => (e.after == null ? null : JSON.stringify(e.after)))}::jsonb[])`);
  }
}
