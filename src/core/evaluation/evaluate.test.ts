import { describe, expect, it } from 'vitest';
import { makeSet, passFailSet, scorecard } from '../../../test/support/sets';
import { evaluate } from './evaluate';

const profile = { area: 'Tổ dân phố số 5', kind: 'to-dan-pho' as const, communeKind: 'phuong' as const };

describe('share of passed criteria per section, exact at the threshold', () => {
  it('6 of 8 is 75% and fails an 80% bar, with the reason worded for people', () => {
    const set = passFailSet([8]);
    const v = evaluate(set, { profile, values: scorecard(set, { '1.2': false, '1.7': false }) });
    expect(v.recognized).toBe(false);
    expect(v.sections[0]).toMatchObject({ code: '1', passed: 6, applicable: 8, ok: false });
    expect(v.reasons).toContain('Tiêu chuẩn 1: đạt 6/8 tiêu chí (75%), cần tối thiểu 80%');
    expect(v.reasons).toContain('Tiêu chí 1.2 không đạt');
  });

  it('4 of 5 is exactly 80% and passes', () => {
    const set = passFailSet([5]);
    const v = evaluate(set, { profile, values: scorecard(set, { '1.3': false }) });
    expect(v.recognized).toBe(true);
    expect(v.sections[0]).toMatchObject({ passed: 4, applicable: 5, ok: true });
  });

  it('a section of 4 needs all 4', () => {
    const set = passFailSet([4]);
    expect(evaluate(set, { profile, values: scorecard(set) }).recognized).toBe(true);
    expect(evaluate(set, { profile, values: scorecard(set, { '1.4': false }) }).recognized).toBe(false);
  });

  it('7 of 8 (87.5%) passes; 6 of 7 prints 85,7%', () => {
    const set = passFailSet([8, 7], { minSectionPassPercent: 90 });
    const v = evaluate(set, { profile, values: scorecard(set, { '1.1': false, '2.1': false }) });
    expect(v.reasons).toContain('Tiêu chuẩn 1: đạt 7/8 tiêu chí (87,5%), cần tối thiểu 90%');
    expect(v.reasons).toContain('Tiêu chuẩn 2: đạt 6/7 tiêu chí (85,7%), cần tối thiểu 90%');
  });
});

describe('không áp dụng (na)', () => {
  it('leaves the denominator: 4 passed of 5 applicable when one of 6 is na', () => {
    const set = passFailSet([6]);
    const v = evaluate(set, { profile, values: scorecard(set, { '1.1': 'na', '1.2': false }) });
    expect(v.sections[0]).toMatchObject({ passed: 4, applicable: 5, ok: true });
    expect(v.recognized).toBe(true);
  });

  it('a section where everything is na does not block', () => {
    const set = passFailSet([2, 2]);
    const v = evaluate(set, { profile, values: scorecard(set, { '2.1': 'na', '2.2': 'na' }) });
    expect(v.sections[1]).toMatchObject({ passed: 0, applicable: 0, ok: true });
    expect(v.recognized).toBe(true);
  });
});

describe('disqualifying cases', () => {
  it('deny the title even with every criterion passed, and are named', () => {
    const set = passFailSet([4]);
    const v = evaluate(set, { profile, values: { ...scorecard(set), 'II.1': true } });
    expect(v.recognized).toBe(false);
    expect(v.disqualifiedBy).toEqual(['II.1']);
    expect(v.reasons).toContain('Thuộc trường hợp không đảm bảo II.1: Có điểm, tụ điểm ma túy');
    expect(v.gap).toMatchObject({ changes: 1, disqualifiers: ['II.1'], criteria: [] });
  });

  it('false or absent means the case does not hold', () => {
    const set = passFailSet([4]);
    expect(evaluate(set, { profile, values: { ...scorecard(set), 'II.1': false } }).recognized).toBe(true);
  });
});

