/**
 * The one place verdicts are stored. Whatever changed — values typed or
 * imported, a title recognised or revoked by a decision, attributes or figures
 * imported — the registrations it touches are recomputed here, inside the
 * caller's transaction and with their rows locked, from the values stored and
 * the records as they stand (./context.ts). A stage whose scorecard is not
 * complete has no verdict. A registration locked by an issued decision keeps
 * the verdict the decision rests on.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { registrations, scorecardValues, verdicts } from '../../db/schema';
import { evaluate } from '../../core/evaluation/evaluate';
import { checkScorecard, type ScorecardProblem, type ScorecardProblemKind } from '../../core/evaluation/scorecard';
import type { Scorecard, Verdict } from '../../core/evaluation/types';
import { inBatches, WIDE_ROW_BATCH } from '../../db/batch';
import { judgingContexts, type JudgingContext } from './context';
import { lockRegistrations } from './load';

import { STAGES, type Stage } from '../../core/cycle/workflow';
export { STAGES, type Stage };

type StoredValue = Pick<typeof scorecardValues.$inferSelect, 'criterionCode' | 'selfValue' | 'boardValue'>;

/** A stage's values as stored (empty cells left out). */
export function scorecardOf(rows: StoredValue[], stage: Stage): Scorecard {
  const out: Scorecard = {};
  for (const r of rows) {
    const v = stage === 'self' ? r.selfValue : r.boardValue;
    if (v !== null && v !== undefined) out[r.criterionCode] = v;
  }
  return out;
}

/** A verdict as the verdicts table keeps it: once per registration and stage, with the set version it used. */
export function storedVerdict(criteriaSetId: number, verdict: Verdict) {
  return {
    criteriaSetId,
    recognized: verdict.recognized,
    levelCode: verdict.title,
    failedCriteria: verdict.failedCriteria,
    result: verdict,
    computedAt: new Date(),
  };
}

/**
 * Values of criteria the records now decide are left out (a title entered by
 * hand before its programme was kept in KDC): the records speak for them.
 */
export function judgeable(values: Scorecard, ctx: JudgingContext): Scorecard {
  if (!ctx.recordJudged.length) return values;
  const out = { ...values };
  for (const code of ctx.recordJudged) delete out[code];
  return out;
}

/** What keeps a stage's scorecard from a verdict: nothing when it is complete and valid. */
export function scorecardProblems(values: Scorecard, ctx: JudgingContext): ScorecardProblem[] {
  return checkScorecard(ctx.set, judgeable(values, ctx), { recordJudged: ctx.recordJudged, profile: ctx.evaluation.profile });
}

/**
 * What is wrong with values about to be stored (a save or an import), missing ones aside: an unknown code,
 * a value of the wrong type, a value for a criterion the records decide or that does not apply.
 */
export function valueProblems(values: Scorecard, ctx: JudgingContext): Array<ScorecardProblem & { kind: Exclude<ScorecardProblemKind, 'missing'> }> {
  return checkScorecard(ctx.set, values, { recordJudged: ctx.recordJudged, profile: ctx.evaluation.profile }).filter(
    (p): p is ScorecardProblem & { kind: Exclude<ScorecardProblemKind, 'missing'> } => p.kind !== 'missing',
  );
}

export interface Recomputed {
  self: Verdict | null;
  board: Verdict | null;
}

/** Locks the registrations (those not locked by a decision) and recomputes both stages' verdicts. */
export async function recomputeVerdicts(tx: Queryable, registrationIds: number[]): Promise<Map<number, Recomputed>> {
  const out = new Map<number, Recomputed>();
  // One order everywhere (by id, as lockRegistrations takes them): no deadlock between two writers.
  for (const chunk of inBatches([...new Set(registrationIds)].sort((a, b) => a - b))) {
    const regs = (await lockRegistrations(tx, chunk)).filter((r) => !r.locked);
    if (!regs.length) continue;
    const contexts = await judgingContexts(tx, regs);
    const values = new Map<number, StoredValue[]>();
    for (const v of await tx
      .select()
      .from(scorecardValues)
      .where(
        inArray(
          scorecardValues.registrationId,
          regs.map((r) => r.id),
        ),
      ))
      values.set(v.registrationId, [...(values.get(v.registrationId) ?? []), v]);

    const rows: Array<typeof verdicts.$inferInsert> = [];
    const cleared: Array<{ id: number; stage: Stage }> = [];
    for (const reg of regs) {
      const ctx = contexts.get(reg.id);
      if (!ctx) continue;
      const result: Recomputed = { self: null, board: null };
      for (const stage of STAGES) {
        const stageValues = scorecardOf(values.get(reg.id) ?? [], stage);
        if (scorecardProblems(stageValues, ctx).length) {
          cleared.push({ id: reg.id, stage });
          continue;
        }
        const verdict = evaluate(ctx.set, { ...ctx.evaluation, values: judgeable(stageValues, ctx) });
        result[stage] = verdict;
        rows.push({ registrationId: reg.id, stage, ...storedVerdict(ctx.setId, verdict) });
      }
      out.set(reg.id, result);
    }
    for (const stage of STAGES) {
      const gone = cleared.filter((c) => c.stage === stage).map((c) => c.id);
      if (gone.length) await tx.delete(verdicts).where(and(inArray(verdicts.registrationId, gone), eq(verdicts.stage, stage)));
    }
    for (const part of inBatches(rows, WIDE_ROW_BATCH)) {
      await tx
        .insert(verdicts)
        .values(part)
        .onConflictDoUpdate({
          target: [verdicts.registrationId, verdicts.stage],
          set: {
            criteriaSetId: sql.raw('excluded.criteria_set_id'),
            recognized: sql.raw('excluded.recognized'),
            levelCode: sql.raw('excluded.level_code'),
            failedCriteria: sql.raw('excluded.failed_criteria'),
            result: sql.raw('excluded.result'),
            computedAt: sql.raw('excluded.computed_at'),
          },
        });
    }
  }
  return out;
}

/** Registrations of these units, not locked, in these years: what a change of their attributes or figures may move. */
export async function openRegistrationsOf(tx: Queryable, unitIds: number[], years: number[] | 'all'): Promise<number[]> {
  const out: number[] = [];
  for (const ids of inBatches([...new Set(unitIds)])) {
    const rows = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(
        and(
          inArray(registrations.unitId, ids),
          eq(registrations.locked, false),
          years === 'all' ? undefined : inArray(registrations.year, years.length ? years : [-1]),
        ),
      );
    out.push(...rows.map((r) => r.id));
  }
  return out;
}
