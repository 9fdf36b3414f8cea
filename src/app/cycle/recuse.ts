/**
 * A board or council member stands aside from one area's appraisal, with a
 * reason, on the record. Only whoever could appraise or review the area may
 * (finding 18: not the read-only leader, not the area head), and only a person.
 */
import type { Db } from '../../db/client';
import { recusals } from '../../db/schema';
import { nfc } from '../../core/text/normalize';
import { isSystem, type Actor } from '../actor';
import { recordAudit } from '../audit';
import { forbidden, invalid } from '../errors';
import { loadRegistration } from './load';

export async function recuse(db: Db, actor: Actor, id: number, reason: string) {
  const { registration, unit } = await loadRegistration(db, actor, id, 'registration.recuse');
  if (isSystem(actor)) throw forbidden(); // the policy refuses it already: a person recuses
  if (!reason.trim()) throw invalid('Cần ghi lý do không tham gia thẩm định');
  return db.transaction(async (tx) => {
    const row = { registrationId: registration.id, userId: actor.userId, reason: nfc(reason.trim()) };
    await tx
      .insert(recusals)
      .values(row)
      .onConflictDoUpdate({ target: [recusals.registrationId, recusals.userId], set: { reason: row.reason } });
    await recordAudit(tx, actor, { action: 'recuse', entity: 'registration', entityId: registration.id, unitId: unit.id, after: row });
    return row;
  });
}