describe('required criteria', () => {
  const set = passFailSet([5], { minSectionPassPercent: 80, requiredCriteria: ['1.1'] });
  it('a failed required criterion denies the title although the share is met', () => {
    const v = evaluate(set, { profile, values: scorecard(set, { '1.1': false }) });
    expect(v.sections[0]!.ok).toBe(true);
    expect(v.recognized).toBe(false);
    expect(v.reasons).toEqual(['Tiêu chí 1.1 không đạt — tiêu chí bắt buộc']);
    expect(v.gap).toMatchObject({ changes: 1, criteria: ['1.1'] });
  });
  it('a required criterion marked na does not count as passed', () => {
    const v = evaluate(set, { profile, values: scorecard(set, { '1.1': 'na' }) });
    expect(v.recognized).toBe(false);
    expect(v.reasons).toContain('Tiêu chí 1.1 là tiêu chí bắt buộc nhưng được đánh dấu không áp dụng');
  });
});

describe('quantitative criteria are judged from numbers', () => {
  const set = makeSet({
    sections: [
      {
        code: '1',
        title: 'Tiêu chuẩn 1',
        criteria: [
          { code: '1.1', text: '98% trở lên các hộ chấp hành', kind: 'quantity', quantity: { measure: 'percent', of: 'hộ', min: 98 } },
          { code: '1.2', text: 'Không có hộ nghèo', kind: 'quantity', quantity: { measure: 'count', of: 'hộ nghèo', max: 0 } },
          {
            code: '1.3',
            text: 'Cam kết',
            kind: 'quantity',
            parts: [
              { code: '1.3.1', text: '100% ký', kind: 'quantity', quantity: { measure: 'percent', of: 'hộ ký cam kết', min: 100 } },
              { code: '1.3.2', text: '98% thực hiện', kind: 'quantity', quantity: { measure: 'percent', of: 'hộ thực hiện', min: 98 } },
            ],
          },
        ],
      },
    ],
    levels: [{ code: 'dat', name: 'Đạt', rank: 1, rule: { minSectionPassPercent: 100 } }],
  });

  it('98% meets "≥ 98%", 97.9% does not, and the reason says by how much', () => {
    expect(evaluate(set, { profile, values: { '1.1': 98, '1.2': 0, '1.3': true } }).recognized).toBe(true);
    const v = evaluate(set, { profile, values: { '1.1': 97.9, '1.2': 2, '1.3': true } });
    expect(v.reasons).toContain('Tiêu chí 1.1 không đạt: 97,9% hộ, cần tối thiểu 98%');
    expect(v.reasons).toContain('Tiêu chí 1.2 không đạt: 2 hộ nghèo, yêu cầu không có');
  });

  it('a criterion made of parts passes only when every part passes', () => {
    const ok = evaluate(set, { profile, values: { '1.1': 99, '1.2': 0, '1.3.1': 100, '1.3.2': 98 } });
    expect(ok.recognized).toBe(true);
    const v = evaluate(set, { profile, values: { '1.1': 99, '1.2': 0, '1.3.1': 100, '1.3.2': 95 } });
    expect(v.failedCriteria).toEqual(['1.3']);
    expect(v.reasons).toContain('Tiêu chí 1.3 không đạt: 1.3.2: 95% hộ thực hiện, cần tối thiểu 98%');
  });
});

describe('applicability by the area kind and its commune', () => {
  const set = makeSet({
    sections: [
      {
        code: '1',
        title: 'Tiêu chuẩn 1',
        criteria: [
          { code: '1.1', text: 'Chung', kind: 'pass-fail' },
          { code: '1.2', text: 'Chỉ với bản', kind: 'pass-fail', appliesTo: { areaKinds: ['ban'] } },
        ],
      },
    ],
    levels: [{ code: 'dat', name: 'Đạt', rank: 1, rule: { minSectionPassPercent: 100 } }],
  });
  it('a criterion that does not apply to a tổ dân phố leaves its denominator', () => {
    const v = evaluate(set, { profile, values: { '1.1': true, '1.2': false } });
    expect(v.sections[0]).toMatchObject({ passed: 1, applicable: 1 });
    expect(v.recognized).toBe(true);
    const ban = evaluate(set, { profile: { area: 'Bản Sùng Chồ', kind: 'ban' }, values: { '1.1': true, '1.2': false } });
    expect(ban.recognized).toBe(false);
  });
});

