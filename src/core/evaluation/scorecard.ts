/**
 * Checks a scorecard against its set before it is evaluated: every criterion
 * has a value, no unknown code, each value of a type the criterion accepts.
 * Messages are Vietnamese and name the criterion; the caller adds the area.
 */
import type { CriteriaSet, Criterion } from '../criteria/schema';
import { flattenCriteria } from '../criteria/walk';
import type { CriterionValue, Scorecard } from './types';

export interface ScorecardProblem {
  code: string;
  message: string;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  return JSON.stringify(value) ?? String(value);
}

function isCriterionValue(value: unknown): value is CriterionValue {
  return typeof value === 'boolean' || value === 'na' || (typeof value === 'number' && Number.isFinite(value));
}

function checkValue(criterion: Criterion | { code: string; kind: string; maxPoints?: number }, value: unknown): string | null {
  if (!isCriterionValue(value))
    return `giá trị ${describeValue(value)} không hợp lệ (chỉ nhận true, false, "na" hoặc một số)`;
  if (criterion.kind === 'pass-fail' && typeof value === 'number')
    return `là tiêu chí đạt/không đạt, không nhận số ${value} (dùng true, false hoặc "na")`;
  if (criterion.kind === 'points') {
    if (typeof value === 'boolean') return 'là tiêu chí chấm điểm, cần nhập số điểm (hoặc "na")';
    if (typeof value === 'number' && (value < 0 || value > (criterion.maxPoints ?? 0)))
      return `điểm ${value} nằm ngoài khoảng 0–${criterion.maxPoints ?? 0}`;
  }
  if (criterion.kind === 'quantity' && typeof value === 'number' && value < 0) return `số ${value} không được âm`;
  return null;
}

export function checkScorecard(set: CriteriaSet, values: Scorecard | Record<string, unknown>): ScorecardProblem[] {
  const problems: ScorecardProblem[] = [];
  const known = new Set<string>();
  const disqualifierCodes = new Set(set.disqualifiers.map((d) => d.code));

  for (const { criterion } of flattenCriteria(set)) {
    known.add(criterion.code);
    const parts = criterion.parts ?? [];
    parts.forEach((p) => known.add(p.code));
    const own = values[criterion.code];
    if (own !== undefined) {
      const bad = parts.length && typeof own === 'number'
        ? `gồm các tiêu chí thành phần ${parts.map((p) => p.code).join(', ')}: nhập số cho từng thành phần, hoặc true/false/"na" cho cả tiêu chí`
        : checkValue(criterion, own);
      if (bad) problems.push({ code: criterion.code, message: `Tiêu chí ${criterion.code} ${bad}` });
      continue;
    }
    if (parts.length && parts.every((p) => values[p.code] !== undefined)) {
      for (const p of parts) {
        const bad = checkValue(p, values[p.code]);
        if (bad) problems.push({ code: p.code, message: `Tiêu chí ${p.code} ${bad}` });
      }
      continue;
    }
    problems.push({ code: criterion.code, message: `thiếu giá trị của tiêu chí ${criterion.code}` });
  }

  for (const [code, value] of Object.entries(values)) {
    if (disqualifierCodes.has(code)) {
      if (typeof value !== 'boolean' && value !== 'na')
        problems.push({ code, message: `trường hợp ${code} chỉ nhận true (có xảy ra) hoặc false (không)` });
    } else if (!known.has(code)) {
      problems.push({ code, message: `mã tiêu chí "${code}" không có trong bộ tiêu chí ${set.code}` });
    }
  }
  return problems;
}
