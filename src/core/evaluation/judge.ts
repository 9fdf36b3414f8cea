/**
 * Judges one criterion from the value recorded for it, or — for criteria that
 * rest on records rather than on what an officer types — from the titles the
 * subject holds, the titles of the units under it, or its yearly figures.
 * Assumes the scorecard passed checkScorecard; anything odd left is treated as
 * not passed rather than thrown, so a verdict is always produced.
 */
import type { Criterion, CriterionPart, ShareSource, TitleSource } from '../criteria/schema';
import { SUBJECT_KINDS } from '../criteria/schema';
import { appliesTo, maxPointsOf, passPointsOf } from '../criteria/walk';
import { figureName } from '../units/figures';
import { isOneOf } from '../one-of';
import { formatNumber, formatPercentOfRatio } from '../text/format';
import { meetsShare } from './thresholds';
import type { CriterionOutcome, CriterionValue, EvaluationContext, HeldTitleRef, OutcomeStatus, ShareDetail } from './types';

type Quantity = NonNullable<Criterion['quantity']>;
type Item = Criterion | CriterionPart;

function describeAmount(q: Quantity, value: number): string {
  return q.measure === 'percent' ? `${formatNumber(value)}% ${q.of}` : `${formatNumber(value)} ${q.of}`;
}

/** Null when the number meets the threshold, else what was missed. */
export function quantityShortfall(q: Quantity, value: number): string | null {
  const unit = q.measure === 'percent' ? '%' : '';
  if (q.min !== undefined && value < q.min) return `${describeAmount(q, value)}, cần tối thiểu ${formatNumber(q.min)}${unit}`;
  if (q.max !== undefined && value > q.max)
    return q.max === 0 ? `${describeAmount(q, value)}, yêu cầu không có` : `${describeAmount(q, value)}, tối đa ${formatNumber(q.max)}${unit}`;
  return null;
}

/** Every outcome has the same fields in the same order: one hidden class, cheap for 100,000 areas. */
function outcome(
  code: string,
  section: string,
  status: OutcomeStatus,
  shortfall?: string,
  points?: number,
  maxPoints?: number,
  byProfile?: boolean,
): CriterionOutcome {
  return { code, section, status, shortfall, points, maxPoints, byProfile };
}

/**
 * The outcomes that carry nothing but a status are the same for every area:
 * they are made once per criterion and shared (frozen), so a national batch
 * allocates only for the criteria that need a shortfall or points.
 */
export interface FixedOutcomes {
  dat: CriterionOutcome;
  fail: CriterionOutcome;
  na: CriterionOutcome;
  naByProfile: CriterionOutcome;
}

export function fixedOutcomes(code: string, section: string): FixedOutcomes {
  return {
    dat: Object.freeze(outcome(code, section, 'dat')),
    fail: Object.freeze(outcome(code, section, 'khong-dat')),
    na: Object.freeze(outcome(code, section, 'na')),
    naByProfile: Object.freeze(outcome(code, section, 'na', undefined, undefined, undefined, true)),
  };
}

/* ───────────── Titles held ───────────── */

/** The year whose title counts: the year evaluated or the one before. */
export function titleYearOf(source: Pick<TitleSource, 'year'>, year: number | undefined): number | undefined {
  if (year === undefined) return undefined;
  return source.year === 'previous' ? year - 1 : year;
}

/** True when a held title is the one a criterion names (by programme, or by the criteria set its programme used). */
export function isTitle(held: HeldTitleRef, source: Pick<TitleSource, 'program' | 'set' | 'level'>, year: number): boolean {
  if (held.level !== source.level || held.year !== year) return false;
  return source.program ? held.program === source.program : held.set === source.set;
}

function judgeTitleHeld(source: TitleSource, ctx: EvaluationContext, section: string, code: string): CriterionOutcome {
  const year = titleYearOf(source, ctx.year);
  if (year === undefined) return outcome(code, section, 'khong-dat', 'chưa rõ năm đánh giá');
  const held = ctx.holds?.find((h) => isTitle(h, source, year));
  if (!held) return outcome(code, section, 'khong-dat', `chưa có quyết định công nhận năm ${year} trong hồ sơ`);
  const result = outcome(code, section, 'dat');
  result.source = held.source ?? `được công nhận năm ${year}`;
  return result;
}

/* ───────────── Shares of the units below ───────────── */

