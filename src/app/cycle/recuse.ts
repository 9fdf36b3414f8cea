/** A board or council member stands aside from one area's appraisal, with a reason, on the record. */
import type { Db } from '../../db/client';
import { recusals } from '../../db/schema';
import { nfc } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { invalid } from '../errors';
import { loadRegistration } from './load';

export async function recuse(db: Db, actor: Actor, id: number, reason: string) {
  const { registration, unit } = await loadRegistration(db, actor, id);
  if (!reason.trim()) throw invalid('Cần ghi lý do không tham gia thẩm định');
  return db.transaction(async (tx) => {
    const row = { registrationId: registration.id, userId: actor.userId, reason: nfc(reason.trim()) };
    await tx.insert(recusals).values(row).onConflictDoUpdate({ target: [recusals.registrationId, recusals.userId], set: { reason: row.reason } });
    await recordAudit(tx, actor, { action: 'recuse', entity: 'registration', entityId: registration.id, unitId: unit.id, after: row });
    return row;
  });
}
