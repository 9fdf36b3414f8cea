/**
 * The national frameworks and the illustrative sets built on them: each is a
 * valid set that says which of its words are the law's, templates are refused
 * until a province completes them, and the rules the texts state (TT 124's 70%
 * of areas, NĐ 122's 90/60/80 points) come out of the engine as the texts read.
 */
import { describe, expect, it } from 'vitest';
import nd86Json from './builtin/nd86-thon-tdp-van-hoa.json';
import nd122Json from './builtin/nd122-khu-dan-cu-van-hoa.json';
import tt124AreaJson from './builtin/tt124-khu-dan-cu-antt.json';
import tt124CommuneJson from './builtin/tt124-xa-antt.json';
import viduThonJson from './builtin/vidu-thon-van-hoa.json';
import viduPhoJson from './builtin/vidu-tuyen-pho-van-minh.json';
import { builtinSets, findBuiltinSet } from './builtin/index';
import type { CriteriaSet, CriteriaSetInput, Criterion } from './schema';
import { parseCriteriaSet, unusableReason } from './validate';
import { flattenCriteria } from './walk';
import { parseBatch } from '../evaluation/batch';
import { evaluate } from '../evaluation/evaluate';
import { checkScorecard } from '../evaluation/scorecard';
import type { ChildUnit } from '../evaluation/types';

const files: Record<string, unknown> = {
  'nd86-thon-tdp-van-hoa': nd86Json,
  'tt124-khu-dan-cu-antt': tt124AreaJson,
  'tt124-xa-antt': tt124CommuneJson,
  'nd122-khu-dan-cu-van-hoa': nd122Json,
  'vidu-thon-van-hoa': viduThonJson,
  'vidu-tuyen-pho-van-minh': viduPhoJson,
};
const codes = Object.keys(files);
const templates = ['nd86-thon-tdp-van-hoa', 'nd122-khu-dan-cu-van-hoa'];
const get = (code: string) => findBuiltinSet(code)!;

