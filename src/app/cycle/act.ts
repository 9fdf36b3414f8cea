/**
 * Moving a registration one step through the cycle (submit, propose, reject,
 * recommend, not-recommend, return), each with who, when and why. The step is
 * decided inside one transaction holding the registration's row, on its
 * status and lock as they are then, with its verdicts recomputed from what is
 * stored: two officers acting at once act one after the other.
 */
import type { Db } from '../../db/client';
import type { Action } from '../../core/cycle/workflow';
import { nfc } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { AppError } from '../errors';
import type { Action as PolicyAction } from '../policy';
import { loadRegistration, lockRegistration, tiesOf } from './load';
import { assertAllowed, conflictOfInterest, stepRefusal, verdictRefusal } from './rules';
import { moveRegistrations } from './step';
import { recomputeVerdicts } from './verdicts';

export type CycleAction = Exclude<Action, 'recognize'>;

/**
 * The policy's action for each step (src/app/policy): the area and officer
 * submit, the board proposes or rejects, the council — at the programme's own
 * level — recommends. Submitting and proposing are duties: one person does
 * not self-assess, appraise and propose the same registration.
 */
const POLICY_ACTION: Record<CycleAction, PolicyAction & `registration.${string}`> = {
  submit: 'registration.self-assess',
  propose: 'registration.propose',
  reject: 'registration.propose',
  recommend: 'registration.review',
  'not-recommend': 'registration.review',
  return: 'registration.return',
};

export async function actOnRegistration(db: Db, actor: Actor, id: number, action: CycleAction, reason?: string) {
  const { registration: seen, unit } = await loadRegistration(db, actor, id, POLICY_ACTION[action]);
  const cleanReason = reason?.trim() ? nfc(reason.trim()) : null;

  return db.transaction(async (tx) => {
    const registration = await lockRegistration(tx, id);
    if (action === 'propose' || action === 'reject') assertAllowed(conflictOfInterest(await tiesOf(tx, actor, [seen.id]), seen, unit));
    assertAllowed(stepRefusal(registration, action, cleanReason));
    if (action === 'submit' || action === 'propose') {
      const verdict = (await recomputeVerdicts(tx, [registration.id])).get(registration.id)?.[action === 'submit' ? 'self' : 'board'];
      assertAllowed(verdictRefusal(action, registration, verdict));
    }
    const [updated] = await moveRegistrations(tx, actor, [registration], action, cleanReason);
    await recordAudit(tx, actor, {
      action,
      entity: 'registration',
      entityId: registration.id,
      unitId: unit.id,
      before: { status: registration.status },
      after: { status: updated!.status, reason: cleanReason },
    });
    return updated!;
  });
}

/** The same action on several registrations, each in its own transaction: one failure does not undo the others. */
export async function bulkAct(db: Db, actor: Actor, ids: number[], action: CycleAction, reason?: string) {
  const done: number[] = [];
  const failed: Array<{ id: number; message: string }> = [];
  for (const id of [...new Set(ids)]) {
    try {
      await actOnRegistration(db, actor, id, action, reason);
      done.push(id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed.push({ id, message: error.message });
    }
  }
  return { done, failed };
}
