/**
 * Turns untrusted data into a CriteriaSet, or into a list of problems written
 * in Vietnamese that name the file, the path inside it and what is wrong.
 *
 * Two passes: the zod schema checks the shape, then cross-references are
 * checked (unique codes, rules naming existing criteria, points only where
 * the set is scored in points).
 */
import { criteriaSetSchema, type CriteriaSet, type Criterion, type CriterionPart } from './schema';
import { allCriterionCodes, flattenCriteria, maxPointsOf } from './walk';

import '../zod-locale';

export interface Problem {
  /** Path inside the file, e.g. `$.sections[1].criteria[0].code`. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; set: CriteriaSet } | { ok: false; problems: Problem[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
}

/** One line per problem, each naming the file: "FILE: $.path: message". */
export function describeProblems(source: string, problems: Problem[]): string {
  return problems.map((p) => `${source}: ${p.path}: ${p.message}`).join('\n');
}

export function parseCriteriaSet(data: unknown): ParseResult {
  const parsed = criteriaSetSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    };
  }
  const problems = crossCheck(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, set: parsed.data };
}

type Item = Criterion | CriterionPart;

/** The fields that say how a criterion is judged must fit its kind. */
function checkJudging(set: CriteriaSet, item: Item, at: string): Problem[] {
  const problems: Problem[] = [];
  const need = (field: 'quantity' | 'title' | 'share', what: string) => {
    if (!item[field]) problems.push({ path: `${at}.${field}`, message: `${what} cần khai báo "${field}"` });
  };
  const refuse = (field: 'quantity' | 'title' | 'share' | 'maxPoints') => {
    if (item[field] !== undefined) problems.push({ path: `${at}.${field}`, message: `"${field}" không dùng cho tiêu chí loại "${item.kind}"` });
  };
  const hasParts = 'parts' in item && Boolean(item.parts?.length);
  switch (item.kind) {
    case 'quantity':
      if (!hasParts) need('quantity', 'tiêu chí định lượng');
      if (item.quantity?.from && item.quantity.measure !== 'percent')
        problems.push({ path: `${at}.quantity.measure`, message: 'tiêu chí tính từ số liệu ("from") là một tỷ lệ: "measure" phải là "percent"' });
      refuse('title');
      refuse('share');
      refuse('maxPoints');
      break;
    case 'points':
      if (set.scoring !== 'points') problems.push({ path: `${at}.kind`, message: 'tiêu chí chấm điểm chỉ dùng trong bộ tiêu chí có "scoring": "points"' });
      refuse('quantity');
      refuse('title');
      refuse('share');
      break;
    case 'title':
      need('title', 'tiêu chí «giữ danh hiệu khác»');
      refuse('quantity');
      refuse('share');
      refuse('maxPoints');
      break;
    case 'title-share':
      need('share', 'tiêu chí «tỷ lệ đơn vị trực thuộc đạt danh hiệu»');
      refuse('quantity');
      refuse('title');
      refuse('maxPoints');
      break;
    case 'pass-fail':
      refuse('quantity');
      refuse('title');
      refuse('share');
      refuse('maxPoints');
      break;
  }
  return problems;
}

/**
 * What a set still lacks before it can judge anyone: standards without
 * criteria, points criteria without a maximum, titles without any rule. A
 * template (a national framework) may have these; any other set may not.
 */
export function setGaps(set: CriteriaSet): Problem[] {
  const gaps: Problem[] = [];
  set.sections.forEach((section, si) => {
    if (!section.criteria.length) gaps.push({ path: `$.sections[${si}].criteria`, message: `tiêu chuẩn ${section.code} chưa có tiêu chí nào` });
    section.criteria.forEach((c, ci) => {
      const at = `$.sections[${si}].criteria[${ci}]`;
      if (c.kind === 'points' && c.maxPoints === undefined && !c.parts?.length)
        gaps.push({ path: `${at}.maxPoints`, message: `tiêu chí chấm điểm ${c.code} cần "maxPoints"` });
      c.parts?.forEach((p, pi) => {
        if (p.kind === 'points' && p.maxPoints === undefined)
          gaps.push({ path: `${at}.parts[${pi}].maxPoints`, message: `tiêu chí thành phần chấm điểm ${p.code} cần "maxPoints"` });
      });
    });
  });
  set.levels.forEach((level, li) => {
    const r = level.rule;
    const hasBar =
      r.minSectionPassPercent !== undefined ||
      r.sectionPassPercent ||
      r.minTotalPoints ||
      r.minSectionPoints ||
      r.requiredCriteria?.length ||
      r.knockoutCriteria?.length;
    if (!hasBar) gaps.push({ path: `$.levels[${li}].rule`, message: `danh hiệu «${level.name}» chưa có ngưỡng hay tiêu chí bắt buộc nào` });
  });
  return gaps;
}

/** Null when the set can judge; else one Vietnamese sentence saying what a province must complete first. */
export function unusableReason(set: CriteriaSet): string | null {
  if (!set.template) return null;
  const gaps = setGaps(set);
  const what = gaps.length
    ? `: ${gaps
        .slice(0, 5)
        .map((g) => g.message)
        .join('; ')}${gaps.length > 5 ? `; và ${gaps.length - 5} mục khác` : ''}`
    : '';
  return `Bộ tiêu chí «${set.name}» là bộ khung mẫu, tỉnh cần hoàn thiện (ngưỡng, điểm số) và nhập thành bộ tiêu chí riêng trước khi dùng${what}`;
}

