/**
 * Judges one criterion from the value recorded for it. Assumes the scorecard
 * passed checkScorecard; anything odd left is treated as not passed rather
 * than thrown, so a verdict is always produced.
 */
import type { Criterion, CriterionPart } from '../criteria/schema';
import { appliesTo, maxPointsOf, passPointsOf, type AreaProfile } from '../criteria/walk';
import { formatNumber } from '../text/format';
import type { CriterionOutcome, CriterionValue, Scorecard } from './types';

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

function judgeSimple(item: Criterion | CriterionPart, value: CriterionValue | undefined): { status: CriterionOutcome['status']; shortfall?: string } {
  if (value === 'na') return { status: 'na' };
  if (typeof value === 'boolean') return { status: value ? 'dat' : 'khong-dat' };
  if (typeof value === 'number' && item.kind === 'quantity' && item.quantity) {
    const missed = quantityShortfall(item.quantity, value);
    return missed ? { status: 'khong-dat', shortfall: missed } : { status: 'dat' };
  }
  return { status: 'khong-dat', shortfall: 'chưa có giá trị hợp lệ' };
}

function judgeParts(parts: CriterionPart[], values: Scorecard): { status: CriterionOutcome['status']; shortfall?: string } {
  const judged = parts.map((p) => ({ code: p.code, ...judgeSimple(p, values[p.code]) }));
  const failed = judged.filter((j) => j.status === 'khong-dat');
  if (failed.length)
    return {
      status: 'khong-dat',
      shortfall: failed.map((f) => (f.shortfall ? `${f.code}: ${f.shortfall}` : `${f.code} không đạt`)).join('; '),
    };
  return judged.every((j) => j.status === 'na') ? { status: 'na' } : { status: 'dat' };
}

export function judgeCriterion(criterion: Criterion, sectionCode: string, profile: AreaProfile, values: Scorecard): CriterionOutcome {
  const base = { code: criterion.code, section: sectionCode };
  if (!appliesTo(criterion, profile)) return { ...base, status: 'na', byProfile: true };

  if (criterion.kind === 'points') {
    const value = values[criterion.code];
    const maxPoints = maxPointsOf(criterion);
    if (value === 'na') return { ...base, status: 'na', maxPoints };
    const points = typeof value === 'number' ? value : 0;
    const pass = passPointsOf(criterion);
    return points >= pass
      ? { ...base, status: 'dat', points, maxPoints }
      : { ...base, status: 'khong-dat', points, maxPoints, shortfall: `${formatNumber(points)}/${formatNumber(maxPoints)} điểm, cần tối thiểu ${formatNumber(pass)} điểm` };
  }

  const own = values[criterion.code];
  const judged = own === undefined && criterion.parts ? judgeParts(criterion.parts, values) : judgeSimple(criterion, own);
  return { ...base, ...judged };
}
