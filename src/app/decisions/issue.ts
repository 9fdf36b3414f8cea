/**
 * Issuing a decision, in one transaction holding the decision's row and every
 * row it changes. A recognising decision: its areas become recognitions with
 * their status (lần đầu / giữ vững / công nhận lại, from earlier years of the
 * same title) and reward, their registrations are recognised and locked. A
 * revoking decision: the titles it names are marked revoked. Either way the
 * verdicts that read those titles (criteria of kind "title" and
 * "title-share", on scorecards not locked by a decision) follow at once, and
 * the decision itself can no longer change: a correction is a new decision.
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { decisionRegistrations, decisionRevocations, decisions, programRewards, recognitions, units } from '../../db/schema';
import { recognitionStatus, rewardFor, type RecognitionStatus, type RewardRule } from '../../core/cycle/status';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { AppError } from '../errors';
import { followTitleChanges } from '../cycle/dependents';
import { lockRegistrations } from '../cycle/load';
import { stepRefusal } from '../cycle/rules';
import { moveRegistrations, noteOnRegistrations } from '../cycle/step';
import { baseSalaryOn } from '../programs/salary';
import { decisionFor } from '../policy/loaders';
import { assertNumberFree } from './draft';

type Decision = typeof decisions.$inferSelect;

async function lockDecision(tx: Queryable, actor: Actor, decisionId: number): Promise<Decision> {
  const { path: _path, ...decision } = await decisionFor(tx, actor, decisionId, 'decision.issue', { lock: true });
  if (decision.status === 'issued') throw new AppError('locked', 'Quyết định đã ban hành, không thể sửa; hãy lập quyết định sửa đổi, bổ sung');
  return decision;
}

export async function issueDecision(db: Db, actor: Actor, decisionId: number) {
  return db.transaction(async (tx) => {
    const d = await lockDecision(tx, actor, decisionId);
    await assertNumberFree(tx, d);
    const result = d.kind === 'revoke' ? await revoke(tx, actor, d) : await recognize(tx, actor, d);
    const [issued] = await tx
      .update(decisions)
      .set({ status: 'issued', issuedBy: actor.userId, issuedAt: new Date() })
      .where(eq(decisions.id, d.id))
      .returning();
    const followed = await followTitleChanges(tx, result.changes);
    await recordAudit(tx, actor, {
      action: d.kind === 'revoke' ? 'issue-revocation' : 'issue-decision',
      entity: 'decision',
      entityId: d.id,
      unitId: d.issuingUnitId,
      before: { status: d.status },
      after: { status: 'issued', ...result.audit, verdictsRecomputed: followed },
    });
    return { ...issued!, recognitions: result.recognitions };
  });
}

/** The programme's rewards for the title, with the base salary in force on the decision's date for those set as a coefficient. */
async function rewardRules(tx: Queryable, d: Decision) {
  const rules: Partial<Record<RecognitionStatus, RewardRule>> = {};
  for (const r of await tx
    .select()
    .from(programRewards)
    .where(and(eq(programRewards.programId, d.programId), eq(programRewards.titleCode, d.titleCode))))
    rules[r.status] = { amount: r.amount, coefficient: r.coefficient };
  const needsSalary = Object.values(rules).some((r) => r?.coefficient);
  return { rules, baseSalary: needsSalary ? ((await baseSalaryOn(tx, d.issuedOn))?.amount ?? null) : null };
}

