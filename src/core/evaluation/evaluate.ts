/**
 * The engine: (criteria set, area profile, recorded values, history) → verdict.
 *
 * Pure and synchronous. A set is compiled once (flattened, thresholds looked
 * up) and cached per set object, so evaluating 100,000 areas costs one pass
 * over each scorecard.
 *
 * Arithmetic at thresholds is exact: shares are compared as integers
 * (passed × 10 000 ≥ percent × 100 × applicable), never as rounded floats, so
 * 6 of 8 (75%) fails an 80% bar and 4 of 5 (exactly 80%) passes it.
 */
import type { CriteriaSet, Criterion, Level } from '../criteria/schema';
import type { AreaProfile } from '../criteria/walk';
import { formatNumber, formatPercentOfRatio } from '../text/format';
import { computeGap } from './gap';
import { criterionBlocks, evaluationYear, heldConsecutively, levelDisqualifiers, type Outcomes, type SectionTally } from './rules';
import { fixedOutcomes, judgeCriterion, type FixedOutcomes } from './judge';
import { effectiveThresholds, meetsShare, pointsBarValue, type Thresholds } from './thresholds';
import type { CriterionOutcome, EvaluationContext, LevelResult, LevelShortfall, SectionResult, ShortfallKind, Verdict } from './types';

interface Compiled {
  set: CriteriaSet;
  /** Per section, its criteria with their shared outcomes, in order. */
  entries: Array<Array<{ criterion: Criterion; fixed: FixedOutcomes }>>;
  /** Criterion code → its index among the set's criteria, to look up outcomes without a map per area. */
  position: Map<string, number>;
  /** Levels from the lowest title to the highest. */
  levels: Level[];
  disqualifierText: Map<string, string>;
}

const compiledSets = new WeakMap<CriteriaSet, Compiled>();

function compile(set: CriteriaSet): Compiled {
  let compiled = compiledSets.get(set);
  if (!compiled) {
    compiled = {
      set,
      entries: set.sections.map((s) => s.criteria.map((criterion) => ({ criterion, fixed: fixedOutcomes(criterion.code, s.code) }))),
      position: new Map(set.sections.flatMap((s) => s.criteria).map((cr, i) => [cr.code, i] as const)),
      levels: [...set.levels].sort((a, b) => a.rank - b.rank),
      disqualifierText: new Map(set.disqualifiers.map((d) => [d.code, d.text])),
    };
    compiledSets.set(set, compiled);
  }
  return compiled;
}

// The functions below run once per area and criterion: plain loops and no
// closures made per call (a closure per area is an allocation, and under tsx
// also a call to its name-keeping helper); BENCH evaluate-100k measures it.
function tallySections(c: Compiled, ctx: EvaluationContext): SectionTally[] {
  const sections = c.set.sections;
  const tallies: SectionTally[] = new Array(sections.length);
  for (let si = 0; si < sections.length; si++) {
    const section = sections[si]!;
    const tally: SectionTally = { section, outcomes: [], passed: 0, applicable: 0, points: 0, maxPoints: 0 };
    const entries = c.entries[si]!;
    for (let i = 0; i < entries.length; i++) {
      const { criterion, fixed } = entries[i]!;
      const outcome = judgeCriterion(criterion, section.code, ctx, fixed);
      tally.outcomes.push(outcome);
      if (outcome.status === 'na') continue;
      tally.applicable += 1;
      if (outcome.status === 'dat') tally.passed += 1;
      tally.points += outcome.points ?? 0;
      tally.maxPoints += outcome.maxPoints ?? 0;
    }
    tallies[si] = tally;
  }
  return tallies;
}

/** One area's outcomes with lookup by code through the compiled set's positions (a class, so no closure per area). */
class AreaOutcomes implements Outcomes {
  constructor(
    readonly list: CriterionOutcome[],
    private readonly position: Map<string, number>,
  ) {}
  get(code: string): CriterionOutcome | undefined {
    const i = this.position.get(code);
    return i === undefined ? undefined : this.list[i];
  }
}

/** "80" for 80%: the few bars a set has are written once. */
const percentTexts = new Map<number, string>();
function percentText(percent: number): string {
  let text = percentTexts.get(percent);
  if (text === undefined) percentTexts.set(percent, (text = formatNumber(percent)));
  return text;
}

