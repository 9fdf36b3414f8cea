/**
 * Judges one criterion from the value recorded for it. Assumes the scorecard
 * passed checkScorecard; anything odd left is treated as not passed rather
 * than thrown, so a verdict is always produced.
 */
import type { Criterion, CriterionPart } from '../criteria/schema';
import { appliesTo, maxPointsOf, passPointsOf, type AreaProfile } from '../criteria/walk';
import { formatNumber } from '../text/format';
import type { CriterionOutcome, CriterionValue, OutcomeStatus, Scorecard } from './types';

type Quantity = NonNullable<Criterion['quantity']>;

function describeAmount(q: Quantity, value: number): string {
  return q.measure === 'percent' ? `${formatNumber(value)}% ${q.of}` : `${formatNumber(value)} ${q.of}`;
}

/** Null when the number meets the threshold, else what was missed. */
export function quantityShortfall(q: Quantity, value: number): string | null {
  const unit = q.measure === 'percent' ? '%' : '';
  if (q.min !== undefined && value < q.min)
    return `${describeAmount(q, value)}, cần tối thiểu ${formatNumber(q.min)}${unit}`;
  if (q.max !== undefined && value > q.max)
    return q.max === 0
      ? `${describeAmount(q, value)}, yêu cầu không có`
      : `${describeAmount(q, value)}, tối đa ${formatNumber(q.max)}${unit}`;
  return null;
}

/** Every outcome has the same fields in the same order: one hidden class, cheap for 100,000 areas. */
function outcome(code: string, section: string, status: OutcomeStatus, shortfall?: string, points?: number, maxPoints?: number, byProfile?: boolean): CriterionOutcome {
  return { code, section, status, shortfall, points, maxPoints, byProfile };
}

/**
 * The outcomes that carry nothing but a status are the same for every area:
 * they are made once per criterion and shared (frozen), so a national batch
 * allocates only for the criteria that need a shortfall or points.
 */
export interface FixedOutcomes {
  dat: CriterionOutcome;
  fail: CriterionOutcome;
  na: CriterionOutcome;
  naByProfile: CriterionOutcome;
}

export function fixedOutcomes(code: string, section: string): FixedOutcomes {
  return {
    dat: Object.freeze(outcome(code, section, 'dat')),
    fail: Object.freeze(outcome(code, section, 'khong-dat')),
    na: Object.freeze(outcome(code, section, 'na')),
    naByProfile: Object.freeze(outcome(code, section, 'na', undefined, undefined, undefined, true)),
  };
}

function judgeSimple(item: Criterion | CriterionPart, value: CriterionValue | undefined, section: string, code: string): CriterionOutcome {
  if (value === 'na') return outcome(code, section, 'na');
  if (typeof value === 'boolean') return outcome(code, section, value ? 'dat' : 'khong-dat');
  if (typeof value === 'number' && item.kind === 'quantity' && item.quantity) {
    const missed = quantityShortfall(item.quantity, value);
    return missed ? outcome(code, section, 'khong-dat', missed) : outcome(code, section, 'dat');
  }
  return outcome(code, section, 'khong-dat', 'chưa có giá trị hợp lệ');
}

function judgeParts(parts: CriterionPart[], values: Scorecard, section: string, code: string): CriterionOutcome {
  const judged = parts.map((p) => judgeSimple(p, values[p.code], section, p.code));
  const failed = judged.filter((j) => j.status === 'khong-dat');
  if (failed.length)
    return outcome(code, section, 'khong-dat', failed.map((f) => (f.shortfall ? `${f.code}: ${f.shortfall}` : `${f.code} không đạt`)).join('; '));
  return outcome(code, section, judged.every((j) => j.status === 'na') ? 'na' : 'dat');
}

export function judgeCriterion(criterion: Criterion, sectionCode: string, profile: AreaProfile, values: Scorecard, fixed?: FixedOutcomes): CriterionOutcome {
  const code = criterion.code;
  if (fixed && criterion.kind !== 'points' && !criterion.parts) {
    if (!appliesTo(criterion, profile)) return fixed.naByProfile;
    const value = values[code];
    if (value === true) return fixed.dat;
    if (value === false) return fixed.fail;
    if (value === 'na') return fixed.na;
  }
  if (!appliesTo(criterion, profile)) return outcome(code, sectionCode, 'na', undefined, undefined, undefined, true);

  if (criterion.kind === 'points') {
    const value = values[code];
    const maxPoints = maxPointsOf(criterion);
    if (value === 'na') return outcome(code, sectionCode, 'na', undefined, undefined, maxPoints);
    const points = typeof value === 'number' ? value : 0;
    const pass = passPointsOf(criterion);
    return points >= pass
      ? outcome(code, sectionCode, 'dat', undefined, points, maxPoints)
      : outcome(code, sectionCode, 'khong-dat', `${formatNumber(points)}/${formatNumber(maxPoints)} điểm, cần tối thiểu ${formatNumber(pass)} điểm`, points, maxPoints);
  }

  const own = values[code];
  return own === undefined && criterion.parts ? judgeParts(criterion.parts, values, sectionCode, code) : judgeSimple(criterion, own, sectionCode, code);
}
