/**
 * One scorecard cell as people fill them in Excel: "Đạt", "x", "KĐ",
 * "không áp dụng", "98%", "98,5", "7". What a word means depends on the
 * criterion: "1" is đạt for a pass/fail criterion but the number 1 for a
 * count (criterion 5.2 counts poor households, where 0 is the good answer).
 */
import type { CriterionValue } from '../evaluation/types';
import { fold } from '../text/normalize';
import { parseLocaleNumber } from '../text/number';

export type CellKind = 'pass-fail' | 'quantity' | 'points' | 'disqualifier';

const PASS = new Set(['dat', 'd', 'x', 'co', 'true', 'yes', 'v', '✓', '✔', '1']);
const FAIL = new Set(['khong dat', 'chua dat', 'kd', 'khong', 'false', 'no', '✗', '✘', '0']);
const NOT_APPLICABLE = new Set(['na', 'n/a', 'khong ap dung', 'kad', 'k/a', '-', '—', '–']);
const HAPPENED = new Set(['co', 'x', '1', 'true', 'yes', 'co xay ra', 'vi pham', 'co vi pham']);
const DID_NOT = new Set(['khong', '0', 'false', 'no', 'khong xay ra', 'khong vi pham', 'khong co']);

export type CellResult = { value: CriterionValue } | { error: string } | null;

function word(text: string, numbersAreWords: boolean): CriterionValue | undefined {
  const key = fold(text).replace(/\s*\.\s*$/, '');
  if (NOT_APPLICABLE.has(key)) return 'na';
  if (!numbersAreWords && (key === '1' || key === '0')) return undefined;
  if (PASS.has(key)) return true;
  if (FAIL.has(key)) return false;
  return undefined;
}

/** The value of a non-empty cell, an explanation of why it is not one, or null for an empty cell. */
export function parseCriterionCell(kind: CellKind, text: string): CellResult {
  const t = text.trim();
  if (!t) return null;
  switch (kind) {
    case 'disqualifier': {
      const key = fold(t);
      if (HAPPENED.has(key)) return { value: true };
      if (DID_NOT.has(key)) return { value: false };
      return { error: `"${t}" không hợp lệ: ghi "có" nếu trường hợp này xảy ra, "không" nếu không` };
    }
    case 'pass-fail': {
      const value = word(t, true);
      return value === undefined ? { error: `"${t}" không hợp lệ: ghi "đạt", "không đạt" hoặc "không áp dụng"` } : { value };
    }
    case 'quantity': {
      const n = parseLocaleNumber(t);
      if (n !== null) return { value: n };
      const value = word(t, false);
      return value === undefined ? { error: `"${t}" không hợp lệ: ghi một số (vd. 98 hoặc 98,5%) hoặc "đạt", "không đạt", "không áp dụng"` } : { value };
    }
    case 'points': {
      const n = parseLocaleNumber(t);
      if (n !== null) return { value: n };
      if (word(t, false) === 'na') return { value: 'na' };
      return { error: `"${t}" không hợp lệ: ghi số điểm (vd. 8 hoặc 7,5) hoặc "không áp dụng"` };
    }
  }
}
