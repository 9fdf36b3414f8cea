/**
 * A programme's past years entered the way officers enter them: for each
 * area a registration, a scorecard (the area's and the board's values), the
 * verdict the engine gives, the workflow steps, and one issued decision per
 * year whose recognitions carry the status computed from earlier years.
 */
import type { Queryable } from '../db/client';
import { decisions, recognitions, registrations, scorecardValues, verdicts, workflowEvents } from '../db/schema';
import type { CriteriaSet } from '../core/criteria/schema';
import type { AreaProfile } from '../core/criteria/walk';
import { flattenCriteria } from '../core/criteria/walk';
import { evaluate } from '../core/evaluation/evaluate';
import type { Scorecard } from '../core/evaluation/types';
import { recognitionStatus, rewardFor, type RecognitionStatus } from '../core/cycle/status';

export interface HistoryArea { unitId: number; profile: AreaProfile }

export interface YearPlan {
  year: number;
  titleCode: string;
  levelCode: string;
  recognized: HistoryArea[];
  failed: HistoryArea[];
  decision: { number: string; issuedOn: string; signer: string; signerTitle: string; issuingBody: string; issuingUnitId: number };
}

export interface HistoryContext {
  programId: number;
  criteriaSetId: number;
  set: CriteriaSet;
  actorId: number;
  rewards: Partial<Record<RecognitionStatus, number>>;
  /** Years each unit held each title so far, filled as years are loaded. */
  held: Map<string, number[]>;
}

/** Values that pass every criterion: numbers for the quantitative ones, full points for scored ones. */
export function passingScorecard(set: CriteriaSet): Scorecard {
  const values: Scorecard = {};
  for (const { criterion: c } of flattenCriteria(set)) {
    if (c.kind === 'points') values[c.code] = c.maxPoints ?? 0;
    else if (c.parts) for (const p of c.parts) values[p.code] = p.quantity?.min ?? p.quantity?.max ?? true;
    else if (c.quantity) values[c.code] = c.quantity.min ?? c.quantity.max ?? 0;
    else values[c.code] = true;
  }
  return values;
}

/** Fails two criteria of the second section: 6 of 8 in Lai Châu's standard 2. */
export function failingScorecard(set: CriteriaSet): Scorecard {
  const values = passingScorecard(set);
  const second = set.sections[1] ?? set.sections[0]!;
  for (const c of second.criteria.slice(0, 2)) values[c.code] = c.kind === 'points' ? 0 : false;
  return values;
}

const historyKey = (unitId: number, title: string) => `${unitId}|${title}`;

export async function loadYear(db: Queryable, ctx: HistoryContext, plan: YearPlan): Promise<void> {
  const entries = [
    ...plan.recognized.map((area) => ({ area, values: passingScorecard(ctx.set), recognized: true })),
    ...plan.failed.map((area) => ({ area, values: failingScorecard(ctx.set), recognized: false })),
  ];
  const at = new Date(`${plan.decision.issuedOn}T08:00:00Z`);
  const regs = await db.insert(registrations).values(entries.map((e) => ({
    programId: ctx.programId, year: plan.year, unitId: e.area.unitId, titleCode: plan.titleCode,
    status: e.recognized ? 'recognized' : 'board-rejected', locked: e.recognized, createdBy: ctx.actorId,
    councilRecommended: e.recognized ? true : null, createdAt: at, updatedAt: at,
  }))).returning({ id: registrations.id, unitId: registrations.unitId });

  const [decision] = await db.insert(decisions).values({
    programId: ctx.programId, year: plan.year, titleCode: plan.titleCode, ...plan.decision,
    status: 'issued', createdBy: ctx.actorId, issuedBy: ctx.actorId, issuedAt: at,
  }).returning({ id: decisions.id });

  const scoreRows = [];
  const verdictRows = [];
  const eventRows = [];
  const recognitionRows = [];
  for (const [i, e] of entries.entries()) {
    const reg = regs[i]!;
    for (const [code, value] of Object.entries(e.values)) scoreRows.push({ registrationId: reg.id, criterionCode: code, selfValue: value, boardValue: value, updatedBy: ctx.actorId, updatedAt: at });
    const history = [...ctx.held.entries()].flatMap(([key, years]) => (key.startsWith(`${reg.unitId}|`) ? years.map((year) => ({ year, level: key.split('|')[1]! })) : []));
    const verdict = evaluate(ctx.set, { profile: e.area.profile, values: e.values, year: plan.year, history });
    for (const stage of ['self', 'board'] as const)
      verdictRows.push({ registrationId: reg.id, stage, criteriaSetId: ctx.criteriaSetId, recognized: verdict.recognized, levelCode: verdict.title, failedCriteria: verdict.failedCriteria, result: verdict, computedAt: at });
    const steps: Array<[string, string | null, string]> = e.recognized
      ? [['register', null, 'registered'], ['submit', 'registered', 'self-assessed'], ['propose', 'self-assessed', 'board-proposed'], ['recommend', 'board-proposed', 'council-recommended'], ['recognize', 'council-recommended', 'recognized']]
      : [['register', null, 'registered'], ['submit', 'registered', 'self-assessed'], ['reject', 'self-assessed', 'board-rejected']];
    for (const [action, fromStatus, toStatus] of steps)
      eventRows.push({ registrationId: reg.id, action, fromStatus, toStatus, actorId: ctx.actorId, at, reason: action === 'reject' ? verdict.reasons[0] ?? null : null });
    if (e.recognized) {
      const key = historyKey(reg.unitId, plan.titleCode);
      const status = recognitionStatus(plan.year, ctx.held.get(key) ?? []);
      recognitionRows.push({
        programId: ctx.programId, year: plan.year, unitId: reg.unitId, titleCode: plan.titleCode, decisionId: decision!.id,
        registrationId: reg.id, status, rewardAmount: rewardFor(status, ctx.rewards), source: 'decision',
      });
    }
  }
  await db.insert(scorecardValues).values(scoreRows);
  await db.insert(verdicts).values(verdictRows);
  await db.insert(workflowEvents).values(eventRows);
  if (recognitionRows.length) await db.insert(recognitions).values(recognitionRows);
  for (const r of recognitionRows) {
    const key = historyKey(r.unitId, r.titleCode);
    ctx.held.set(key, [...(ctx.held.get(key) ?? []), plan.year]);
  }
}
