/** The Lai Châu set as the seed gives it, and the seed's own cases. */
import { describe, expect, it } from 'vitest';
import { findBuiltinSet } from './builtin/index';
import { flattenCriteria, wordingFor } from './walk';
import { evaluate } from '../evaluation/evaluate';

const set = findBuiltinSet('laichau-tqpttd')!;
const allPass = () =>
  Object.fromEntries(flattenCriteria(set).map(({ criterion: c }) => [c.code, c.quantity && !c.parts ? (c.quantity.min ?? 0) : true])) as Record<
    string,
    boolean | number | 'na'
  >;
const tdp = { area: 'Tổ dân phố số 5', kind: 'to-dan-pho' as const, communeKind: 'phuong' as const };
const ban = { area: 'Bản Sùng Chồ', kind: 'ban' as const, communeKind: 'xa' as const };

describe('laichau-tqpttd', () => {
  it('has 41 criteria coded 1.1…6.8 in six standards of 4, 8, 7, 8, 6, 8, and cases II.1…II.4', () => {
    expect(set.sections.map((s) => s.criteria.length)).toEqual([4, 8, 7, 8, 6, 8]);
    const codes = flattenCriteria(set).map(({ criterion }) => criterion.code);
    expect(codes).toHaveLength(41);
    expect(codes[0]).toBe('1.1');
    expect(codes.at(-1)).toBe('6.8');
    expect(set.disqualifiers.map((d) => d.code)).toEqual(['II.1', 'II.2', 'II.3', 'II.4']);
  });

  it('keeps the seed wording, NFC', () => {
    const c = flattenCriteria(set).find(({ criterion }) => criterion.code === '5.2')!.criterion;
    expect(c.text).toBe('Tổ dân phố, bản không có hộ nghèo.');
    for (const { criterion } of flattenCriteria(set)) expect(criterion.text).toBe(criterion.text.normalize('NFC'));
  });

  it('words 2.3 for a bản that farms and for a tổ dân phố differently', () => {
    const c = flattenCriteria(set).find(({ criterion }) => criterion.code === '2.3')!.criterion;
    expect(wordingFor(c, ban)).toContain('Đối với bản sản xuất nông nghiệp');
    expect(wordingFor(c, ban)).not.toContain('Đối với Tổ dân phố');
    expect(wordingFor(c, tdp)).toContain('Đối với Tổ dân phố');
  });

  it('an area passing everything is recognised', () => {
    const v = evaluate(set, { profile: tdp, values: allPass() });
    expect(v).toMatchObject({ recognized: true, title: 'tqpttd', disqualifiedBy: [], reasons: [] });
  });

  it('standard 2 at 6/8 fails with the seed-style reason', () => {
    const v = evaluate(set, { profile: tdp, values: { ...allPass(), '2.1': false, '2.8': false } });
    expect(v.recognized).toBe(false);
    expect(v.reasons[0]).toBe('Tiêu chuẩn 2: đạt 6/8 tiêu chí (75%), cần tối thiểu 80%');
    expect(v.gap).toMatchObject({ changes: 1 });
  });

  it('standard 1 has 4 criteria, so one failure (75%) denies the title', () => {
    expect(evaluate(set, { profile: tdp, values: { ...allPass(), '1.4': false } }).recognized).toBe(false);
  });

  it('standard 5 of 6 criteria tolerates one failure only when one is na (4/5 = 80%)', () => {
    expect(evaluate(set, { profile: tdp, values: { ...allPass(), '5.2': 1 } }).recognized).toBe(true); // 5/6 = 83%
    expect(evaluate(set, { profile: tdp, values: { ...allPass(), '5.2': 1, '5.6': false } }).recognized).toBe(false); // 4/6
    expect(evaluate(set, { profile: tdp, values: { ...allPass(), '5.2': 1, '5.6': 'na' } }).recognized).toBe(true); // 4/5
  });

  it('4.1 (nội dung tự quản) is required even when standard 4 reaches 7/8', () => {
    const v = evaluate(set, { profile: tdp, values: { ...allPass(), '4.1': false } });
    expect(v.recognized).toBe(false);
    expect(v.reasons).toContain('Tiêu chí 4.1 không đạt — tiêu chí bắt buộc');
  });

  it.each(['II.1', 'II.2', 'II.3', 'II.4'])('disqualifying case %s denies the title', (code) => {
    const v = evaluate(set, { profile: tdp, values: { ...allPass(), [code]: true } });
    expect(v.recognized).toBe(false);
    expect(v.disqualifiedBy).toEqual([code]);
    expect(v.reasons.some((r) => r.startsWith(`Thuộc trường hợp không đảm bảo ${code}:`))).toBe(true);
  });

  it('judges the quantitative criteria from numbers: 98% households for 1.3, no poor household for 5.2', () => {
    const v = evaluate(set, { profile: tdp, values: { ...allPass(), '1.3': 97.5 } });
    expect(v.reasons).toContain('Tiêu chí 1.3 không đạt: 97,5% hộ, cần tối thiểu 98%');
    expect(v.recognized).toBe(false); // standard 1 has only 4 criteria
  });
});
