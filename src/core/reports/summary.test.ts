import { describe, expect, it } from 'vitest';
import { summarize } from './summary';

const base = {
  program: 'p',
  year: 2024,
  titles: [{ code: 't', name: 'Danh hiệu' }],
  areas: 72,
  registrations: [],
  recognitions: [],
  yearTarget: 32,
  periodTarget: 26,
};

describe('summarize', () => {
  it('Lai Châu 2024: 35 recognised (28 held, 7 first time) is 109.4% of 32 and 134.6% of 26', () => {
    const recognitions = Array.from({ length: 35 }, (_, i) => ({ unitId: i, titleCode: 't', status: i < 28 ? 'giu-vung' : 'lan-dau' }));
    const s = summarize({ ...base, recognitions });
    expect(s).toMatchObject({ recognized: 35, percentOfYearTarget: 109.4, percentOfPeriodTarget: 134.6, percentOfAreas: 48.6 });
    expect(s.titles[0]).toMatchObject({ recognized: 35, held: 28, firstTime: 7, again: 0 });
  });

  it('counts an area once even with two titles, and gives null percentages without targets or areas', () => {
    const s = summarize({
      ...base,
      areas: 0,
      yearTarget: null,
      periodTarget: null,
      titles: [
        { code: 'tb', name: 'Tiêu biểu' },
        { code: 'km', name: 'Kiểu mẫu' },
      ],
      registrations: [
        { unitId: 1, titleCode: 'tb' },
        { unitId: 1, titleCode: 'km' },
        { unitId: 2, titleCode: null },
      ],
      recognitions: [
        { unitId: 1, titleCode: 'tb', status: 'cong-nhan-lai' },
        { unitId: 1, titleCode: 'km', status: 'lan-dau' },
      ],
    });
    expect(s).toMatchObject({ registered: 1, recognized: 1, percentOfAreas: null, percentOfYearTarget: null, percentOfPeriodTarget: null });
    expect(s.titles.map((t) => [t.code, t.registered, t.again, t.firstTime])).toEqual([
      ['tb', 1, 1, 0],
      ['km', 1, 0, 1],
    ]);
  });
});
