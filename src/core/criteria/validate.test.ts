import { describe, expect, it } from 'vitest';
import { describeProblems, parseCriteriaSet } from './validate';
import { findBuiltinSet } from './builtin/index';

const valid = () => JSON.parse(JSON.stringify(findBuiltinSet('laichau-tqpttd')));

describe('criteria-set validation', () => {
  it('accepts the built-in sets', () => {
    expect(parseCriteriaSet(valid()).ok).toBe(true);
    expect(parseCriteriaSet(JSON.parse(JSON.stringify(findBuiltinSet('vidu-diem')))).ok).toBe(true);
  });

  it('names the path and the problem in Vietnamese', () => {
    const data = valid();
    data.sections[1].criteria[2].kind = 'diem';
    const r = parseCriteriaSet(data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.path).toBe('$.sections[1].criteria[2].kind');
    expect(describeProblems('bo.json', r.problems)).toMatch(/^bo\.json: \$\.sections\[1\]\.criteria\[2\]\.kind: .*không hợp lệ/);
  });

  it('refuses duplicate codes and rules naming unknown criteria', () => {
    const data = valid();
    data.sections[0].criteria[1].code = '1.1';
    data.levels[0].rule.requiredCriteria = ['9.9'];
    const r = parseCriteriaSet(data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain('$.sections[0].criteria[1].code: mã "1.1" bị trùng (đã dùng ở $.sections[0].criteria[0].code)');
    expect(messages).toContain('$.levels[0].rule.requiredCriteria[0]: không có tiêu chí mã "9.9" trong bộ');
  });

  it('refuses a part code where a rule needs a whole criterion', () => {
    const data = valid();
    data.levels[0].rule.requiredCriteria = ['6.3.1'];
    const r = parseCriteriaSet(data);
    expect(r.ok).toBe(false);
  });

  it('refuses points thresholds in a pass/fail set', () => {
    const data = valid();
    data.levels[0].rule.minTotalPoints = { value: 80, as: 'points' };
    const r = parseCriteriaSet(data);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message)).toContain('ngưỡng điểm chỉ dùng trong bộ tiêu chí chấm điểm');
  });
});
