/**
 * Issuing a decision: in one transaction its areas become recognitions with
 * their status (lần đầu / giữ vững / công nhận lại, from earlier years of the
 * same title) and reward, their registrations are recognised and locked, and
 * the decision itself can no longer change. A correction is a new, amending
 * decision.
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { decisionRegistrations, decisions, programRewards, recognitions, registrations, units, workflowEvents } from '../../db/schema';
import { recognitionStatus, rewardFor, type RecognitionStatus } from '../../core/cycle/status';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { AppError, forbidden, notFound } from '../errors';
import { coversPath } from '../scope';

export async function issueDecision(db: Db, actor: Actor, decisionId: number) {
  return db.transaction(async (tx) => {
    const [decision] = await tx.select({ d: decisions, path: units.path }).from(decisions)
      .innerJoin(units, eq(units.id, decisions.issuingUnitId)).where(eq(decisions.id, decisionId));
    if (!decision || !coversPath(actor, decision.path, 'read')) throw notFound('quyết định');
    if (!coversPath(actor, decision.path, 'decide')) throw forbidden('Bạn không có quyền ban hành quyết định này');
    const d = decision.d;
    if (d.status === 'issued') throw new AppError('locked', 'Quyết định đã ban hành, không thể sửa; hãy lập quyết định sửa đổi, bổ sung');

    const links = await tx.select().from(decisionRegistrations).where(eq(decisionRegistrations.decisionId, d.id));
    const regs = links.length ? await tx.select().from(registrations).where(inArray(registrations.id, links.map((l) => l.registrationId))) : [];
    const notReady = regs.filter((r) => r.status !== 'council-recommended');
    if (!regs.length) throw new AppError('conflict', 'Quyết định chưa có khu dân cư nào');
    if (notReady.length) throw new AppError('conflict', `Có ${notReady.length} hồ sơ không còn ở bước hội đồng đề nghị công nhận; hãy sửa dự thảo`);

    const amounts = Object.fromEntries((await tx.select().from(programRewards)
      .where(and(eq(programRewards.programId, d.programId), eq(programRewards.titleCode, d.titleCode)))).map((r) => [r.status, r.amount])) as Partial<Record<RecognitionStatus, number>>;
    const earlier = await tx.select({ unitId: recognitions.unitId, year: recognitions.year }).from(recognitions)
      .where(and(eq(recognitions.programId, d.programId), eq(recognitions.titleCode, d.titleCode), lt(recognitions.year, d.year), eq(recognitions.revoked, false),
        inArray(recognitions.unitId, regs.map((r) => r.unitId))));
    const rows = regs.map((r) => {
      const status = recognitionStatus(d.year, earlier.filter((e) => e.unitId === r.unitId).map((e) => e.year));
      return { programId: d.programId, year: d.year, unitId: r.unitId, titleCode: d.titleCode, decisionId: d.id, registrationId: r.id, status, rewardAmount: rewardFor(status, amounts), source: 'decision' };
    });
    await tx.insert(recognitions).values(rows);
    await tx.update(registrations).set({ status: 'recognized', locked: true, updatedAt: new Date() }).where(inArray(registrations.id, regs.map((r) => r.id)));
    await tx.insert(workflowEvents).values(regs.map((r) => ({ registrationId: r.id, action: 'recognize', fromStatus: r.status, toStatus: 'recognized', actorId: actor.userId, reason: `Quyết định số ${d.number}` })));
    const [issued] = await tx.update(decisions).set({ status: 'issued', issuedBy: actor.userId, issuedAt: new Date() }).where(eq(decisions.id, d.id)).returning();
    await recordAudit(tx, actor, { action: 'issue-decision', entity: 'decision', entityId: d.id, unitId: d.issuingUnitId, before: { status: d.status }, after: { status: 'issued', recognitions: rows } });
    return { ...issued!, recognitions: rows };
  });
}