/** "75%", "85,7%": few distinct fractions occur, so their text is made once. */
const shareTexts: string[][] = [];
function shareText(passed: number, applicable: number): string {
  const row = (shareTexts[applicable] ??= []);
  return (row[passed] ??= formatPercentOfRatio(passed / applicable));
}

export function holdingDisqualifiers(set: CriteriaSet, ctx: EvaluationContext): string[] {
  const holding: string[] = [];
  for (const d of set.disqualifiers) if (ctx.values[d.code] === true) holding.push(d.code);
  return holding;
}

export function sectionShareOk(tally: SectionTally, t: Thresholds): boolean {
  const percent = t.sectionPassPercent?.[tally.section.code] ?? t.minSectionPassPercent;
  return percent === undefined || meetsShare(tally.passed, tally.applicable, percent);
}

export function sectionPointsOk(tally: SectionTally, t: Thresholds): boolean {
  return !t.minSectionPoints || tally.points >= pointsBarValue(t.minSectionPoints, tally.maxPoints);
}

/** Why an area does not reach one level; empty when it does. Criterion lines are added by the caller. */
function levelShortfalls(
  c: Compiled,
  level: Level,
  t: Thresholds,
  tallies: SectionTally[],
  outcomes: Outcomes,
  ctx: EvaluationContext,
  disq: string[],
): LevelShortfall[] {
  const reasons: LevelShortfall[] = [];
  const add = (kind: ShortfallKind, message: string) => reasons.push({ kind, message });
  for (const tally of tallies) {
    if (!sectionShareOk(tally, t)) {
      const percent = t.sectionPassPercent?.[tally.section.code] ?? t.minSectionPassPercent ?? 0;
      add(
        'section-share',
        `Tiêu chuẩn ${tally.section.code}: đạt ${tally.passed}/${tally.applicable} tiêu chí (${shareText(tally.passed, tally.applicable)}), cần tối thiểu ${percentText(percent)}%`,
      );
    }
    if (!sectionPointsOk(tally, t) && t.minSectionPoints) {
      const need = pointsBarValue(t.minSectionPoints, tally.maxPoints);
      add(
        'section-points',
        `Tiêu chuẩn ${tally.section.code}: ${formatNumber(tally.points)}/${formatNumber(tally.maxPoints)} điểm, cần tối thiểu ${formatNumber(need)} điểm`,
      );
    }
  }
  if (t.minTotalPoints) {
    const total = tallies.reduce((s, x) => s + x.points, 0);
    const max = tallies.reduce((s, x) => s + x.maxPoints, 0);
    const need = pointsBarValue(t.minTotalPoints, max);
    if (total < need) add('total-points', `Tổng điểm ${formatNumber(total)}/${formatNumber(max)}, cần tối thiểu ${formatNumber(need)} điểm`);
  }
  for (const code of level.rule.requiredCriteria ?? [])
    if (outcomes.get(code)?.status === 'na' && !outcomes.get(code)?.byProfile)
      add('required-na', `Tiêu chí ${code} là tiêu chí bắt buộc nhưng được đánh dấu không áp dụng`);
  for (const code of levelDisqualifiers(level, disq))
    add('disqualified', `Thuộc trường hợp không đảm bảo ${code}: ${c.disqualifierText.get(code) ?? ''}`.trim());
  const req = level.rule.requiresHistory;
  if (req && !heldConsecutively(ctx.history, evaluationYear(ctx), req.level, req.consecutiveYears)) {
    const name = [req.level]
      .flat()
      .map((code) => `«${c.set.levels.find((l) => l.code === code)?.name ?? code}»`)
      .join(' hoặc ');
    const year = evaluationYear(ctx);
    const span = req.consecutiveYears === 1 ? `năm ${year === undefined ? 'trước' : year - 1}` : `${req.consecutiveYears} năm liền trước`;
    add('history', `Chưa giữ danh hiệu ${name} ${span}`);
  }
  return reasons;
}

