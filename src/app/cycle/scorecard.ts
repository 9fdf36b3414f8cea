/**
 * Saving scorecard values — the area's own (stage "self") or the commune
 * board's ("board") — partially, as autosave sends them. The board's value is
 * kept beside the area's and, where it differs, must say why. In one
 * transaction holding the registration's row: the step and lock are checked
 * again (./rules.ts), the values written and the verdict recomputed by the
 * server from what is stored (./values.ts); a client's verdict is never trusted.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { scorecardValues } from '../../db/schema';
import type { CriterionValue } from '../../core/evaluation/types';
import { nfc } from '../../core/text/normalize';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { invalid } from '../errors';
import { judgingContext } from './context';
import { loadRegistration, lockRegistration, tiesOf } from './load';
import { assertAllowed, conflictOfInterest, editRefusal } from './rules';
import { differsFromSelf, storeValues, type StoredCell } from './values';
import { valueProblems, type Stage } from './verdicts';

export { assertNotLocked } from './rules';
export type { Stage } from './verdicts';
export interface ValueInput {
  value: CriterionValue | null;
  note?: string | null;
  reason?: string | null;
}

export async function saveScorecard(db: Db, actor: Actor, id: number, input: { stage: Stage; values: Record<string, ValueInput> }) {
  const { unit } = await loadRegistration(db, actor, id, input.stage === 'self' ? 'registration.self-assess' : 'registration.appraise');
  return db.transaction(async (tx) => {
    const registration = await lockRegistration(tx, id);
    assertAllowed(editRefusal(input.stage, registration));
    if (input.stage === 'board') assertAllowed(conflictOfInterest(await tiesOf(tx, actor, [registration.id]), registration, unit));

    const ctx = await judgingContext(tx, registration);
    const given = Object.fromEntries(
      Object.entries(input.values)
        .filter(([, v]) => v.value !== null)
        .map(([code, v]) => [code, v.value!]),
    );
    const wrong = valueProblems(given, ctx);
    if (wrong.length) throw invalid(wrong.map((p) => p.message).join('; '), { fields: Object.fromEntries(wrong.map((p) => [p.code, p.message])) });

    const existing = await tx.select().from(scorecardValues).where(eq(scorecardValues.registrationId, registration.id));
    const missingReasons: Record<string, string> = {};
    const cells: StoredCell[] = Object.entries(input.values).map(([code, v]) => {
      const before = existing.find((e) => e.criterionCode === code);
      const reason = v.reason?.trim() ? nfc(v.reason.trim()) : null;
      if (input.stage === 'board' && differsFromSelf(before?.selfValue, v.value) && !reason)
        missingReasons[code] = `Tiêu chí ${code}: ban thẩm định cho kết quả khác khu dân cư, cần ghi rõ lý do`;
      return {
        registrationId: registration.id,
        code,
        value: v.value,
        reason: input.stage === 'board' ? reason : null,
        note: v.note === undefined ? undefined : v.note ? nfc(v.note) : null,
      };
    });
    if (Object.keys(missingReasons).length) throw invalid(Object.values(missingReasons).join('; '), { fields: missingReasons });

    const verdict = (await storeValues(tx, actor, input.stage, cells)).get(registration.id)?.[input.stage] ?? null;
    await recordAudit(tx, actor, {
      action: `scorecard-${input.stage}`,
      entity: 'registration',
      entityId: registration.id,
      unitId: unit.id,
      before: Object.fromEntries(Object.keys(input.values).map((c) => [c, existing.find((e) => e.criterionCode === c) ?? null])),
      after: input.values,
    });
    return { verdict, saved: Object.keys(input.values).length };
  });
}