describe('points, knockouts, levels, overrides and history', () => {
  const set = makeSet({
    scoring: 'points',
    sections: [
      {
        code: 'A',
        title: 'Nội dung A',
        criteria: [
          { code: 'A.1', text: 'a1', kind: 'points', maxPoints: 30 },
          { code: 'A.2', text: 'Không có ma túy', kind: 'points', maxPoints: 20, passPoints: 20 },
        ],
      },
      {
        code: 'B',
        title: 'Nội dung B',
        criteria: [
          { code: 'B.1', text: 'b1', kind: 'points', maxPoints: 30 },
          { code: 'B.2', text: 'b2', kind: 'points', maxPoints: 20 },
        ],
      },
    ],
    levels: [
      {
        code: 'tieu-bieu',
        name: 'Khu dân cư tiêu biểu',
        rank: 1,
        rule: {
          minTotalPoints: { value: 80, as: 'points' },
          minSectionPoints: { value: 50, as: 'percent' },
          knockoutCriteria: ['A.2'],
          overrides: [{ when: { especiallyDifficult: true }, minTotalPoints: { value: 70, as: 'points' } }],
        },
      },
      {
        code: 'kieu-mau',
        name: 'Khu dân cư kiểu mẫu',
        rank: 2,
        rule: {
          minTotalPoints: { value: 90, as: 'points' },
          knockoutCriteria: ['A.2'],
          requiresHistory: { level: 'tieu-bieu', consecutiveYears: 1 },
        },
      },
    ],
  });
  const full = { 'A.1': 30, 'A.2': 20, 'B.1': 30, 'B.2': 20 };

  it('a high score still fails on a knockout item (điểm liệt)', () => {
    const v = evaluate(set, { profile, values: { ...full, 'A.2': 10 } });
    expect(v.totalPoints).toBe(90);
    expect(v.recognized).toBe(false);
    expect(v.reasons).toContain('Tiêu chí A.2 không đạt: 10/20 điểm, cần tối thiểu 20 điểm — điểm liệt');
  });

  it('kiểu mẫu needs tiêu biểu the year before; without it the area gets tiêu biểu', () => {
    const without = evaluate(set, { profile, values: full, year: 2024, history: [] });
    expect(without.title).toBe('tieu-bieu');
    expect(without.reasons).toContain('Chưa giữ danh hiệu «Khu dân cư tiêu biểu» năm 2023');
    expect(without.gap).toMatchObject({ level: 'kieu-mau', reachable: false });
    const withHistory = evaluate(set, { profile, values: full, year: 2024, history: [{ year: 2023, level: 'tieu-bieu' }] });
    expect(withHistory.title).toBe('kieu-mau');
    expect(withHistory.gap).toBeNull();
  });

  it('an especially difficult commune has a lower bar', () => {
    const values = { 'A.1': 25, 'A.2': 20, 'B.1': 15, 'B.2': 15 }; // 75 points
    expect(evaluate(set, { profile, values }).recognized).toBe(false);
    expect(evaluate(set, { profile: { ...profile, especiallyDifficult: true }, values }).title).toBe('tieu-bieu');
  });

  it('section bars as a share of the section maximum', () => {
    const values = { 'A.1': 30, 'A.2': 20, 'B.1': 20, 'B.2': 4 }; // B: 24/50 < 50%
    const v = evaluate(set, { profile, values });
    expect(v.reasons).toContain('Tiêu chuẩn B: 24/50 điểm, cần tối thiểu 25 điểm');
    expect(v.gap).toMatchObject({ level: 'tieu-bieu', changes: 1, criteria: ['B.2'] });
  });
});

describe('gap to the title', () => {
  it('counts the fewest criteria to change, required ones included', () => {
    const set = passFailSet([8, 4], { minSectionPassPercent: 80, requiredCriteria: ['2.1'] });
    const v = evaluate(set, { profile, values: scorecard(set, { '1.1': false, '1.2': false, '1.3': false, '2.1': false }) });
    // Section 1: 5/8, needs 7 → 2 changes. Section 2: 3/4 needs 4 and 2.1 is required → 1 change.
    expect(v.gap).toMatchObject({ changes: 3, reachable: true });
    expect(v.gap!.criteria).toContain('2.1');
  });
});
