/** Small criteria sets built in code, for tests that need an exact shape. */
import type { CriteriaSet, CriteriaSetInput } from '../../src/core/criteria/schema';
import { parseCriteriaSet } from '../../src/core/criteria/validate';

export function makeSet(input: Partial<CriteriaSetInput> & Pick<CriteriaSetInput, 'sections' | 'levels'>): CriteriaSet {
  const result = parseCriteriaSet({
    format: 'kdc-criteria/1',
    code: 'thu-nghiem',
    version: '1',
    name: 'Bộ thử nghiệm',
    legalBasis: { documentType: 'Quyết định', number: '1/QĐ-TEST', date: '2024-01-01', issuer: 'Đơn vị thử nghiệm' },
    validFrom: '2024-01-01',
    scoring: 'pass-fail',
    ...input,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.set;
}

/** A pass/fail set whose sections have the given sizes; criteria are coded "S.N". */
export function passFailSet(sizes: number[], rule: Record<string, unknown> = { minSectionPassPercent: 80 }): CriteriaSet {
  return makeSet({
    sections: sizes.map((size, i) => ({
      code: String(i + 1),
      title: `Tiêu chuẩn ${i + 1}`,
      criteria: Array.from({ length: size }, (_, j) => ({ code: `${i + 1}.${j + 1}`, text: `Tiêu chí ${i + 1}.${j + 1}`, kind: 'pass-fail' as const })),
    })),
    disqualifiers: [{ code: 'II.1', text: 'Có điểm, tụ điểm ma túy' }],
    levels: [{ code: 'dat', name: 'Đạt chuẩn', rank: 1, rule }],
  });
}

/** Every criterion đạt, then the listed codes set to the given values. */
export function scorecard(set: CriteriaSet, overrides: Record<string, boolean | 'na' | number> = {}) {
  const values: Record<string, boolean | 'na' | number> = {};
  for (const s of set.sections) for (const c of s.criteria) values[c.code] = c.kind === 'points' ? (c.maxPoints ?? 0) : true;
  return { ...values, ...overrides };
}