function crossCheck(set: CriteriaSet): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const claim = (code: string, path: string) => {
    const earlier = seen.get(code);
    if (earlier) problems.push({ path, message: `mã "${code}" bị trùng (đã dùng ở ${earlier})` });
    else seen.set(code, path);
  };

  set.sections.forEach((section, si) => {
    claim(`section:${section.code}`, `$.sections[${si}].code`);
    section.criteria.forEach((c, ci) => {
      const at = `$.sections[${si}].criteria[${ci}]`;
      claim(c.code, `${at}.code`);
      if (!c.text && !c.lead && !c.variants?.length) problems.push({ path: `${at}.text`, message: 'không được để trống' });
      problems.push(...checkJudging(set, c, at));
      c.parts?.forEach((p, pi) => {
        claim(p.code, `${at}.parts[${pi}].code`);
        problems.push(...checkJudging(set, p, `${at}.parts[${pi}]`));
        if (c.kind === 'points' && p.kind !== 'points')
          problems.push({ path: `${at}.parts[${pi}].kind`, message: 'tiêu chí chấm điểm chỉ chia thành các tiêu chí thành phần chấm điểm' });
        if (c.kind !== 'points' && p.kind === 'points')
          problems.push({ path: `${at}.parts[${pi}].kind`, message: 'chỉ tiêu chí chấm điểm mới có tiêu chí thành phần chấm điểm' });
      });
      if (c.kind === 'points') {
        if (c.passPoints !== undefined && c.passPoints > maxPointsOf(c))
          problems.push({ path: `${at}.passPoints`, message: 'điểm đạt không được lớn hơn điểm tối đa' });
        const partsMax = (c.parts ?? []).reduce((sum, p) => sum + (p.maxPoints ?? 0), 0);
        if (c.parts && c.maxPoints !== undefined && partsMax !== c.maxPoints)
          problems.push({ path: `${at}.maxPoints`, message: `điểm tối đa ${c.maxPoints} khác tổng điểm tối đa của các tiêu chí thành phần (${partsMax})` });
      }
    });
  });
  if (!set.template) for (const gap of setGaps(set)) problems.push(gap);
  set.disqualifiers.forEach((d, di) => claim(d.code, `$.disqualifiers[${di}].code`));

  // Rules name whole criteria; a part (e.g. 6.3.1) is judged only through its criterion.
  const criterionCodes = new Set(flattenCriteria(set).map(({ criterion }) => criterion.code));
  const partCodes = new Set(allCriterionCodes(set));
  const disqualifierCodes = new Set(set.disqualifiers.map((d) => d.code));
  const levelCodes = new Set(set.levels.map((l) => l.code));
  const ranks = new Set<number>();

  set.levels.forEach((level, li) => {
    const at = `$.levels[${li}]`;
    if (ranks.has(level.rank)) problems.push({ path: `${at}.rank`, message: `hai danh hiệu cùng bậc ${level.rank}` });
    ranks.add(level.rank);
    const rule = level.rule;
    for (const key of ['requiredCriteria', 'knockoutCriteria'] as const) {
      rule[key]?.forEach((c, i) => {
        if (partCodes.has(c) && !criterionCodes.has(c))
          problems.push({ path: `${at}.rule.${key}[${i}]`, message: `"${c}" là tiêu chí thành phần; hãy ghi mã của cả tiêu chí` });
        else if (!criterionCodes.has(c)) problems.push({ path: `${at}.rule.${key}[${i}]`, message: `không có tiêu chí mã "${c}" trong bộ` });
      });
    }
    if (Array.isArray(rule.disqualifiers)) {
      rule.disqualifiers.forEach((d, i) => {
        if (!disqualifierCodes.has(d)) problems.push({ path: `${at}.rule.disqualifiers[${i}]`, message: `không có trường hợp loại trừ mã "${d}"` });
      });
    }
    for (const needed of [rule.requiresHistory?.level ?? []].flat())
      if (!levelCodes.has(needed)) problems.push({ path: `${at}.rule.requiresHistory.level`, message: `không có danh hiệu mã "${needed}"` });
    const usesPoints = [rule, ...(rule.overrides ?? [])].some((t) => t.minTotalPoints || t.minSectionPoints);
    if (usesPoints && set.scoring !== 'points') problems.push({ path: `${at}.rule`, message: 'ngưỡng điểm chỉ dùng trong bộ tiêu chí chấm điểm' });
    const sectionCodes = new Set(set.sections.map((s) => s.code));
    for (const sc of Object.keys(rule.sectionPassPercent ?? {}))
      if (!sectionCodes.has(sc)) problems.push({ path: `${at}.rule.sectionPassPercent.${sc}`, message: `không có tiêu chuẩn mã "${sc}"` });
  });

  if (set.validTo && set.validTo < set.validFrom) problems.push({ path: '$.validTo', message: 'ngày hết hiệu lực trước ngày có hiệu lực' });
  if (flattenCriteria(set).length === 0) problems.push({ path: '$.sections', message: 'bộ tiêu chí không có tiêu chí nào' });
  return problems;
}
