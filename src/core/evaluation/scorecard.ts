/**
 * Checks a scorecard against its set before it is evaluated: every criterion
 * has a value, no unknown code, each value of a type the criterion accepts.
 * Criteria judged from records (a title held, a share of units, a figure) take
 * no typed value when the records are available: `recordJudged` lists them.
 * Messages are Vietnamese and name the criterion; the caller adds the area.
 * Each problem also has a `kind`, so callers decide without reading the words.
 */
import type { CriteriaSet, Criterion, CriterionPart } from '../criteria/schema';
import { appliesTo, flattenCriteria, judgedFromRecords, maxPointsOf, type AreaProfile } from '../criteria/walk';
import type { CriterionValue, Scorecard } from './types';

export type ScorecardProblemKind =
  /** No value yet: normal while a scorecard is being filled in. */
  | 'missing'
  | 'unknown-code'
  | 'invalid-value'
  /** A value typed for a criterion KDC judges from its own records. */
  | 'from-records'
  /** "Không áp dụng" marked by hand where the set does not allow it. */
  | 'na-not-allowed';

export interface ScorecardProblem {
  code: string;
  kind: ScorecardProblemKind;
  message: string;
}

export interface ScorecardCheckOptions {
  /** Codes of criteria and parts judged from records: they must not carry a value. */
  recordJudged?: ReadonlySet<string> | readonly string[];
  /** The subject, when known: criteria that do not apply to it need no value. */
  profile?: AreaProfile;
}

type Item = Criterion | CriterionPart;

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  return JSON.stringify(value) ?? String(value);
}

function isCriterionValue(value: unknown): value is CriterionValue {
  return typeof value === 'boolean' || value === 'na' || (typeof value === 'number' && Number.isFinite(value));
}

function checkValue(item: Item, value: unknown): string | null {
  if (!isCriterionValue(value)) return `giá trị ${describeValue(value)} không hợp lệ (chỉ nhận true, false, "na" hoặc một số)`;
  if ((item.kind === 'pass-fail' || item.kind === 'title') && typeof value === 'number')
    return `là tiêu chí đạt/không đạt, không nhận số ${value} (dùng true, false hoặc "na")`;
  if (item.kind === 'points') {
    if (typeof value === 'boolean') return 'là tiêu chí chấm điểm, cần nhập số điểm (hoặc "na")';
    const max = maxPointsOf(item);
    if (typeof value === 'number' && (value < 0 || value > max)) return `điểm ${value} nằm ngoài khoảng 0–${max}`;
  }
  if ((item.kind === 'quantity' || item.kind === 'title-share') && typeof value === 'number' && value < 0) return `số ${value} không được âm`;
  if (item.kind === 'title-share' && typeof value === 'number' && value > 100) return `tỷ lệ ${value}% không được vượt 100%`;
  return null;
}

/**
 * Codes of the criteria and parts judged from records, given which records the
 * caller has: `judged(item, from)` says, for one criterion, whether its source
 * is kept (the `kdc evaluate` input has `holds`; a programme is kept in KDC…).
 */
export function recordJudgedCodes(set: CriteriaSet, judged: (item: Item, from: 'title' | 'share' | 'figures') => boolean): Set<string> {
  const codes = new Set<string>();
  for (const { criterion } of flattenCriteria(set)) {
    for (const item of [criterion, ...(criterion.parts ?? [])]) {
      const from = judgedFromRecords(item);
      if (from && judged(item, from)) codes.add(item.code);
    }
  }
  return codes;
}

export function checkScorecard(set: CriteriaSet, values: Scorecard | Record<string, unknown>, options: ScorecardCheckOptions = {}): ScorecardProblem[] {
  const problems: ScorecardProblem[] = [];
  const known = new Set<string>();
  const disqualifierCodes = new Set(set.disqualifiers.map((d) => d.code));
  const fromRecords = new Set(options.recordJudged ?? []);
  const problem = (code: string, kind: ScorecardProblemKind, message: string) => problems.push({ code, kind, message });

  /** A value for one item: refused where records decide or "na" is not allowed; checked by type otherwise. */
  const checkGiven = (item: Item, value: unknown, applies: boolean) => {
    if (fromRecords.has(item.code)) {
      problem(item.code, 'from-records', `Tiêu chí ${item.code} được xác định từ hồ sơ công nhận và số liệu lưu trong hệ thống, không nhập giá trị`);
      return;
    }
    if (value === 'na' && !set.allowNa && applies) {
      problem(item.code, 'na-not-allowed', `Tiêu chí ${item.code}: bộ tiêu chí ${set.code} không cho đánh dấu «không áp dụng»; chọn đạt hoặc không đạt`);
      return;
    }
    const bad = checkValue(item, value);
    if (bad) problem(item.code, 'invalid-value', `Tiêu chí ${item.code} ${bad}`);
  };

  for (const { criterion } of flattenCriteria(set)) {
    known.add(criterion.code);
    const parts = criterion.parts ?? [];
    parts.forEach((p) => known.add(p.code));
    const applies = !options.profile || appliesTo(criterion, options.profile);
    const own = values[criterion.code];
    if (own !== undefined) {
      const recordPart = parts.find((p) => fromRecords.has(p.code));
      if (recordPart)
        problem(
          criterion.code,
          'from-records',
          `Tiêu chí ${criterion.code} có tiêu chí thành phần ${recordPart.code} xác định từ hồ sơ: nhập giá trị cho từng thành phần còn lại, không nhập cho cả tiêu chí`,
        );
      else if (parts.length && typeof own === 'number' && criterion.kind !== 'points')
        problem(
          criterion.code,
          'invalid-value',
          `Tiêu chí ${criterion.code} gồm các tiêu chí thành phần ${parts.map((p) => p.code).join(', ')}: nhập số cho từng thành phần, hoặc true/false/"na" cho cả tiêu chí`,
        );
      else checkGiven(criterion, own, applies);
      continue;
    }
    if (!applies || fromRecords.has(criterion.code)) continue;
    if (parts.length) {
      for (const p of parts) if (values[p.code] !== undefined) checkGiven(p, values[p.code], applies);
      if (parts.every((p) => fromRecords.has(p.code) || values[p.code] !== undefined)) continue;
    }
    problem(criterion.code, 'missing', `thiếu giá trị của tiêu chí ${criterion.code}`);
  }

  for (const [code, value] of Object.entries(values)) {
    if (disqualifierCodes.has(code)) {
      if (typeof value !== 'boolean' && value !== 'na') problem(code, 'invalid-value', `trường hợp ${code} chỉ nhận true (có xảy ra) hoặc false (không)`);
    } else if (!known.has(code)) {
      problem(code, 'unknown-code', `mã tiêu chí "${code}" không có trong bộ tiêu chí ${set.code}`);
    }
  }
  return problems;
}