export function shareDetail(source: ShareSource, ctx: EvaluationContext): ShareDetail | null {
  const year = titleYearOf(source, ctx.year);
  if (year === undefined) return null;
  const kinds = SUBJECT_KINDS[source.of];
  const units = (ctx.children ?? []).filter((c) => isOneOf(kinds, c.kind)).map((c) => ({ name: c.name, held: c.holds.some((h) => isTitle(h, source, year)) }));
  return { held: units.filter((u) => u.held).length, total: units.length, units };
}

const unitWord = (source: ShareSource) => (source.of === 'street' ? 'tuyến phố' : 'khu dân cư');

function judgeShareHeld(source: ShareSource, ctx: EvaluationContext, section: string, code: string): CriterionOutcome {
  const detail = shareDetail(source, ctx);
  if (!detail) return outcome(code, section, 'khong-dat', 'chưa rõ năm đánh giá');
  if (!detail.total) {
    const empty = outcome(code, section, 'khong-dat', `không có ${unitWord(source)} nào trực thuộc`);
    empty.detail = detail;
    return empty;
  }
  const figure = `${detail.held}/${detail.total} ${unitWord(source)} được công nhận (${formatPercentOfRatio(detail.held / detail.total)})`;
  const ok = meetsShare(detail.held, detail.total, source.minPercent);
  const result = ok ? outcome(code, section, 'dat') : outcome(code, section, 'khong-dat', `${figure}, cần tối thiểu ${formatNumber(source.minPercent)}%`);
  if (ok) result.source = figure;
  result.detail = detail;
  return result;
}

/* ───────────── Figures ───────────── */

/** numerator/denominator ≥ min% (and ≤ max%), in integers like every threshold. */
function figuresMeet(q: Quantity, numerator: number, denominator: number): boolean {
  const scaled = numerator * 10_000;
  if (q.min !== undefined && scaled < Math.round(q.min * 100) * denominator) return false;
  if (q.max !== undefined && scaled > Math.round(q.max * 100) * denominator) return false;
  return true;
}

function judgeFromFigures(q: Quantity & { from: NonNullable<Quantity['from']> }, ctx: EvaluationContext, section: string, code: string): CriterionOutcome {
  const numerator = ctx.figures?.[q.from.numerator];
  const denominator = ctx.figures?.[q.from.denominator];
  if (denominator === undefined || denominator <= 0)
    return outcome(code, section, 'khong-dat', `chưa có số liệu «${figureName(q.from.denominator)}» năm ${ctx.year ?? ''}`.trim());
  if (numerator === undefined) return outcome(code, section, 'khong-dat', `chưa có số liệu «${figureName(q.from.numerator)}» năm ${ctx.year ?? ''}`.trim());
  const figure = `${formatNumber(numerator)}/${formatNumber(denominator)} ${q.of} (${formatPercentOfRatio(numerator / denominator)})`;
  if (figuresMeet(q, numerator, denominator)) {
    const result = outcome(code, section, 'dat');
    result.source = figure;
    return result;
  }
  const bar = q.min !== undefined ? `cần tối thiểu ${formatNumber(q.min)}%` : `tối đa ${formatNumber(q.max ?? 0)}%`;
  return outcome(code, section, 'khong-dat', `${figure}, ${bar}`);
}

/** Marks an outcome as judged from records, so readers (the CLI contract, screens) can say what it rested on. */
function fromRecords(result: CriterionOutcome): CriterionOutcome {
  result.fromRecords = true;
  return result;
}

/** A criterion whose parts rest on records says so, and carries the list of units behind a share part. */
function fromRecordParts(result: CriterionOutcome, parts: CriterionOutcome[]): CriterionOutcome {
  if (!parts.some((p) => p.fromRecords)) return result;
  const detail = parts.find((p) => p.detail)?.detail;
  if (detail) result.detail = detail;
  return fromRecords(result);
}

/* ───────────── One item: a criterion without parts, or a part ───────────── */