/** Every text of a set with the `wording` it carries: section titles, criteria, parts, disqualifiers. */
function texts(set: CriteriaSet) {
  const out: Array<{ where: string; text: string; lead?: string; wording?: string }> = [];
  for (const s of set.sections) {
    out.push({ where: `tiêu chuẩn ${s.code}`, text: s.title, wording: s.wording });
    for (const c of s.criteria) {
      out.push({ where: `tiêu chí ${c.code}`, text: c.text, lead: c.lead, wording: c.wording });
      for (const p of c.parts ?? []) out.push({ where: `tiêu chí ${p.code}`, text: p.text, lead: p.lead, wording: p.wording });
    }
  }
  for (const d of set.disqualifiers) out.push({ where: `trường hợp ${d.code}`, text: d.text, wording: d.wording });
  return out;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

describe('built-in frameworks: shape and wording', () => {
  it.each(codes)('%s parses and is registered', (code) => {
    const result = parseCriteriaSet(files[code]);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(builtinSets.filter((s) => s.code === code)).toHaveLength(1);
  });

  it.each(codes)('%s is all NFC', (code) => {
    for (const s of strings(files[code])) expect(s).toBe(s.normalize('NFC'));
  });

  it.each(codes)('%s marks every text verbatim or unverified, and nothing cut or held as verbatim', (code) => {
    for (const t of texts(get(code))) {
      expect([t.where, t.wording]).toEqual([t.where, expect.stringMatching(/^(verbatim|unverified)$/)]);
      if (/…|chưa đối chiếu nguyên văn/.test(t.text)) expect([t.where, t.wording]).toEqual([t.where, 'unverified']);
    }
  });

  it.each(codes)('%s gives a full legal basis and notes naming what is still to be checked, with sources', (code) => {
    const set = get(code);
    expect(set.legalBasis.documentType && set.legalBasis.number && set.legalBasis.issuer).toBeTruthy();
    if (set.illustrative) expect(set.notes).toMatch(/^BỘ TIÊU CHÍ MINH HỌA, KHÔNG PHẢI VĂN BẢN CHÍNH THỨC\./);
    else for (const part of [/Đã đọc nguyên văn/, /Chưa đối chiếu nguyên văn/, /Nguồn: https?:\/\//]) expect(set.notes).toMatch(part);
  });

  it('gives each framework the legal basis NATIONAL-SETS reports', () => {
    const basis = (code: string) => {
      const b = get(code).legalBasis;
      return `${b.documentType} số ${b.number} ngày ${b.date} của ${b.issuer}`;
    };
    expect(basis('nd86-thon-tdp-van-hoa')).toBe('Nghị định số 86/2023/NĐ-CP ngày 2023-12-07 của Chính phủ');
    expect(basis('tt124-khu-dan-cu-antt')).toBe('Thông tư số 124/2021/TT-BCA ngày 2021-12-28 của Bộ Công an');
    expect(basis('tt124-xa-antt')).toBe('Thông tư số 124/2021/TT-BCA ngày 2021-12-28 của Bộ Công an');
    expect(basis('nd122-khu-dan-cu-van-hoa')).toBe('Nghị định số 122/2018/NĐ-CP ngày 2018-09-17 của Chính phủ');
    expect(get('nd86-thon-tdp-van-hoa').levels[0]!.reward).toEqual({ coefficient: 1.5, basis: expect.stringContaining('152/2025/NĐ-CP') });
  });

  it('keeps TT 124 periods, subjects and the all-criteria rule', () => {
    const area = get('tt124-khu-dan-cu-antt');
    const commune = get('tt124-xa-antt');
    expect([area.subject, area.period, area.allowNa]).toEqual(['area', { from: '11-01', to: '10-31' }, false]);
    expect([commune.subject, commune.period, commune.allowNa]).toEqual(['commune', { from: '11-16', to: '11-15' }, false]);
    for (const set of [area, commune]) expect(set.levels[0]!.rule.requiredCriteria).toEqual(flattenCriteria(set).map(({ criterion }) => criterion.code));
  });

  it('the illustrative thôn set copies the framework word for word and marks its own criteria as its own', () => {
    const framework = new Map(flattenCriteria(get('nd86-thon-tdp-van-hoa')).map(({ criterion }) => [criterion.code, criterion]));
    const own: string[] = [];
    for (const { criterion } of flattenCriteria(get('vidu-thon-van-hoa'))) {
      const source = framework.get(criterion.code);
      if (source) expect([criterion.text, criterion.wording]).toEqual([source.text, source.wording]);
      else {
        expect([criterion.code, criterion.text, Boolean(criterion.lead)]).toEqual([criterion.code, '', true]);
        own.push(criterion.code);
      }
    }
    expect(own).toEqual(['IV.1', 'V.1']);
    expect(get('vidu-thon-van-hoa').sections.map((s) => s.title)).toEqual(get('nd86-thon-tdp-van-hoa').sections.map((s) => s.title));
  });
});

describe('templates', () => {
  it.each(templates)('%s is refused for use, naming what a province must complete', (code) => {
    const set = get(code);
    expect(set.template).toBe(true);
    expect(unusableReason(set)).toMatch(new RegExp(`^Bộ tiêu chí «${set.name.replace(/[()]/g, '\\$&')}» là bộ khung mẫu`));
  });

  it('names the empty standards and the missing threshold of NĐ 86, the missing points of NĐ 122', () => {
    expect(unusableReason(get('nd86-thon-tdp-van-hoa'))).toContain(
      'tiêu chuẩn IV chưa có tiêu chí nào; tiêu chuẩn V chưa có tiêu chí nào; danh hiệu «Thôn, tổ dân phố văn hóa» chưa có ngưỡng',
    );
    expect(unusableReason(get('nd122-khu-dan-cu-van-hoa'))).toContain('tiêu chí chấm điểm 1.1 cần "maxPoints"');
  });

  it.each(codes.filter((c) => !templates.includes(c)))('%s is usable', (code) => {
    expect(get(code).template).toBe(false);
    expect(unusableReason(get(code))).toBeNull();
  });
});

/* ───────────── TT 124: the commune follows its areas ───────────── */

const areaTitle = (year: number) => ({ program: 'antt-khu-dan-cu', set: 'tt124-khu-dan-cu-antt', level: 'antt', year });
function areas(total: number, holding: number, year = 2026): ChildUnit[] {
  return Array.from({ length: total }, (_, i) => ({ name: `Thôn ${i + 1}`, kind: 'thon', holds: i < holding ? [areaTitle(year)] : [] }));
}
const communeValues = { '1': true, '2': true, '3': true, '4.1': true } as const;
const commune = (children: ChildUnit[], values: Record<string, boolean> = communeValues) =>
  evaluate(get('tt124-xa-antt'), { profile: { area: 'Xã Ví Dụ', kind: 'xa', communeKind: 'xa' }, values, year: 2026, children });

describe('tt124-xa-antt', () => {
  it('7 of 10 areas holding the area title: đạt; 6 of 10: không đạt, with the figure', () => {
    const seven = commune(areas(10, 7));
    expect(seven).toMatchObject({ recognized: true, title: 'antt', reasons: [] });
    expect(seven.criteria.find((c) => c.code === '4')).toMatchObject({ status: 'dat', fromRecords: true, source: '4.2: 7/10 khu dân cư được công nhận (70%)' });
    const six = commune(areas(10, 6));
    expect(six.recognized).toBe(false);
    expect(six.reasons).toEqual(['Tiêu chí 4 không đạt: 4.2: 6/10 khu dân cư được công nhận (60%), cần tối thiểu 70% — tiêu chí bắt buộc']);
  });

  it('follows "từ 70% trở lên" exactly for every size of commune', () => {
    for (let total = 1; total <= 25; total++)
      for (let held = 0; held <= total; held++) expect([total, held, commune(areas(total, held)).recognized]).toEqual([total, held, held * 10 >= total * 7]);
  });

  it('counts only the area title of the year evaluated, only areas, and needs 100% registered (4.1) and every other criterion', () => {
    const lastYear = areas(10, 10, 2025);
    expect(commune(lastYear).recognized).toBe(false);
    const streets: ChildUnit[] = [...areas(10, 7), ...Array.from({ length: 5 }, (_, i) => ({ name: `Phố ${i}`, kind: 'tuyen-pho', holds: [] }))];
    expect(commune(streets).recognized).toBe(true);
    for (const code of ['1', '2', '3', '4.1']) expect(commune(areas(10, 10), { ...communeValues, [code]: false }).recognized).toBe(false);
  });

  it('takes typed values for 1–3 and 4.1 while 4.2 comes from records; refuses a hand-marked "không áp dụng"', () => {
    const set = get('tt124-xa-antt');
    expect(checkScorecard(set, communeValues, { recordJudged: ['4.2'] })).toEqual([]);
    expect(checkScorecard(set, { ...communeValues, '4.2': 80 }, { recordJudged: ['4.2'] }).map((p) => p.kind)).toEqual(['from-records']);
    expect(checkScorecard(set, { ...communeValues, '3': 'na' }, { recordJudged: ['4.2'] }).map((p) => p.kind)).toEqual(['na-not-allowed']);
  });
});

describe('tt124-khu-dan-cu-antt', () => {
  it('is đạt only with all five criteria', () => {
    const set = get('tt124-khu-dan-cu-antt');
    const all = { '1': true, '2': true, '3': true, '4': true, '5': true };
    const profile = { area: 'Thôn 1', kind: 'thon' };
    expect(evaluate(set, { profile, values: all }).recognized).toBe(true);
    for (const code of Object.keys(all)) {
      const v = evaluate(set, { profile, values: { ...all, [code]: false } });
      expect([code, v.recognized, v.reasons]).toEqual([code, false, [`Tiêu chí ${code} không đạt — tiêu chí bắt buộc`]]);
    }
  });
});

/* ───────────── NĐ 122: points and the three thresholds ───────────── */

/** The NĐ 122 template as a province might complete it: 30 + 25 + 20 + 15 + 10 points, one criterion added to standards 4 and 5. */
function completedNd122(): CriteriaSet {
  const data = JSON.parse(JSON.stringify(get('nd122-khu-dan-cu-van-hoa'))) as CriteriaSetInput;
  data.template = false;
  const [s1, s2, s3, s4, s5] = data.sections;
  for (const c of [...s1!.criteria, ...s2!.criteria, ...s3!.criteria]) c.maxPoints = 5;
  s4!.criteria = [{ code: '4.1', text: 'Tiêu chí thử nghiệm 4.1', kind: 'points', maxPoints: 15 }];
  s5!.criteria = [{ code: '5.1', text: 'Tiêu chí thử nghiệm 5.1', kind: 'points', maxPoints: 10 }];
  const result = parseCriteriaSet(data);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.set;
}
const nd122 = completedNd122();

/** Full points, then points taken away criterion by criterion down to `total`, never below half of a standard's maximum. */
function scoredTo(total: number): Record<string, number> {
  const values: Record<string, number> = {};
  let excess = 100 - total;
  for (const section of nd122.sections) {
    const max = section.criteria.reduce((s, c) => s + (c.maxPoints ?? 0), 0);
    let slack = max - Math.ceil(max / 2);
    for (const c of section.criteria as Criterion[]) {
      const cut = Math.min(c.maxPoints ?? 0, excess, slack);
      values[c.code] = (c.maxPoints ?? 0) - cut;
      excess -= cut;
      slack -= cut;
    }
  }
  if (excess) throw new Error(`cannot score ${total}`);
  return values;
}

const places: Record<string, { above: Array<{ kind: string; attributes: string[] }>; bar: number }> = {
  'thành phố trực thuộc trung ương': { above: [{ kind: 'tinh', attributes: ['tp-truc-thuoc-tw'] }], bar: 90 },
  'xã miền núi': { above: [{ kind: 'xa', attributes: ['mien-nui'] }], bar: 60 },
  'xã hải đảo': { above: [{ kind: 'xa', attributes: ['hai-dao'] }], bar: 60 },
  'xã đặc biệt khó khăn': {
    above: [
      { kind: 'xa', attributes: ['dac-biet-kho-khan'] },
      { kind: 'tinh', attributes: [] },
    ],
    bar: 60,
  },
  'nơi khác': { above: [{ kind: 'xa', attributes: ['bien-gioi'] }], bar: 80 },
  'xã miền núi của thành phố trực thuộc trung ương (ngưỡng đầu tiên)': {
    above: [
      { kind: 'xa', attributes: ['mien-nui'] },
      { kind: 'tinh', attributes: ['tp-truc-thuoc-tw'] },
    ],
    bar: 90,
  },
};

function judgeAt(place: keyof typeof places, values: Record<string, number>) {
  const batch = parseBatch(nd122, [{ area: 'Thôn Ví Dụ', kind: 'thon', year: 2022, above: places[place]!.above, values }]);
  if (!batch.ok) throw new Error(batch.message);
  return evaluate(nd122, batch.items[0]!);
}

describe('nd122-khu-dan-cu-van-hoa completed with points', () => {
  it.each(Object.keys(places))('%s: recognised from its bar up, by the attributes of the units above the area', (place) => {
    const bar = places[place]!.bar;
    // 51 is the least a completed form allows with every standard at half its maximum (15 + 13 + 10 + 8 + 5).
    for (let total = 51; total <= 100; total++) {
      const v = judgeAt(place, scoredTo(total));
      expect([total, v.totalPoints, v.recognized]).toEqual([total, total, total >= bar]);
    }
    expect(judgeAt(place, scoredTo(bar - 1)).reasons[0]).toBe(`Tổng điểm ${bar - 1}/100, cần tối thiểu ${bar} điểm`);
  });

  it('needs every standard at 50% of its maximum whatever the total', () => {
    const v = judgeAt('xã miền núi', { ...scoredTo(100), '4.1': 7 });
    expect(v.totalPoints).toBe(92);
    expect(v.recognized).toBe(false);
    expect(v.reasons[0]).toBe('Tiêu chuẩn 4: 7/15 điểm, cần tối thiểu 7,5 điểm');
  });
});

/* ───────────── The illustrative sets ───────────── */

describe('vidu-thon-van-hoa', () => {
  const set = get('vidu-thon-van-hoa');
  const typed = Object.fromEntries(
    flattenCriteria(set)
      .filter(({ criterion }) => criterion.code !== 'IV.1')
      .map(({ criterion }) => [criterion.code, true]),
  );
  const judge = (figures: Record<string, number>) => {
    const batch = parseBatch(set, [{ area: 'Thôn 1', kind: 'thon', year: 2025, figures, values: typed }]);
    if (!batch.ok) throw new Error(batch.message);
    return evaluate(set, batch.items[0]!);
  };

  it('computes IV.1 from the households holding “Gia đình văn hóa”: 80% passes, 79% fails', () => {
    expect(judge({ ho: 100, 'ho-gia-dinh-van-hoa': 80 }).recognized).toBe(true);
    const v = judge({ ho: 100, 'ho-gia-dinh-van-hoa': 79 });
    expect(v.recognized).toBe(false);
    expect(v.reasons).toContain('Tiêu chí IV.1 không đạt: 79/100 hộ (79%), cần tối thiểu 80%');
  });
});

describe('vidu-tuyen-pho-van-minh', () => {
  it('recognises streets, with every criterion met', () => {
    const set = get('vidu-tuyen-pho-van-minh');
    expect(set.subject).toBe('street');
    const all = Object.fromEntries(flattenCriteria(set).map(({ criterion }) => [criterion.code, true]));
    const profile = { area: 'Phố Ví Dụ', kind: 'tuyen-pho' };
    expect(evaluate(set, { profile, values: all }).recognized).toBe(true);
    expect(evaluate(set, { profile, values: { ...all, '2.2': false } }).recognized).toBe(false);
  });
});
