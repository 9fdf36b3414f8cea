/**
 * A criteria set in words, for people: the legal basis, conditions on the
 * area, a title's bars and conditions, how a criterion is judged. One place,
 * so `kdc criteria show` and the printed self-assessment form (src/documents)
 * say the same thing the same way.
 */
import type { Condition, CriteriaSet, Criterion, CriterionPart, Level, LevelRule, PointsBar, ShareSource, TitleSource } from './schema';
import { findBuiltinSet } from './builtin/index';
import { flattenCriteria } from './walk';
import { figureName } from '../units/figures';
import { attributeName } from '../units/attributes';
import { formatNumber } from '../text/format';
import { formatDate } from '../text/date';

/** "Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an". */
export function legalBasisText(set: CriteriaSet): string {
  const b = set.legalBasis;
  return `${b.documentType} số ${b.number} ngày ${formatDate(b.date)} của ${b.issuer}`;
}

export const KIND_NAMES: Record<string, string> = {
  thon: 'thôn',
  'to-dan-pho': 'tổ dân phố',
  ban: 'bản',
  xa: 'xã',
  phuong: 'phường',
  'thi-tran': 'thị trấn',
  'dac-khu': 'đặc khu',
};
const names = (codes: readonly string[], name: (c: string) => string, joiner: string) => codes.map(name).join(joiner);

export function conditionText(when: Condition): string {
  const parts: string[] = [];
  const kind = (c: string) => KIND_NAMES[c] ?? c;
  if (when.areaKinds) parts.push(`khu dân cư là ${names(when.areaKinds, kind, ' hoặc ')}`);
  if (when.communeKinds) parts.push(`thuộc ${names(when.communeKinds, kind, ' hoặc ')}`);
  if (when.mountainous !== undefined) parts.push(when.mountainous ? 'thuộc miền núi' : 'không thuộc miền núi');
  if (when.especiallyDifficult !== undefined) parts.push(when.especiallyDifficult ? 'thuộc xã đặc biệt khó khăn' : 'không thuộc xã đặc biệt khó khăn');
  const a = when.attributes;
  if (a?.anyOf) parts.push(`đơn vị hoặc cấp trên có thuộc tính ${names(a.anyOf, attributeName, ' hoặc ')}`);
  if (a?.allOf) parts.push(`đơn vị hoặc cấp trên có đủ các thuộc tính ${names(a.allOf, attributeName, ', ')}`);
  if (a?.noneOf) parts.push(`đơn vị và cấp trên không có thuộc tính ${names(a.noneOf, attributeName, ', ')}`);
  return parts.join('; ');
}

export function pointsBarText(bar: PointsBar, of: string): string {
  return bar.as === 'points' ? `${of} từ ${formatNumber(bar.value)} điểm trở lên` : `${of} tối thiểu ${formatNumber(bar.value)}% số điểm tối đa`;
}

export function barsText(t: Pick<LevelRule, 'minSectionPassPercent' | 'sectionPassPercent' | 'minSectionPoints' | 'minTotalPoints'>): string[] {
  const out: string[] = [];
  if (t.minSectionPassPercent !== undefined) out.push(`mỗi tiêu chuẩn đạt tối thiểu ${formatNumber(t.minSectionPassPercent)}% số tiêu chí`);
  for (const [code, percent] of Object.entries(t.sectionPassPercent ?? {})) out.push(`tiêu chuẩn ${code} đạt tối thiểu ${formatNumber(percent)}% số tiêu chí`);
  if (t.minSectionPoints) out.push(pointsBarText(t.minSectionPoints, 'mỗi tiêu chuẩn'));
  if (t.minTotalPoints) out.push(pointsBarText(t.minTotalPoints, 'tổng điểm'));
  return out;
}

/** A title's conditions in words, one phrase each: bars, required and knockout criteria, disqualifying cases, history. */
export function levelConditions(set: CriteriaSet, level: Level): string[] {
  const rule = level.rule;
  const conditions = barsText(rule);
  const all = flattenCriteria(set).map(({ criterion }) => criterion.code);
  const required = rule.requiredCriteria ?? [];
  if (required.length && required.length === all.length && all.every((c) => required.includes(c))) conditions.push('đạt tất cả các tiêu chí');
  else if (required.length) conditions.push(`bắt buộc đạt tiêu chí ${required.join(', ')}`);
  if (rule.knockoutCriteria?.length) conditions.push(`điểm liệt: ${rule.knockoutCriteria.join(', ')}`);
  if (set.disqualifiers.length)
    conditions.push(
      rule.disqualifiers === undefined || rule.disqualifiers === 'all'
        ? 'không thuộc trường hợp không đảm bảo nào'
        : `không thuộc trường hợp ${rule.disqualifiers.join(', ')}`,
    );
  if (rule.requiresHistory) {
    const held = [rule.requiresHistory.level]
      .flat()
      .map((code) => set.levels.find((l) => l.code === code)?.name ?? code)
      .join('» hoặc «');
    const years = rule.requiresHistory.consecutiveYears;
    conditions.push(`đã giữ danh hiệu «${held}» ${years === 1 ? 'năm' : `${years} năm`} liền trước`);
  }
  return conditions;
}

export function titleText(ref: Pick<TitleSource, 'program' | 'set' | 'level' | 'year'>): string {
  const when = ref.year === 'previous' ? 'năm trước năm đánh giá' : 'năm đánh giá';
  if (ref.program) return `danh hiệu mã «${ref.level}» của phong trào mã ${ref.program} trong ${when}`;
  const level = findBuiltinSet(ref.set ?? '')?.levels.find((l) => l.code === ref.level);
  return `danh hiệu «${level?.name ?? ref.level}» theo bộ tiêu chí ${ref.set} trong ${when}`;
}

export function shareText(share: ShareSource): string {
  const units = share.of === 'street' ? 'tuyến phố' : 'khu dân cư';
  return `từ ${formatNumber(share.minPercent)}% trở lên số ${units} trực thuộc giữ ${titleText(share)}`;
}

export function quantityText(q: NonNullable<Criterion['quantity']>): string {
  const unit = q.measure === 'percent' ? '%' : '';
  const bars: string[] = [];
  if (q.min !== undefined) bars.push(`tối thiểu ${formatNumber(q.min)}${unit} ${q.of}`);
  if (q.max !== undefined) bars.push(q.max === 0 ? `không có ${q.of}` : `tối đa ${formatNumber(q.max)}${unit} ${q.of}`);
  const from = q.from ? `; tính từ số liệu «${figureName(q.from.numerator)}» / «${figureName(q.from.denominator)}» của năm đánh giá` : '';
  return `${bars.join(', ')}${from}`;
}

/** How an item is judged, in words; null for a plain đạt/không đạt criterion. */
export function judgingText(item: Criterion | CriterionPart): string | null {
  if (item.kind === 'title' && item.title) return `Xác định từ hồ sơ công nhận: đạt khi giữ ${titleText(item.title)}`;
  if (item.kind === 'title-share' && item.share) return `Xác định từ hồ sơ công nhận: đạt khi ${shareText(item.share)}`;
  if (item.kind === 'quantity' && item.quantity) return `Định lượng: ${quantityText(item.quantity)}`;
  return null;
}
