/**
 * The gap to a title: the fewest criteria that would have to change.
 *
 * Pass/fail sets: in each section the area needs `passesNeeded − passed` more
 * passes; failed required and knockout criteria must change anyway and count
 * towards that, so a section needs max(deficit, must-fix) changes. This is
 * exact for pass/fail sets.
 *
 * Points sets: a changed criterion is assumed to reach its full points; the
 * criteria with the most headroom are taken first, section bars before the
 * total. Greedy by headroom is exact for one bar and a close upper bound when
 * section and total bars interact.
 */
import type { Level } from '../criteria/schema';
import { criterionBlocks, evaluationYear, heldConsecutively, levelDisqualifiers, type Outcomes, type SectionTally } from './rules';
import { effectiveThresholds, passesNeeded, pointsBarValue } from './thresholds';
import type { CriterionOutcome, EvaluationContext, Gap } from './types';

interface GapInput {
  level: Level;
  tallies: SectionTally[];
  outcomes: Outcomes;
  ctx: EvaluationContext;
  holding: string[];
}

const headroom = (o: CriterionOutcome) => (o.maxPoints ?? 0) - (o.points ?? 0);

function mustFixCodes(level: Level, outcomes: Outcomes): Set<string> {
  const must = new Set<string>();
  for (const code of level.rule.requiredCriteria ?? []) if (criterionBlocks(outcomes.get(code), false)) must.add(code);
  for (const code of level.rule.knockoutCriteria ?? []) if (criterionBlocks(outcomes.get(code), true)) must.add(code);
  return must;
}

export function computeGap({ level, tallies, outcomes, ctx, holding }: GapInput): Gap {
  const t = effectiveThresholds(level.rule, ctx.profile);
  const must = mustFixCodes(level, outcomes);
  const chosen = new Set<string>(must);

  for (const tally of tallies) {
    const percent = t.sectionPassPercent?.[tally.section.code] ?? t.minSectionPassPercent;
    if (percent !== undefined) {
      // Plain loops: this runs for every area that misses a title.
      let fixedHere = 0;
      for (const o of tally.outcomes) if (o.status === 'khong-dat' && chosen.has(o.code)) fixedHere++;
      let deficit = passesNeeded(tally.applicable, percent) - tally.passed - fixedHere;
      for (const o of tally.outcomes) {
        if (deficit <= 0) break;
        if (o.status === 'khong-dat' && !chosen.has(o.code)) {
          chosen.add(o.code);
          deficit--;
        }
      }
    }
    if (t.minSectionPoints) {
      const need = pointsBarValue(t.minSectionPoints, tally.maxPoints);
      raisePoints(tally.outcomes, chosen, need - projectedPoints(tally.outcomes, chosen));
    }
  }
  if (t.minTotalPoints) {
    const all = outcomes.list;
    const max = tallies.reduce((s, x) => s + x.maxPoints, 0);
    raisePoints(all, chosen, pointsBarValue(t.minTotalPoints, max) - projectedPoints(all, chosen));
  }

  const disqualifiers = levelDisqualifiers(level, holding);
  const req = level.rule.requiresHistory;
  const historyOk = !req || heldConsecutively(ctx.history, evaluationYear(ctx), req.level, req.consecutiveYears);
  // In the set's own order, whatever order they were chosen in.
  const criteria: string[] = [];
  if (chosen.size) for (const o of outcomes.list) if (chosen.has(o.code)) criteria.push(o.code);
  return {
    level: level.code,
    levelName: level.name,
    changes: criteria.length + disqualifiers.length,
    criteria,
    disqualifiers,
    reachable: historyOk,
  };
}

function projectedPoints(outcomes: CriterionOutcome[], chosen: Set<string>): number {
  return outcomes.reduce((s, o) => s + (chosen.has(o.code) ? (o.maxPoints ?? 0) : (o.points ?? 0)), 0);
}

function raisePoints(outcomes: CriterionOutcome[], chosen: Set<string>, deficit: number): void {
  const candidates = outcomes.filter((o) => o.status !== 'na' && !chosen.has(o.code) && headroom(o) > 0).sort((a, b) => headroom(b) - headroom(a));
  for (const o of candidates) {
    if (deficit <= 0) return;
    chosen.add(o.code);
    deficit -= headroom(o);
  }
}
