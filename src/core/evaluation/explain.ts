/**
 * A verdict in one sentence a ward officer can read aloud: "Đạt: tiêu chuẩn 2
 * đạt 7/8 tiêu chí (87,5%), cần tối thiểu 80%; tiêu chí 2.1 chưa đạt" — never
 * a bare "ĐẠT" beside a failed criterion with no word on how both are true.
 * Pure, so the scorecard, the documents and the CLI can say it alike.
 */
import type { CriteriaSet } from '../criteria/schema';
import type { AreaProfile } from '../criteria/walk';
import { formatNumber, formatPercentOfRatio } from '../text/format';
import { levelDisqualifiers } from './rules';
import { effectiveThresholds, meetsShare, pointsBarValue } from './thresholds';
import type { Verdict } from './types';

const list = (codes: string[]) => (codes.length === 1 ? `tiêu chí ${codes[0]}` : `các tiêu chí ${codes.join(', ')}`);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * Explains the verdict against one level: the title the area registered for
 * (`levelCode`), else the title it reached, else the lowest. With several
 * titles the sentence names the one it speaks of.
 */
export function explainVerdict(set: CriteriaSet, verdict: Verdict, profile: AreaProfile, levelCode?: string): string {
  const ranked = [...set.levels].sort((a, b) => a.rank - b.rank);
  const level = ranked.find((l) => l.code === (levelCode ?? verdict.title)) ?? ranked[0]!;
  const result = verdict.levels.find((l) => l.code === level.code);
  const reached = result?.reached ?? false;
  const bars = effectiveThresholds(level.rule, profile);
  const parts: string[] = [];

  const sections = verdict.sections.filter((s) => s.applicable > 0);
  for (const s of sections) {
    const percent = bars.sectionPassPercent?.[s.code] ?? bars.minSectionPassPercent;
    if (percent === undefined || s.passed === s.applicable) continue;
    const share = formatPercentOfRatio(s.passed / s.applicable);
    const need = meetsShare(s.passed, s.applicable, percent) ? 'cần tối thiểu' : 'chưa đủ mức tối thiểu';
    parts.push(`tiêu chuẩn ${s.code} đạt ${s.passed}/${s.applicable} tiêu chí (${share}), ${need} ${formatNumber(percent)}%`);
    if (bars.minSectionPoints && s.points !== undefined && s.maxPoints !== undefined) {
      const min = pointsBarValue(bars.minSectionPoints, s.maxPoints);
      if (s.points < min)
        parts.push(`tiêu chuẩn ${s.code} được ${formatNumber(s.points)}/${formatNumber(s.maxPoints)} điểm, cần tối thiểu ${formatNumber(min)} điểm`);
    }
  }
  if (!parts.length && sections.length && sections.every((s) => s.passed === s.applicable) && set.scoring === 'pass-fail')
    parts.push(`cả ${sections.length} tiêu chuẩn đạt đủ mọi tiêu chí`);
  if (bars.minTotalPoints && verdict.totalPoints !== undefined && verdict.maxTotalPoints !== undefined) {
    const min = pointsBarValue(bars.minTotalPoints, verdict.maxTotalPoints);
    parts.push(`tổng ${formatNumber(verdict.totalPoints)}/${formatNumber(verdict.maxTotalPoints)} điểm, cần tối thiểu ${formatNumber(min)} điểm`);
  }
  const knockouts = new Set(level.rule.knockoutCriteria ?? []);
  const failed = verdict.failedCriteria;
  const hard = failed.filter((c) => knockouts.has(c));
  const soft = failed.filter((c) => !knockouts.has(c));
  if (hard.length) parts.push(`${list(hard)} chưa đạt (điểm liệt)`);
  if (soft.length) parts.push(`${list(soft)} chưa đạt`);
  const holding = levelDisqualifiers(level, verdict.disqualifiedBy);
  if (holding.length) parts.push(`thuộc trường hợp không đảm bảo ${holding.join(', ')}`);
  // The sections, points and disqualifiers are said above in their own words; what is left is said as the engine put it.
  for (const s of result?.shortfalls ?? []) if (s.kind === 'history' || s.kind === 'required-na') parts.push(lowerFirst(s.message));

  const title = set.levels.length > 1 ? ` «${level.name}»` : '';
  return `${reached ? 'Đạt' : 'Chưa đạt'}${title}${parts.length ? `: ${parts.join('; ')}` : ''}`;
}
