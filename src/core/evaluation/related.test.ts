/**
 * Criteria that rest on records (a title held, a share of the units below,
 * figures), conditions on attributes of the units above the subject, and
 * points sub-items — each checked against an independent reading of the rule,
 * over random inputs, through the `kdc evaluate` input contract (parseBatch)
 * as well as the engine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CriteriaSetInput } from '../criteria/schema';
import { parseCriteriaSet } from '../criteria/validate';
import { parseBatch } from './batch';
import { evaluate } from './evaluate';
import { checkScorecard } from './scorecard';
import type { HeldTitleRef } from './types';

function set(input: Partial<CriteriaSetInput> & Pick<CriteriaSetInput, 'sections' | 'levels'>) {
  const result = parseCriteriaSet({
    format: 'kdc-criteria/1',
    code: 'thu',
    version: '1',
    name: 'Bộ thử',
    validFrom: '2024-01-01',
    scoring: 'pass-fail',
    legalBasis: { documentType: 'Quyết định', number: '1/QĐ', date: '2024-01-01', issuer: 'UBND' },
    ...input,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.set;
}

const tqpttdLike = set({
  sections: [
    {
      code: '4',
      title: 'Tiêu chuẩn 4',
      criteria: [
        { code: '4.1', text: 'Tự quản tốt', kind: 'pass-fail' },
        { code: '4.3', text: 'Được công nhận “khu dân cư văn hóa”.', kind: 'title', title: { program: 'laichau-van-hoa', level: 'van-hoa', year: 'same' } },
        { code: '4.9', text: 'Năm trước là khu dân cư văn hóa.', kind: 'title', title: { program: 'laichau-van-hoa', level: 'van-hoa', year: 'previous' } },
      ],
    },
  ],
  levels: [{ code: 'tqpttd', name: 'Tự quản', rank: 1, rule: { minSectionPassPercent: 100 } }],
});

const profile = { area: 'Tổ dân phố số 5', kind: 'to-dan-pho' };
const vanHoa = (year: number, source?: string): HeldTitleRef => ({ program: 'laichau-van-hoa', level: 'van-hoa', year, source });

describe('criteria of kind "title"', () => {
  it('is đạt from a title held that year, naming the decision; the previous-year one reads the year before', () => {
    const v = evaluate(tqpttdLike, {
      profile,
      year: 2026,
      values: { '4.1': true },
      holds: [vanHoa(2026, 'Quyết định số 12/QĐ-UBND ngày 20/11/2026'), vanHoa(2025)],
    });
    expect(v.recognized).toBe(true);
    const c43 = v.criteria.find((c) => c.code === '4.3')!;
    expect(c43).toMatchObject({ status: 'dat', fromRecords: true, source: 'Quyết định số 12/QĐ-UBND ngày 20/11/2026' });
    expect(v.criteria.find((c) => c.code === '4.9')!.status).toBe('dat');
  });

  it('is không đạt without the title, and says so in the reasons', () => {
    const v = evaluate(tqpttdLike, { profile, year: 2026, values: { '4.1': true }, holds: [vanHoa(2025), { ...vanHoa(2026), program: 'khac' }] });
    expect(v.recognized).toBe(false);
    expect(v.criteria.find((c) => c.code === '4.3')!.status).toBe('khong-dat');
    expect(v.reasons).toContain('Tiêu chí 4.3 không đạt: chưa có quyết định công nhận năm 2026 trong hồ sơ');
  });

  it('kdc evaluate: judged from "holds"; a value typed for such a criterion while holds is present is refused', () => {
    const ok = parseBatch(tqpttdLike, [
      { area: 'TDP 5', kind: 'to-dan-pho', year: 2026, values: { '4.1': true }, holds: [{ program: 'laichau-van-hoa', level: 'van-hoa', year: 2026 }] },
    ]);
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(evaluate(tqpttdLike, ok.items[0]!).criteria.find((c) => c.code === '4.9')!.status).toBe('khong-dat');
    const typed = parseBatch(tqpttdLike, [{ area: 'TDP 5', kind: 'to-dan-pho', year: 2026, values: { '4.1': true, '4.3': true }, holds: [] }]);
    expect(typed).toEqual({ ok: false, message: expect.stringContaining('Tiêu chí 4.3 được xác định từ hồ sơ') });
    // Without holds the officer types it (the programme is not kept in KDC).
    const byHand = parseBatch(tqpttdLike, [{ area: 'TDP 5', kind: 'to-dan-pho', year: 2026, values: { '4.1': true, '4.3': true, '4.9': false } }]);
    expect(byHand.ok).toBe(true);
    const needsYear = parseBatch(tqpttdLike, [{ area: 'TDP 5', kind: 'to-dan-pho', values: { '4.1': true }, holds: [] }]);
    expect(needsYear).toEqual({ ok: false, message: expect.stringContaining('cần "year"') });
  });

  it('matches by criteria set when the criterion names a set (a built-in framework)', () => {
    const bySet = set({
      sections: [
        {
          code: '1',
          title: 'T',
          criteria: [{ code: '1.1', text: 'Khu dân cư an toàn', kind: 'title', title: { set: 'tt124-khu-dan-cu-antt', level: 'antt' } }],
        },
      ],
      levels: [{ code: 'x', name: 'X', rank: 1, rule: { minSectionPassPercent: 100 } }],
    });
    const held = { program: 'laichau-antt', set: 'tt124-khu-dan-cu-antt', level: 'antt', year: 2024 };
    expect(evaluate(bySet, { profile, year: 2024, values: {}, holds: [held] }).recognized).toBe(true);
    expect(evaluate(bySet, { profile, year: 2024, values: {}, holds: [{ ...held, set: 'khac' }] }).recognized).toBe(false);
  });
});

describe('criteria of kind "title-share" (TT 124/2021, Điều 5 khoản 4)', () => {
  const communeSet = set({
    subject: 'commune',
    sections: [
      {
        code: '1',
        title: 'Điều 5',
        criteria: [
          { code: '4', text: '… từ 70% trở lên được công nhận …', kind: 'title-share', share: { set: 'tt124-khu-dan-cu-antt', level: 'antt', minPercent: 70 } },
        ],
      },
    ],
    levels: [{ code: 'antt-xa', name: 'Xã an toàn', rank: 1, rule: { minSectionPassPercent: 100 } }],
  });
  const held = { program: 'p', set: 'tt124-khu-dan-cu-antt', level: 'antt', year: 2024 };

  it('matches an independent count of the areas holding the title, and lists them', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ held: fc.boolean(), street: fc.boolean(), lastYear: fc.boolean() }), { maxLength: 25 }), (units) => {
        const children = units.map((u, i) => ({
          name: `Đơn vị ${i + 1}`,
          kind: u.street ? 'tuyen-pho' : 'to-dan-pho',
          holds: u.held ? [{ ...held, year: u.lastYear ? 2023 : 2024 }] : [],
        }));
        const areas = units.filter((u) => !u.street);
        const holding = areas.filter((u) => u.held && !u.lastYear).length;
        const v = evaluate(communeSet, { profile: { area: 'Phường A', kind: 'phuong' }, year: 2024, values: {}, children });
        const outcome = v.criteria[0]!;
        expect(outcome.detail).toMatchObject({ held: holding, total: areas.length });
        expect(outcome.detail!.units.map((u) => u.name)).toEqual(children.filter((c) => c.kind !== 'tuyen-pho').map((c) => c.name));
        expect(v.recognized).toBe(areas.length > 0 && holding * 10 >= areas.length * 7);
      }),
      { numRuns: 300 },
    );
  });

  it('7 of 10 is đạt at 70%, 6 of 10 is not, in words', () => {
    const children = (n: number) => Array.from({ length: 10 }, (_, i) => ({ name: `TDP ${i + 1}`, kind: 'to-dan-pho', holds: i < n ? [held] : [] }));
    const seven = evaluate(communeSet, { profile: { area: 'Phường A', kind: 'phuong' }, year: 2024, values: {}, children: children(7) });
    expect(seven.criteria[0]).toMatchObject({ status: 'dat', source: '7/10 khu dân cư được công nhận (70%)' });
    const six = evaluate(communeSet, { profile: { area: 'Phường A', kind: 'phuong' }, year: 2024, values: {}, children: children(6) });
    expect(six.reasons).toContain('Tiêu chí 4 không đạt: 6/10 khu dân cư được công nhận (60%), cần tối thiểu 70%');
  });
});

describe('quantities computed from figures', () => {
  const gdvh = set({
    sections: [
      {
        code: 'IV',
        title: 'IV',
        criteria: [
          {
            code: 'IV.1',
            text: 'Tỷ lệ hộ gia đình văn hóa',
            kind: 'quantity',
            quantity: { measure: 'percent', of: 'hộ', min: 80, from: { numerator: 'ho-gia-dinh-van-hoa', denominator: 'ho' } },
          },
        ],
      },
    ],
    levels: [{ code: 'vh', name: 'Văn hóa', rank: 1, rule: { minSectionPassPercent: 100 } }],
  });

  it('compares numerator/denominator with the bar exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (households, cultured) => {
        const c = Math.min(cultured, households);
        const v = evaluate(gdvh, { profile, year: 2024, values: {}, figures: { ho: households, 'ho-gia-dinh-van-hoa': c } });
        expect(v.recognized).toBe(c * 100 >= 80 * households);
      }),
      { numRuns: 500 },
    );
  });

  it('says which figure is missing', () => {
    const v = evaluate(gdvh, { profile, year: 2024, values: {}, figures: { 'ho-gia-dinh-van-hoa': 10 } });
    expect(v.reasons[1]).toBe('Tiêu chí IV.1 không đạt: chưa có số liệu «Số hộ» năm 2024');
    const shown = evaluate(gdvh, { profile, year: 2024, values: {}, figures: { ho: 12_937, 'ho-gia-dinh-van-hoa': 12_460 } });
    expect(shown.criteria[0]!.source).toBe('12.460/12.937 hộ (96,3%)');
  });
});

describe('NĐ 122/2018-style points: sub-items, each standard ≥ 50%, total 90 / 60 / 80 by place', () => {
  /** A points set of 5 standards whose criteria are made of points sub-items with the given maxima. */
  function nd122Like(maxima: number[][][]) {
    return set({
      scoring: 'points',
      sections: maxima.map((criteria, si) => ({
        code: String(si + 1),
        title: `Tiêu chuẩn ${si + 1}`,
        criteria: criteria.map((parts, ci) => ({
          code: `${si + 1}.${ci + 1}`,
          text: `Tiêu chí ${si + 1}.${ci + 1}`,
          kind: 'points' as const,
          parts: parts.map((max, pi) => ({ code: `${si + 1}.${ci + 1}.${pi + 1}`, text: `Ý ${pi + 1}`, kind: 'points' as const, maxPoints: max })),
        })),
      })),
      levels: [
        {
          code: 'kdcvh',
          name: 'Khu dân cư văn hóa',
          rank: 1,
          rule: {
            minSectionPoints: { value: 50, as: 'percent' },
            minTotalPoints: { value: 80, as: 'points' },
            overrides: [
              { when: { attributes: { anyOf: ['tp-truc-thuoc-tw'] } }, minTotalPoints: { value: 90, as: 'points' } },
              { when: { attributes: { anyOf: ['mien-nui', 'hai-dao', 'dac-biet-kho-khan'] } }, minTotalPoints: { value: 60, as: 'points' } },
            ],
          },
        },
      ],
    });
  }

  /** The decree read on its own: each standard at least half its maximum, and the total over the place's bar. */
  function independentReading(scores: number[][][], maxima: number[][][], attributes: string[]): boolean {
    const sum = (xs: number[][]) => xs.flat().reduce((a, b) => a + b, 0);
    const perStandardOk = scores.every((standard, si) => sum(standard) * 2 >= sum(maxima[si]!));
    const total = scores.reduce((acc, s) => acc + sum(s), 0);
    const bar = attributes.includes('tp-truc-thuoc-tw') ? 90 : attributes.some((a) => ['mien-nui', 'hai-dao', 'dac-biet-kho-khan'].includes(a)) ? 60 : 80;
    return perStandardOk && total >= bar;
  }

  const maximaArb = fc.array(fc.array(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 3 }), {
    minLength: 5,
    maxLength: 5,
  });
  const attributeArb = fc.subarray(['mien-nui', 'hai-dao', 'dac-biet-kho-khan', 'tp-truc-thuoc-tw', 'bien-gioi', 'tinh-tu-dat']);
  const placeArb = fc.record({ own: attributeArb, commune: attributeArb, province: attributeArb });

  it('the verdict equals the independent reading, with attributes on the area, its commune or its province', () => {
    fc.assert(
      fc.property(maximaArb, placeArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer(), (maxima, place, skew, seed) => {
        const s = nd122Like(maxima);
        let r = seed;
        const rand = () => {
          r = (r * 1103515245 + 12345) & 0x7fffffff;
          return r / 0x7fffffff;
        };
        const scores = maxima.map((standard) => standard.map((parts) => parts.map((max) => Math.min(max, Math.round(max * Math.min(1, skew + rand() * 0.6))))));
        const values = Object.fromEntries(
          scores.flatMap((standard, si) => standard.flatMap((parts, ci) => parts.map((p, pi) => [`${si + 1}.${ci + 1}.${pi + 1}`, p]))),
        );
        const batch = parseBatch(s, [
          {
            area: 'Thôn 1',
            kind: 'thon',
            attributes: place.own,
            above: [
              { kind: 'xa', attributes: place.commune },
              { kind: 'tinh', attributes: place.province },
            ],
            values,
          },
        ]);
        expect(batch.ok).toBe(true);
        if (!batch.ok) return;
        const v = evaluate(s, batch.items[0]!);
        const all = [...place.own, ...place.commune, ...place.province];
        expect(v.recognized).toBe(independentReading(scores, maxima, all));
        const total = scores.flat(2).reduce((a, b) => a + b, 0);
        expect(v.totalPoints).toBe(total);
      }),
      { numRuns: 200 },
    );
  });

  it('a sub-item is entered within its own maximum, and the criterion scores their sum', () => {
    const s = nd122Like([[[4, 6]], [[10, 5]], [[10, 10]], [[10, 10]], [[20, 25]]]);
    expect(checkScorecard(s, { '1.1.1': 5 }).find((p) => p.code === '1.1.1')).toMatchObject({
      kind: 'invalid-value',
      message: 'Tiêu chí 1.1.1 điểm 5 nằm ngoài khoảng 0–4',
    });
    const v = evaluate(s, {
      profile: { area: 'Thôn 1', kind: 'thon' },
      values: { '1.1.1': 4, '1.1.2': 1, '2.1.1': 5, '2.1.2': 5, '3.1.1': 10, '3.1.2': 10, '4.1.1': 10, '4.1.2': 10, '5.1.1': 20, '5.1.2': 25 },
    });
    expect(v.criteria[0]).toMatchObject({ code: '1.1', points: 5, maxPoints: 10, status: 'dat' });
    expect(v.totalPoints).toBe(100);
  });

  it('refuses a criterion maximum that disagrees with its sub-items', () => {
    const bad = parseCriteriaSet({
      format: 'kdc-criteria/1',
      code: 'x',
      version: '1',
      name: 'X',
      validFrom: '2024-01-01',
      scoring: 'points',
      legalBasis: { documentType: 'QĐ', number: '1', date: '2024-01-01', issuer: 'UBND' },
      sections: [
        {
          code: '1',
          title: 'T',
          criteria: [
            {
              code: '1.1',
              text: 'A',
              kind: 'points',
              maxPoints: 12,
              parts: [
                { code: '1.1.1', text: 'a', kind: 'points', maxPoints: 5 },
                { code: '1.1.2', text: 'b', kind: 'points', maxPoints: 5 },
              ],
            },
          ],
        },
      ],
      levels: [{ code: 'l', name: 'L', rank: 1, rule: { minTotalPoints: { value: 5, as: 'points' } } }],
    });
    expect(bad).toEqual({
      ok: false,
      problems: [{ path: '$.sections[0].criteria[0].maxPoints', message: 'điểm tối đa 12 khác tổng điểm tối đa của các tiêu chí thành phần (10)' }],
    });
  });
});

describe('hand-marked "không áp dụng"', () => {
  it('is refused where the set does not allow it, but a criterion that does not apply to the kind needs no value', () => {
    const strict = set({
      allowNa: false,
      sections: [
        {
          code: '1',
          title: 'T',
          criteria: [
            { code: '1.1', text: 'A', kind: 'pass-fail' },
            { code: '1.2', text: 'B', kind: 'pass-fail' },
            { code: '1.3', text: 'Chỉ cho bản', kind: 'pass-fail', appliesTo: { areaKinds: ['ban'] } },
          ],
        },
      ],
      levels: [{ code: 'l', name: 'L', rank: 1, rule: { minSectionPassPercent: 80 } }],
    });
    expect(checkScorecard(strict, { '1.1': true, '1.2': 'na', '1.3': true })).toEqual([
      { code: '1.2', kind: 'na-not-allowed', message: 'Tiêu chí 1.2: bộ tiêu chí thu không cho đánh dấu «không áp dụng»; chọn đạt hoặc không đạt' },
    ]);
    expect(checkScorecard(strict, { '1.1': true, '1.2': true }, { profile })).toEqual([]);
  });
});
