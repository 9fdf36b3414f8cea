/**
 * Past years of the demo, entered the two ways officers enter them:
 *
 * - imported records from before KDC (recognitions only, with the decision when
 *   the records give one), as `kdc import history` writes them;
 * - years run in KDC: for each area a registration, a scorecard (the area's and
 *   the board's values), the verdict the engine gives with the same judging
 *   context a save uses (titles held, figures…), the workflow steps, and one
 *   issued decision whose recognitions carry the status computed from earlier years.
 *
 * A planned recognition whose verdict does not reach the title is a fault in the
 * demo data, not something to paper over: loading stops with a message.
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { decisions, programRewards, recognitions, registrations, scorecardValues, verdicts, workflowEvents } from '../db/schema';
import type { CriteriaSet } from '../core/criteria/schema';
import { flattenCriteria, judgedFromRecords } from '../core/criteria/walk';
import { evaluate } from '../core/evaluation/evaluate';
import type { Scorecard } from '../core/evaluation/types';
import { recognitionStatus, rewardFor, type RecognitionStatus, type RewardRule } from '../core/cycle/status';
import type { EventAction, Step } from '../core/cycle/workflow';
import { judgingContexts } from '../app/cycle/context';
import { storedVerdict } from '../app/cycle/verdicts';
import { baseSalaryOn } from '../app/programs/salary';

/**
 * Values that pass every criterion an officer types: numbers for the quantitative
 * ones, full points for scored ones. Criteria judged from records (a title held,
 * a share of units, figures) are left out: the records decide them.
 */
export function passingScorecard(set: CriteriaSet): Scorecard {
  const values: Scorecard = {};
  for (const { criterion: c } of flattenCriteria(set)) {
    if (judgedFromRecords(c)) continue;
    if (c.kind === 'points' && c.parts) for (const p of c.parts) values[p.code] = p.maxPoints ?? 0;
    else if (c.kind === 'points') values[c.code] = c.maxPoints ?? 0;
    else if (c.parts)
      for (const p of c.parts) {
        if (!judgedFromRecords(p)) values[p.code] = p.quantity?.min ?? p.quantity?.max ?? true;
      }
    else if (c.quantity) values[c.code] = c.quantity.min ?? c.quantity.max ?? 0;
    else values[c.code] = true;
  }
  return values;
}

/**
 * A scorecard that misses the lowest title: its first knockout item (điểm liệt)
 * fails where the set has one, else two criteria of the second section
 * (6 of 8 in Lai Châu's standard 2).
 */
export function failingScorecard(set: CriteriaSet): Scorecard {
  const values = passingScorecard(set);
  const lowest = [...set.levels].sort((a, b) => a.rank - b.rank)[0]!;
  const knockout = lowest.rule.knockoutCriteria?.[0];
  const all = flattenCriteria(set).map(({ criterion }) => criterion);
  const fail = (code: string) => {
    const c = all.find((x) => x.code === code)!;
    if (c.kind === 'points' && c.parts) for (const p of c.parts) values[p.code] = 0;
    else values[c.code] = c.kind === 'points' ? 0 : false;
  };
  if (knockout) fail(knockout);
  else for (const c of (set.sections[1] ?? set.sections[0]!).criteria.slice(0, 2)) fail(c.code);
  return values;
}

export interface DemoDecision {
  number: string;
  issuedOn: string;
  signer: string;
  signerTitle: string;
  issuingBody: string;
  issuingUnitId: number;
}

/** Status of each unit's title this year from the recognitions already stored (imported or decided). */
async function statusesFor(db: Queryable, programId: number, titleCode: string, year: number, unitIds: number[]): Promise<Map<number, RecognitionStatus>> {
  const earlier = unitIds.length
    ? await db
        .select({ unitId: recognitions.unitId, year: recognitions.year })
        .from(recognitions)
        .where(
          and(
            eq(recognitions.programId, programId),
            eq(recognitions.titleCode, titleCode),
            lt(recognitions.year, year),
            eq(recognitions.revoked, false),
            inArray(recognitions.unitId, unitIds),
          ),
        )
    : [];
  return new Map(
    unitIds.map((id) => [
      id,
      recognitionStatus(
        year,
        earlier.filter((e) => e.unitId === id).map((e) => e.year),
      ),
    ]),
  );
}

/** Recognitions kept before KDC, as `kdc import history` writes them: one year of one title. */
export async function importRecognitions(
  db: Queryable,
  input: {
    programId: number;
    titleCode: string;
    year: number;
    unitIds: number[];
    decision?: { number: string; date: string; issuer: string };
  },
): Promise<void> {
  if (!input.unitIds.length) return;
  const statuses = await statusesFor(db, input.programId, input.titleCode, input.year, input.unitIds);
  await db.insert(recognitions).values(
    input.unitIds.map((unitId): typeof recognitions.$inferInsert => ({
      programId: input.programId,
      year: input.year,
      unitId,
      titleCode: input.titleCode,
      status: statuses.get(unitId)!,
      source: 'import',
      decisionNumber: input.decision?.number ?? null,
      decisionDate: input.decision?.date ?? null,
      decisionIssuer: input.decision?.issuer ?? null,
    })),
  );
}

export interface YearPlan {
  programId: number;
  year: number;
  titleCode: string;
  actorId: number;
  /** Areas meant to be recognised (their passing scorecard must reach the title) and areas that fail appraisal. */
  recognized: number[];
  failed: number[];
  /** Areas whose own verdict decides (a commune's share of its areas holding a title). */
  byVerdict?: number[];
  decision: DemoDecision;
}

