/**
 * Saving scorecard values — the area's own (stage "self") or the commune
 * board's ("board") — partially, as autosave sends them. The board's value is
 * kept beside the area's and, where it differs, must say why. When every
 * criterion of the stage has a value the server computes and stores the
 * verdict itself; a client's verdict is never trusted.
 */
import { and, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import { recusals, scorecardValues, units, verdicts } from '../../db/schema';
import type { CriteriaSet } from '../../core/criteria/schema';
import { evaluate } from '../../core/evaluation/evaluate';
import { checkScorecard } from '../../core/evaluation/scorecard';
import type { CriterionValue, Scorecard, Verdict } from '../../core/evaluation/types';
import { editableBy, type Step } from '../../core/cycle/workflow';
import { nfc } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { AppError, forbidden, invalid } from '../errors';
import { historyOf, loadRegistration, profileOf, setFor } from './load';

export type Stage = 'self' | 'board';
export interface ValueInput { value: CriterionValue | null; note?: string | null; reason?: string | null }

export function assertNotLocked(registration: { locked: boolean }): void {
  if (registration.locked) throw new AppError('locked', 'Hồ sơ đã có quyết định công nhận, không thể sửa');
}

/** A member does not appraise the area they live in or lead; a recorded recusal also bars them. */
export async function assertNotConflicted(db: Queryable, actor: Actor, registrationId: number, unitPath: string): Promise<void> {
  if (actor.homeUnitId) {
    const [home] = await db.select({ path: units.path }).from(units).where(eq(units.id, actor.homeUnitId));
    if (home && (home.path.startsWith(unitPath) || unitPath.startsWith(home.path)))
      throw forbidden('Bạn không được thẩm định khu dân cư nơi mình cư trú hoặc phụ trách');
  }
  const [recused] = await db.select().from(recusals).where(and(eq(recusals.registrationId, registrationId), eq(recusals.userId, actor.userId)));
  if (recused) throw forbidden('Bạn đã xin rút khỏi việc thẩm định hồ sơ này');
}

/** The stage's values, as a complete scorecard or null while some criterion is still empty. */
export function completeScorecard(set: CriteriaSet, rows: Array<{ criterionCode: string; selfValue: unknown; boardValue: unknown }>, stage: Stage): Scorecard | null {
  const values: Scorecard = {};
  for (const row of rows) {
    const value = (stage === 'self' ? row.selfValue : row.boardValue) as CriterionValue | null;
    if (value !== null && value !== undefined) values[row.criterionCode] = value;
  }
  return checkScorecard(set, values).length ? null : values;
}

/** A verdict as the verdicts table keeps it: once per registration and stage, with the set version it used. */
export function storedVerdict(criteriaSetId: number, verdict: Verdict) {
  return { criteriaSetId, recognized: verdict.recognized, levelCode: verdict.title, failedCriteria: verdict.failedCriteria, result: verdict, computedAt: new Date() };
}

export async function saveScorecard(db: Db, actor: Actor, id: number, input: { stage: Stage; values: Record<string, ValueInput> }) {
  const { registration, unit, parent } = await loadRegistration(db, actor, id, input.stage === 'self' ? 'selfAssess' : 'appraise');
  assertNotLocked(registration);
  const step = editableBy(registration.status as Step);
  if (step !== (input.stage === 'self' ? 'area' : 'board'))
    throw new AppError('conflict', input.stage === 'self'
      ? 'Hồ sơ đã gửi đi, khu dân cư không sửa được kết quả tự đánh giá (đề nghị trả lại hồ sơ nếu cần sửa)'
      : 'Chỉ thẩm định được khi khu dân cư đã gửi kết quả tự đánh giá');
  if (input.stage === 'board') await assertNotConflicted(db, actor, registration.id, unit.path);

  const { id: setId, set } = await setFor(db, registration.programId, registration.year);
  const given = Object.fromEntries(Object.entries(input.values).filter(([, v]) => v.value !== null).map(([code, v]) => [code, v.value]));
  const wrong = checkScorecard(set, given).filter((p) => !p.message.startsWith('thiếu giá trị'));
  if (wrong.length) throw invalid(wrong.map((p) => p.message).join('; '));

  return db.transaction(async (tx) => {
    const existing = await tx.select().from(scorecardValues).where(eq(scorecardValues.registrationId, registration.id));
    for (const [code, v] of Object.entries(input.values)) {
      const before = existing.find((e) => e.criterionCode === code);
      const note = v.note === undefined ? (before?.note ?? null) : v.note ? nfc(v.note) : null;
      if (input.stage === 'board') {
        const differs = v.value !== null && before !== undefined && JSON.stringify(before.selfValue) !== JSON.stringify(v.value);
        const reason = v.reason?.trim() ? nfc(v.reason.trim()) : null;
        if (differs && !reason) throw invalid(`Tiêu chí ${code}: ban thẩm định cho kết quả khác khu dân cư, cần ghi rõ lý do`);
      }
      const row = input.stage === 'self'
        ? { selfValue: v.value, note }
        : { boardValue: v.value, boardReason: v.reason?.trim() ? nfc(v.reason.trim()) : null, note };
      await tx.insert(scorecardValues)
        .values({ registrationId: registration.id, criterionCode: code, ...row, updatedBy: actor.userId })
        .onConflictDoUpdate({ target: [scorecardValues.registrationId, scorecardValues.criterionCode], set: { ...row, updatedBy: actor.userId, updatedAt: new Date() } });
    }
    const rows = await tx.select().from(scorecardValues).where(eq(scorecardValues.registrationId, registration.id));
    const complete = completeScorecard(set, rows, input.stage);
    let verdict = null;
    if (complete) {
      verdict = evaluate(set, { profile: profileOf(unit, parent), values: complete, year: registration.year, history: await historyOf(tx, registration.programId, unit.id, registration.year) });
      const stored = storedVerdict(setId, verdict);
      await tx.insert(verdicts).values({ registrationId: registration.id, stage: input.stage, ...stored })
        .onConflictDoUpdate({ target: [verdicts.registrationId, verdicts.stage], set: stored });
    }
    await recordAudit(tx, actor, {
      action: `scorecard-${input.stage}`, entity: 'registration', entityId: registration.id, unitId: unit.id,
      before: Object.fromEntries(Object.keys(input.values).map((c) => [c, existing.find((e) => e.criterionCode === c) ?? null])),
      after: input.values,
    });
    return { verdict, saved: Object.keys(input.values).length };
  });
}
