import { describe, expect, it } from 'vitest';
import { findBuiltinSet } from '../criteria/builtin/index';
import type { CriteriaSet } from '../criteria/schema';
import type { AreaProfile } from '../criteria/walk';
import { evaluate } from './evaluate';
import { explainVerdict } from './explain';
import type { Scorecard } from './types';

const laichau = findBuiltinSet('laichau-tqpttd')!;
const points = findBuiltinSet('vidu-diem')!;
const profile: AreaProfile = { area: 'Tổ dân phố số 5', kind: 'to-dan-pho', communeKind: 'phuong' };

/** Every criterion at its best: đạt, or the full points, or a quantity that meets its bar. */
function best(set: CriteriaSet): Scorecard {
  const values: Scorecard = {};
  for (const c of set.sections.flatMap((s) => s.criteria)) values[c.code] = c.kind === 'points' ? c.maxPoints! : true;
  return values;
}

describe('explainVerdict', () => {
  it("says the issue's sentence: passed, the standard with a failure, the criterion that failed", () => {
    const values = { ...best(laichau), '2.1': false };
    const verdict = evaluate(laichau, { profile, values, year: 2026 });
    expect(explainVerdict(laichau, verdict, profile)).toBe('Đạt: tiêu chuẩn 2 đạt 7/8 tiêu chí (87,5%), cần tối thiểu 80%; tiêu chí 2.1 chưa đạt');
  });

  it('says why an area falls short, and names a disqualifying case that denies the title', () => {
    const short = evaluate(laichau, { profile, values: { ...best(laichau), '2.1': false, '2.2': false }, year: 2026 });
    expect(explainVerdict(laichau, short, profile)).toBe(
      'Chưa đạt: tiêu chuẩn 2 đạt 6/8 tiêu chí (75%), chưa đủ mức tối thiểu 80%; các tiêu chí 2.1, 2.2 chưa đạt',
    );
    const code = laichau.disqualifiers[0]!.code;
    const denied = evaluate(laichau, { profile, values: { ...best(laichau), [code]: true }, year: 2026 });
    expect(explainVerdict(laichau, denied, profile)).toBe(`Chưa đạt: cả 6 tiêu chuẩn đạt đủ mọi tiêu chí; thuộc trường hợp không đảm bảo ${code}`);
  });

  it('with two titles, speaks of the one registered for, with its points and its history rule', () => {
    const higher = [...points.levels].sort((a, b) => b.rank - a.rank)[0]!;
    const verdict = evaluate(points, { profile: { area: 'Thôn 1', kind: 'thon' }, values: best(points), year: 2026, history: [] });
    const text = explainVerdict(points, verdict, { area: 'Thôn 1', kind: 'thon' }, higher.code);
    expect(text.startsWith(`Chưa đạt «${higher.name}»`)).toBe(true);
    expect(text).toMatch(/tổng \d+(\.\d+)*\/\d+(\.\d+)* điểm, cần tối thiểu/);
    expect(text).toContain('chưa giữ danh hiệu');
  });
});