/** One programme year run through KDC, from registration to an issued decision. Returns the ids recognised. */
export async function loadYear(db: Queryable, plan: YearPlan): Promise<number[]> {
  const entries = [
    ...plan.recognized.map((unitId) => ({ unitId, passing: true, expect: true as boolean | null })),
    ...(plan.byVerdict ?? []).map((unitId) => ({ unitId, passing: true, expect: null as boolean | null })),
    ...plan.failed.map((unitId) => ({ unitId, passing: false, expect: false as boolean | null })),
  ];
  const contexts = await judgingContexts(
    db,
    entries.map((e) => ({ id: -e.unitId, programId: plan.programId, year: plan.year, unitId: e.unitId })),
  );
  const judged = entries.map((e) => {
    const ctx = contexts.get(-e.unitId)!;
    const values = e.passing ? passingScorecard(ctx.set) : failingScorecard(ctx.set);
    for (const code of ctx.recordJudged) delete values[code];
    const verdict = evaluate(ctx.set, { ...ctx.evaluation, values });
    // The title registered for is reached (a tiêu biểu candidate may reach kiểu mẫu too; it is recognised for what it registered).
    const recognized = verdict.levels.some((l) => l.code === plan.titleCode && l.reached);
    if (e.expect !== null && recognized !== e.expect)
      throw new Error(
        `Dữ liệu mẫu: ${ctx.evaluation.profile.area} năm ${plan.year} ${e.expect ? 'không đạt' : 'lại đạt'} «${plan.titleCode}»: ${verdict.reasons.join('; ')}`,
      );
    return { ...e, ctx, values, verdict, recognized };
  });

  const at = new Date(`${plan.decision.issuedOn}T08:00:00Z`);
  const regs = await db
    .insert(registrations)
    .values(
      judged.map((e): typeof registrations.$inferInsert => ({
        programId: plan.programId,
        year: plan.year,
        unitId: e.unitId,
        titleCode: plan.titleCode,
        status: e.recognized ? 'recognized' : 'board-rejected',
        locked: e.recognized,
        createdBy: plan.actorId,
        councilRecommended: e.recognized ? true : null,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .returning({ id: registrations.id, unitId: registrations.unitId });
  const [decision] = await db
    .insert(decisions)
    .values({
      kind: 'recognize',
      programId: plan.programId,
      year: plan.year,
      titleCode: plan.titleCode,
      ...plan.decision,
      status: 'issued',
      createdBy: plan.actorId,
      issuedBy: plan.actorId,
      issuedAt: at,
    })
    .returning({ id: decisions.id });

  const winners = judged.filter((e) => e.recognized).map((e) => e.unitId);
  const statuses = await statusesFor(db, plan.programId, plan.titleCode, plan.year, winners);
  const rules = Object.fromEntries(
    (
      await db
        .select()
        .from(programRewards)
        .where(and(eq(programRewards.programId, plan.programId), eq(programRewards.titleCode, plan.titleCode)))
    ).map((r) => [r.status, { amount: r.amount, coefficient: r.coefficient } satisfies RewardRule]),
  );
  const baseSalary = (await baseSalaryOn(db, plan.decision.issuedOn))?.amount ?? null;

  const scoreRows: Array<typeof scorecardValues.$inferInsert> = [];
  const verdictRows: Array<typeof verdicts.$inferInsert> = [];
  const eventRows: Array<typeof workflowEvents.$inferInsert> = [];
  const recognitionRows: Array<typeof recognitions.$inferInsert> = [];
  for (const [i, e] of judged.entries()) {
    const reg = regs[i]!;
    for (const [code, value] of Object.entries(e.values))
      scoreRows.push({ registrationId: reg.id, criterionCode: code, selfValue: value, boardValue: value, updatedBy: plan.actorId, updatedAt: at });
    for (const stage of ['self', 'board'] as const)
      verdictRows.push({ registrationId: reg.id, stage, ...storedVerdict(e.ctx.setId, e.verdict), computedAt: at });
    const steps: Array<[EventAction, Step | null, Step]> = e.recognized
      ? [
          ['register', null, 'registered'],
          ['submit', 'registered', 'self-assessed'],
          ['propose', 'self-assessed', 'board-proposed'],
          ['recommend', 'board-proposed', 'council-recommended'],
          ['recognize', 'council-recommended', 'recognized'],
        ]
      : [
          ['register', null, 'registered'],
          ['submit', 'registered', 'self-assessed'],
          ['reject', 'self-assessed', 'board-rejected'],
        ];
    for (const [action, fromStatus, toStatus] of steps)
      eventRows.push({
        registrationId: reg.id,
        action,
        fromStatus,
        toStatus,
        actorId: plan.actorId,
        at,
        reason: action === 'reject' ? (e.verdict.reasons[0] ?? null) : null,
      });
    if (e.recognized) {
      const status = statuses.get(e.unitId)!;
      recognitionRows.push({
        programId: plan.programId,
        year: plan.year,
        unitId: e.unitId,
        titleCode: plan.titleCode,
        decisionId: decision!.id,
        registrationId: reg.id,
        status,
        rewardAmount: rewardFor(status, rules, baseSalary),
        source: 'decision',
      });
    }
  }
  if (scoreRows.length) await db.insert(scorecardValues).values(scoreRows);
  await db.insert(verdicts).values(verdictRows);
  await db.insert(workflowEvents).values(eventRows);
  if (recognitionRows.length) await db.insert(recognitions).values(recognitionRows);
  return winners;
}
