/**
 * Turns untrusted data into a CriteriaSet, or into a list of problems written
 * in Vietnamese that name the file, the path inside it and what is wrong.
 *
 * Two passes: the zod schema checks the shape, then cross-references are
 * checked (unique codes, rules naming existing criteria, points only where
 * the set is scored in points).
 */
import { criteriaSetSchema, type CriteriaSet } from './schema';
import { allCriterionCodes, flattenCriteria } from './walk';

import '../zod-locale';

export interface Problem {
  /** Path inside the file, e.g. `$.sections[1].criteria[0].code`. */
  path: string;
  message: string;
}

export type ParseResult =
  | { ok: true; set: CriteriaSet }
  | { ok: false; problems: Problem[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    '$',
  );
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
      c.parts?.forEach((p, pi) => {
        claim(p.code, `${at}.parts[${pi}].code`);
        if (p.kind === 'quantity' && !p.quantity)
          problems.push({ path: `${at}.parts[${pi}].quantity`, message: 'tiêu chí định lượng cần khai báo "quantity"' });
      });
      if (c.kind === 'quantity' && !c.quantity && !c.parts)
        problems.push({ path: `${at}.quantity`, message: 'tiêu chí định lượng cần khai báo "quantity"' });
      if (c.kind === 'points') {
        if (set.scoring !== 'points')
          problems.push({ path: `${at}.kind`, message: 'tiêu chí chấm điểm chỉ dùng trong bộ tiêu chí có "scoring": "points"' });
        if (c.maxPoints === undefined)
          problems.push({ path: `${at}.maxPoints`, message: 'tiêu chí chấm điểm cần "maxPoints"' });
        if (c.parts) problems.push({ path: `${at}.parts`, message: 'tiêu chí chấm điểm không chia thành tiêu chí thành phần' });
        if (c.passPoints !== undefined && c.maxPoints !== undefined && c.passPoints > c.maxPoints)
          problems.push({ path: `${at}.passPoints`, message: 'điểm đạt không được lớn hơn điểm tối đa' });
      }
    });
  });
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
    if (rule.requiresHistory && !levelCodes.has(rule.requiresHistory.level))
      problems.push({ path: `${at}.rule.requiresHistory.level`, message: `không có danh hiệu mã "${rule.requiresHistory.level}"` });
    const usesPoints = [rule, ...(rule.overrides ?? [])].some((t) => t.minTotalPoints || t.minSectionPoints);
    if (usesPoints && set.scoring !== 'points')
      problems.push({ path: `${at}.rule`, message: 'ngưỡng điểm chỉ dùng trong bộ tiêu chí chấm điểm' });
    const sectionCodes = new Set(set.sections.map((s) => s.code));
    for (const sc of Object.keys(rule.sectionPassPercent ?? {}))
      if (!sectionCodes.has(sc)) problems.push({ path: `${at}.rule.sectionPassPercent.${sc}`, message: `không có tiêu chuẩn mã "${sc}"` });
  });

  if (set.validTo && set.validTo < set.validFrom)
    problems.push({ path: '$.validTo', message: 'ngày hết hiệu lực trước ngày có hiệu lực' });
  if (flattenCriteria(set).length === 0) problems.push({ path: '$.sections', message: 'bộ tiêu chí không có tiêu chí nào' });
  return problems;
}
