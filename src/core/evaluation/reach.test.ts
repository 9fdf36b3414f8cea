import { describe, expect, it } from 'vitest';
import { findBuiltinSet } from '../criteria/builtin/index';
import type { CriteriaSet } from '../criteria/schema';
import { evaluate } from './evaluate';
import { levelOutOfReach } from './reach';

const points = findBuiltinSet('vidu-diem')!;
const higher = points.levels.find((l) => l.rule.requiresHistory)!;
const lower = [higher.rule.requiresHistory!.level].flat()[0]!;

describe('levelOutOfReach', () => {
  it("says why a title that needs last year's lower title is out of reach, and clears when it was held", () => {
    expect(levelOutOfReach(points, higher.code, [], 2026)).toMatch(/^Chưa giữ danh hiệu «.+» năm 2025$/);
    expect(levelOutOfReach(points, higher.code, [{ year: 2024, level: lower }], 2026)).not.toBeNull();
    expect(levelOutOfReach(points, higher.code, [{ year: 2025, level: lower }], 2026)).toBeNull();
  });

  it('has nothing to say about a level without a history rule', () => {
    expect(levelOutOfReach(points, lower, [], 2026)).toBeNull();
  });

  it('counts consecutive years when the rule asks for several', () => {
    const set: CriteriaSet = {
      ...points,
      levels: points.levels.map((l) => (l.code === higher.code ? { ...l, rule: { ...l.rule, requiresHistory: { level: lower, consecutiveYears: 2 } } } : l)),
    };
    expect(levelOutOfReach(set, higher.code, [{ year: 2025, level: lower }], 2026)).toContain('2 năm liền trước');
    expect(
      levelOutOfReach(
        set,
        higher.code,
        [
          { year: 2025, level: lower },
          { year: 2024, level: lower },
        ],
        2026,
      ),
    ).toBeNull();
  });

  it('agrees with the engine: out of reach here means the engine never grants that level', () => {
    const all = Object.fromEntries(points.sections.flatMap((s) => s.criteria).map((c) => [c.code, c.kind === 'points' ? c.maxPoints! : true]));
    const verdict = evaluate(points, { profile: { area: 'X', kind: 'thon' }, values: all, year: 2026, history: [] });
    expect(verdict.levels.find((l) => l.code === higher.code)!.reached).toBe(false);
    expect(verdict.levels.find((l) => l.code === higher.code)!.reasons).toContain(levelOutOfReach(points, higher.code, [], 2026));
  });
});
