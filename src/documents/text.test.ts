import { describe, expect, it } from 'vitest';
import { count2, percentOrDash, placeDateLine, standardDecisionArticles } from './text';

describe('placeDateLine', () => {
  it('pads days below 10 and months 1 and 2 (NĐ 30/2020)', () => {
    expect(placeDateLine('Lai Châu', '2024-11-18')).toBe('Lai Châu, ngày 18 tháng 11 năm 2024');
    expect(placeDateLine('Bảo Lâm', '2023-02-05')).toBe('Bảo Lâm, ngày 05 tháng 02 năm 2023');
    expect(placeDateLine('Bảo Lâm', '2023-03-09')).toBe('Bảo Lâm, ngày 09 tháng 3 năm 2023');
  });
});

describe('helpers', () => {
  it('writes counts and ratios as documents do', () => {
    expect(count2(7)).toBe('07');
    expect(count2(35)).toBe('35');
    expect(percentOrDash(35, 32)).toBe('109,4%');
    expect(percentOrDash(35, 26)).toBe('134,6%');
    expect(percentOrDash(1, 0)).toBe('–');
  });

  it('drafts the standard articles', () => {
    const a = standardDecisionArticles({ titleName: 'Khu dân cư tiêu biểu', year: 2022, count: 72, rewarded: false, executors: 'Ban Thường trực' });
    expect(a).toHaveLength(2);
    expect(a[0]).toContain('Công nhận 72 khu dân cư đạt danh hiệu "Khu dân cư tiêu biểu" năm 2022');
  });
});