function judgeItem(item: Item, value: CriterionValue | undefined, ctx: EvaluationContext, section: string, code: string): CriterionOutcome {
  if (value === 'na') return outcome(code, section, 'na', undefined, undefined, item.kind === 'points' ? maxPointsOf(item) : undefined);
  switch (item.kind) {
    case 'points': {
      const maxPoints = maxPointsOf(item);
      const points = typeof value === 'number' ? value : 0;
      const pass = (item as Partial<Criterion>).passPoints ?? maxPoints / 2;
      return points >= pass
        ? outcome(code, section, 'dat', undefined, points, maxPoints)
        : outcome(
            code,
            section,
            'khong-dat',
            `${formatNumber(points)}/${formatNumber(maxPoints)} điểm, cần tối thiểu ${formatNumber(pass)} điểm`,
            points,
            maxPoints,
          );
    }
    case 'title':
      if (value === undefined && item.title) return fromRecords(judgeTitleHeld(item.title, ctx, section, code));
      break;
    case 'title-share':
      if (value === undefined && item.share) return fromRecords(judgeShareHeld(item.share, ctx, section, code));
      if (typeof value === 'number' && item.share) {
        const ok = value * 100 >= Math.round(item.share.minPercent * 100);
        return ok
          ? outcome(code, section, 'dat')
          : outcome(code, section, 'khong-dat', `${formatNumber(value)}% ${unitWord(item.share)}, cần tối thiểu ${formatNumber(item.share.minPercent)}%`);
      }
      break;
    case 'quantity':
      if (value === undefined && item.quantity?.from) return fromRecords(judgeFromFigures({ ...item.quantity, from: item.quantity.from }, ctx, section, code));
      if (typeof value === 'number' && item.quantity) {
        const missed = quantityShortfall(item.quantity, value);
        return missed ? outcome(code, section, 'khong-dat', missed) : outcome(code, section, 'dat');
      }
      break;
    case 'pass-fail':
      break;
  }
  if (typeof value === 'boolean') return outcome(code, section, value ? 'dat' : 'khong-dat');
  return outcome(code, section, 'khong-dat', 'chưa có giá trị hợp lệ');
}

/** A criterion made of parts: đạt when every part is; a points criterion scores the sum of its parts. */
function judgeParts(criterion: Criterion, parts: CriterionPart[], ctx: EvaluationContext, section: string): CriterionOutcome {
  const judged = parts.map((p) => judgeItem(p, ctx.values[p.code], ctx, section, p.code));
  const code = criterion.code;
  if (criterion.kind === 'points') {
    const applicable = judged.filter((j) => j.status !== 'na');
    const maxPoints = maxPointsOf(criterion);
    if (!applicable.length) return outcome(code, section, 'na', undefined, undefined, maxPoints);
    const points = applicable.reduce((sum, j) => sum + (j.points ?? 0), 0);
    const pass = passPointsOf(criterion);
    const detail = judged
      .map((j) => `${j.code}: ${j.status === 'na' ? 'không áp dụng' : `${formatNumber(j.points ?? 0)}/${formatNumber(j.maxPoints ?? 0)}`}`)
      .join('; ');
    return points >= pass
      ? outcome(code, section, 'dat', undefined, points, maxPoints)
      : outcome(
          code,
          section,
          'khong-dat',
          `${formatNumber(points)}/${formatNumber(maxPoints)} điểm (${detail}), cần tối thiểu ${formatNumber(pass)} điểm`,
          points,
          maxPoints,
        );
  }
  const failed = judged.filter((j) => j.status === 'khong-dat');
  if (failed.length) {
    return fromRecordParts(
      outcome(code, section, 'khong-dat', failed.map((f) => (f.shortfall ? `${f.code}: ${f.shortfall}` : `${f.code} không đạt`)).join('; ')),
      judged,
    );
  }
  const result = outcome(code, section, judged.every((j) => j.status === 'na') ? 'na' : 'dat');
  const sources = judged.filter((j) => j.source).map((j) => `${j.code}: ${j.source}`);
  if (sources.length) result.source = sources.join('; ');
  return fromRecordParts(result, judged);
}

export function judgeCriterion(criterion: Criterion, sectionCode: string, ctx: EvaluationContext, fixed?: FixedOutcomes): CriterionOutcome {
  const code = criterion.code;
  const profile = ctx.profile;
  if (fixed && criterion.kind !== 'points' && !criterion.parts) {
    if (!appliesTo(criterion, profile)) return fixed.naByProfile;
    const value = ctx.values[code];
    if (value === true) return fixed.dat;
    if (value === false) return fixed.fail;
    if (value === 'na') return fixed.na;
  }
  if (!appliesTo(criterion, profile))
    return outcome(code, sectionCode, 'na', undefined, undefined, criterion.kind === 'points' ? maxPointsOf(criterion) : undefined, true);
  const own = ctx.values[code];
  return own === undefined && criterion.parts ? judgeParts(criterion, criterion.parts, ctx, sectionCode) : judgeItem(criterion, own, ctx, sectionCode, code);
}