async function recognize(tx: Queryable, actor: Actor, d: Decision) {
  const links = await tx.select().from(decisionRegistrations).where(eq(decisionRegistrations.decisionId, d.id));
  const locked = await lockRegistrations(
    tx,
    links.map((l) => l.registrationId),
  );
  const names = new Map(
    (
      await tx
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(inArray(units.id, [...locked.map((r) => r.unitId), -1]))
    ).map((u) => [u.id, u.name]),
  );
  const regs = locked.map((r) => ({ r, name: names.get(r.unitId) ?? '' }));
  if (!regs.length) throw new AppError('conflict', 'Quyết định chưa có khu dân cư nào');
  const notReady = regs.filter(({ r }) => stepRefusal(r, 'recognize'));
  if (notReady.length)
    throw new AppError(
      'conflict',
      `Có ${notReady.length} hồ sơ không còn ở bước hội đồng đề nghị công nhận (${notReady
        .slice(0, 3)
        .map((x) => x.name)
        .join(', ')}); hãy sửa dự thảo`,
    );

  const unitIds = regs.map(({ r }) => r.unitId);
  const already = await tx
    .select({ unitId: recognitions.unitId })
    .from(recognitions)
    .where(
      and(
        eq(recognitions.programId, d.programId),
        eq(recognitions.titleCode, d.titleCode),
        eq(recognitions.year, d.year),
        inArray(recognitions.unitId, unitIds),
      ),
    );
  if (already.length) {
    const names = regs.filter(({ r }) => already.some((a) => a.unitId === r.unitId)).map((x) => x.name);
    throw new AppError(
      'conflict',
      `${names.join(', ')} đã được công nhận danh hiệu này năm ${d.year} (theo quyết định khác hoặc hồ sơ đã nhập); hãy bỏ khỏi dự thảo`,
    );
  }

  const { rules, baseSalary } = await rewardRules(tx, d);
  const earlier = await tx
    .select({ unitId: recognitions.unitId, year: recognitions.year })
    .from(recognitions)
    .where(
      and(
        eq(recognitions.programId, d.programId),
        eq(recognitions.titleCode, d.titleCode),
        lt(recognitions.year, d.year),
        eq(recognitions.revoked, false),
        inArray(recognitions.unitId, unitIds),
      ),
    );
  const rows = regs.map(({ r }): typeof recognitions.$inferInsert => {
    const status = recognitionStatus(
      d.year,
      earlier.filter((e) => e.unitId === r.unitId).map((e) => e.year),
    );
    return {
      programId: d.programId,
      year: d.year,
      unitId: r.unitId,
      titleCode: d.titleCode,
      decisionId: d.id,
      registrationId: r.id,
      status,
      rewardAmount: rewardFor(status, rules, baseSalary),
      source: 'decision',
    };
  });
  await tx.insert(recognitions).values(rows);
  await moveRegistrations(
    tx,
    actor,
    regs.map(({ r }) => r),
    'recognize',
    `Quyết định số ${d.number}`,
  );
  return {
    recognitions: rows,
    changes: rows.map((r) => ({ programId: r.programId, unitId: r.unitId, year: r.year })),
    audit: { recognitions: rows, baseSalary },
  };
}

async function revoke(tx: Queryable, actor: Actor, d: Decision) {
  const links = await tx.select().from(decisionRevocations).where(eq(decisionRevocations.decisionId, d.id));
  const held = links.length
    ? await tx
        .select({ r: recognitions, name: units.name })
        .from(recognitions)
        .innerJoin(units, eq(units.id, recognitions.unitId))
        .where(
          inArray(
            recognitions.id,
            links.map((l) => l.recognitionId),
          ),
        )
        .orderBy(recognitions.id)
        .for('update', { of: recognitions })
    : [];
  if (!held.length) throw new AppError('conflict', 'Quyết định chưa có khu dân cư nào bị thu hồi danh hiệu');
  const gone = held.filter(({ r }) => r.revoked);
  if (gone.length) throw new AppError('conflict', `${gone.map((x) => x.name).join(', ')}: danh hiệu đã bị thu hồi bởi quyết định khác; hãy sửa dự thảo`);
  const ids = held.map(({ r }) => r.id);
  await tx.update(recognitions).set({ revoked: true, revokedByDecisionId: d.id }).where(inArray(recognitions.id, ids));
  await noteOnRegistrations(
    tx,
    actor,
    held.flatMap(({ r }) => (r.registrationId === null ? [] : [r.registrationId])),
    'revoke',
    `Thu hồi danh hiệu theo Quyết định số ${d.number}: ${d.reason ?? ''}`.trim(),
  );
  return {
    recognitions: held.map(({ r }) => ({ ...r, revoked: true, revokedByDecisionId: d.id })),
    changes: held.map(({ r }) => ({ programId: r.programId, unitId: r.unitId, year: r.year })),
    audit: { revoked: held.map(({ r, name }) => ({ id: r.id, unitId: r.unitId, name, year: r.year, titleCode: r.titleCode })), reason: d.reason },
  };
}
