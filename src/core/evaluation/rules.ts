/**
 * Small rule predicates shared by the verdict (evaluate.ts) and the gap
 * (gap.ts), kept apart so neither imports the other.
 */
import type { Level, Section } from '../criteria/schema';
import type { CriterionOutcome, EvaluationContext, HeldTitle } from './types';

/** Outcomes of one area, in the set's order, with lookup by criterion code. */
export interface Outcomes {
  list: CriterionOutcome[];
  get(code: string): CriterionOutcome | undefined;
}

export interface SectionTally {
  section: Section;
  outcomes: CriterionOutcome[];
  passed: number;
  applicable: number;
  points: number;
  maxPoints: number;
}

/** Held one of the levels in each of the `years` years before `year`. */
export function heldConsecutively(history: HeldTitle[] | undefined, year: number | undefined, level: string | readonly string[], years: number): boolean {
  if (!history || year === undefined) return false;
  const levels: readonly string[] = typeof level === 'string' ? [level] : level;
  for (let y = year - 1; y >= year - years; y--) if (!history.some((h) => h.year === y && levels.includes(h.level))) return false;
  return true;
}

export function evaluationYear(ctx: EvaluationContext): number | undefined {
  if (ctx.year !== undefined) return ctx.year;
  if (!ctx.history?.length) return undefined;
  return Math.max(...ctx.history.map((h) => h.year)) + 1;
}

export function levelDisqualifiers(level: Level, holding: string[]): string[] {
  const list = level.rule.disqualifiers ?? 'all';
  return list === 'all' ? holding : holding.filter((d) => list.includes(d));
}

/** A required criterion must be đạt (unless the area's kind exempts it); a knockout must not be failed. */
export function criterionBlocks(outcome: CriterionOutcome | undefined, isKnockout: boolean): boolean {
  if (!outcome || outcome.status === 'khong-dat') return true;
  return !isKnockout && outcome.status === 'na' && !outcome.byProfile;
}