function mustPass(level: Level | undefined, outcome: CriterionOutcome): string {
  if (!level) return '';
  if (level.rule.knockoutCriteria?.includes(outcome.code)) return ' — điểm liệt';
  if (level.rule.requiredCriteria?.includes(outcome.code)) return ' — tiêu chí bắt buộc';
  return '';
}

function criterionLine(outcome: CriterionOutcome, target: Level | undefined): string {
  const detail = outcome.shortfall ? `: ${outcome.shortfall}` : '';
  return `Tiêu chí ${outcome.code} không đạt${detail}${mustPass(target, outcome)}`;
}

function reaches(level: Level, shortfalls: LevelShortfall[], outcomes: Outcomes): boolean {
  if (shortfalls.length) return false;
  if ((level.rule.requiredCriteria ?? []).some((code) => criterionBlocks(outcomes.get(code), false))) return false;
  if ((level.rule.knockoutCriteria ?? []).some((code) => criterionBlocks(outcomes.get(code), true))) return false;
  return true;
}

export function evaluate(set: CriteriaSet, ctx: EvaluationContext): Verdict {
  const c = compile(set);
  const tallies = tallySections(c, ctx);
  // Plain loops: flatMap and spread cost more than the judging itself at 100,000 areas.
  const allOutcomes: CriterionOutcome[] = [];
  for (const tally of tallies) for (const o of tally.outcomes) allOutcomes.push(o);
  const outcomes = new AreaOutcomes(allOutcomes, c.position);
  const disq = holdingDisqualifiers(set, ctx);

  const levelResults: LevelResult[] = new Array(c.levels.length);
  for (let i = 0; i < c.levels.length; i++) {
    const level = c.levels[i]!;
    const shortfalls = levelShortfalls(c, level, effectiveThresholds(level.rule, ctx.profile), tallies, outcomes, ctx, disq);
    levelResults[i] = {
      code: level.code,
      name: level.name,
      reached: reaches(level, shortfalls, outcomes),
      reasons: shortfalls.map((s) => s.message),
      shortfalls,
    };
  }
  let reachedIndex = -1;
  for (let i = 0; i < levelResults.length; i++) if (levelResults[i]!.reached) reachedIndex = i;
  const reached = reachedIndex >= 0 ? c.levels[reachedIndex] : undefined;
  const target = c.levels[reachedIndex + 1];
  const targetResult = levelResults[reachedIndex + 1];

  const failed: CriterionOutcome[] = [];
  for (const o of allOutcomes) if (o.status === 'khong-dat') failed.push(o);
  const lowest = effectiveThresholds(c.levels[0]!.rule, ctx.profile);
  const scored = set.scoring === 'points';
  const sections: SectionResult[] = new Array(tallies.length);
  for (let i = 0; i < tallies.length; i++) {
    const tally = tallies[i]!;
    sections[i] = {
      code: tally.section.code,
      title: tally.section.title,
      passed: tally.passed,
      applicable: tally.applicable,
      ok: sectionShareOk(tally, lowest) && sectionPointsOk(tally, lowest),
      points: scored ? tally.points : undefined,
      maxPoints: scored ? tally.maxPoints : undefined,
    };
  }

  const reasons = targetResult ? targetResult.reasons.slice() : [];
  const failedCodes: string[] = new Array(failed.length);
  for (let i = 0; i < failed.length; i++) {
    reasons.push(criterionLine(failed[i]!, target ?? reached));
    failedCodes[i] = failed[i]!.code;
  }
  const verdict: Verdict = {
    area: ctx.profile.area,
    setCode: set.code,
    setVersion: set.version,
    recognized: reached !== undefined,
    title: reached?.code ?? null,
    titleName: reached?.name ?? null,
    sections,
    disqualifiedBy: disq,
    failedCriteria: failedCodes,
    reasons,
    levels: levelResults,
    gap: target ? computeGap({ level: target, tallies, outcomes, ctx, holding: disq }) : null,
    criteria: allOutcomes,
  };
  if (set.scoring === 'points') {
    verdict.totalPoints = tallies.reduce((s, t) => s + t.points, 0);
    verdict.maxTotalPoints = tallies.reduce((s, t) => s + t.maxPoints, 0);
  }
  return verdict;
}

export type { AreaProfile };
