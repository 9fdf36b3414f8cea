/**
 * Moving a registration one step through the cycle (submit, propose, reject,
 * recommend, not-recommend, return), each with who, when and why.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { programs, registrations, scorecardValues, units, verdicts, workflowEvents } from '../../db/schema';
import { transition, type Action, type Step } from '../../core/cycle/workflow';
import { nfc } from '../../core/text/normalize';
import type { Actor, Capability } from '../actor';
import { recordAudit } from '../audit';
import { AppError, forbidden } from '../errors';
import { coversPath } from '../scope';
import { loadRegistration, setFor } from './load';
import { assertNotConflicted, assertNotLocked, completeScorecard } from './scorecard';

export type CycleAction = Exclude<Action, 'recognize'>;

/** Who may take each action: area and officer submit, the board proposes, the council recommends. */
const CAPABILITY: Record<CycleAction, Capability> = {
  submit: 'selfAssess', propose: 'appraise', reject: 'appraise', recommend: 'review', 'not-recommend': 'review', return: 'appraise',
};

/**
 * The council sits at the programme's level (the city for Lai Châu): a ward
 * officer appraises with the board but does not recommend as the council.
 */
async function assertCouncilLevel(db: Db, actor: Actor, programId: number): Promise<void> {
  const [owner] = await db.select({ path: units.path }).from(programs).innerJoin(units, eq(units.id, programs.ownerUnitId)).where(eq(programs.id, programId));
  if (!owner || !coversPath(actor, owner.path, 'review')) throw forbidden('Chỉ hội đồng xét của cấp phụ trách phong trào mới đề nghị công nhận');
}

export async function actOnRegistration(db: Db, actor: Actor, id: number, action: CycleAction, reason?: string) {
  const { registration, unit } = await loadRegistration(db, actor, id, CAPABILITY[action]);
  assertNotLocked(registration);
  const move = transition(registration.status as Step, action, reason);
  if (!move.ok) throw new AppError('conflict', move.message);
  if (action === 'propose' || action === 'reject') await assertNotConflicted(db, actor, registration.id, unit.path);
  if (action === 'recommend' || action === 'not-recommend') await assertCouncilLevel(db, actor, registration.programId);

  if (action === 'submit' || action === 'propose') {
    const stage = action === 'submit' ? 'self' : 'board';
    const { set } = await setFor(db, registration.programId, registration.year);
    const rows = await db.select().from(scorecardValues).where(eq(scorecardValues.registrationId, registration.id));
    if (!completeScorecard(set, rows, stage))
      throw new AppError('conflict', stage === 'self' ? 'Chưa nhập đủ kết quả tự đánh giá cho mọi tiêu chí' : 'Ban thẩm định chưa nhập đủ kết quả cho mọi tiêu chí');
    if (action === 'propose' && registration.titleCode) {
      const [board] = await db.select().from(verdicts).where(eq(verdicts.registrationId, registration.id)).then((r) => r.filter((v) => v.stage === 'board'));
      if (!board?.recognized) {
        const reasons = (board?.result as { reasons?: string[] } | undefined)?.reasons ?? [];
        throw new AppError('conflict', `Kết quả thẩm định chưa đạt, không thể đề nghị công nhận: ${reasons.slice(0, 3).join('; ')}`);
      }
    }
  }

  const cleanReason = reason?.trim() ? nfc(reason.trim()) : null;
  return db.transaction(async (tx) => {
    const council = action === 'recommend' || action === 'not-recommend'
      ? { councilRecommended: action === 'recommend', councilReason: cleanReason }
      : action === 'return' && registration.status.startsWith('council-') ? { councilRecommended: null, councilReason: null } : {};
    const [updated] = await tx.update(registrations).set({ status: move.to, updatedAt: new Date(), ...council })
      .where(eq(registrations.id, registration.id)).returning();
    await tx.insert(workflowEvents).values({ registrationId: registration.id, action, fromStatus: registration.status, toStatus: move.to, reason: cleanReason, actorId: actor.userId });
    await recordAudit(tx, actor, { action, entity: 'registration', entityId: registration.id, unitId: unit.id, before: { status: registration.status }, after: { status: move.to, reason: cleanReason } });
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
