/**
 * One row of a criteria workbook and the part of a set it stands for, both
 * ways: the words a clerk types ("định lượng", "97,5", "24/12/2021",
 * "tổ dân phố, bản") read into the file format, and each part of a set
 * written back as such words. No exceljs here: cells arrive as text, number
 * or date (./sheets.ts), so the writer can check a row by reading it back.
 */
import type { Criterion, CriterionPart, Level } from '../../core/criteria/schema';
import { MONTH_DAY, parseDate, parseDayMonth } from '../../core/text/date';
import { fold, nfc } from '../../core/text/normalize';
import { parseLocaleNumber } from '../../core/text/number';
import { VARIANT_WORD, choices, codeFor, wordFor, type WordSet } from './layout';
import type { Cell } from './sheets';

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => a[k] !== undefined || b[k] !== undefined));
    return [...keys].every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** `extra` laid over `base`: objects merge key by key, anything else replaces. */
export function deepMerge(base: Json, extra: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(extra)) out[k] = isObject(v) && isObject(out[k]) ? deepMerge(out[k] as Json, v) : v;
  return out;
}

/** What must be laid over `got` (as deepMerge does) to give `want`; null when nothing. */
/** A record of a set (a criterion, a level…) as the plain JSON the criteria file holds, to compare with what its cells read back. */
export const asJson = (value: object): Json => JSON.parse(JSON.stringify(value)) as Json;

export function missingFrom(want: Json, got: Json): Json | null {
  const extra: Json = {};
  for (const [k, v] of Object.entries(want)) {
    if (v === undefined || deepEqual(v, got[k])) continue;
    const inner = isObject(v) && isObject(got[k]) ? missingFrom(v, got[k] as Json) : null;
    extra[k] = inner ?? v;
  }
  return Object.keys(extra).length ? extra : null;
}

/** Keys the cells produced that the original does not have: the writer cannot undo those with a merge. */
export function surplus(want: Json, got: Json, at = ''): string[] {
  return Object.entries(got).flatMap(([k, v]) => {
    if (v === undefined) return [];
    if (want[k] === undefined) return [`${at}${k}`];
    return isObject(v) && isObject(want[k]) ? surplus(want[k] as Json, v, `${at}${k}.`) : [];
  });
}

/** A number as a Vietnamese writes it in text: a decimal comma, no grouping ("97,5"), so it reads back exactly. */
const numberText = (n: number) => String(n).replace('.', ',');
const listText = (codes: readonly string[]) => codes.join(', ');
const splitList = (text: string) =>
  text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** One row's cells by column key, as the reader sees them. */
export type RowCells = Record<string, Cell>;

/** Reads one row's cells into a part of the format, noting problems against columns by key. */
export class RowReader {
  readonly problems: Array<{ key: string; message: string }> = [];
  constructor(private readonly cells: RowCells) {}

  /** Text, trimmed, NFC, Windows line ends made plain; "" when empty. */
  text(key: string): string {
    return nfc((this.cells[key]?.text ?? '').replace(/\r\n?/g, '\n')).trim();
  }

  /** Free text kept as typed (notes): only line ends and NFC normalised; undefined when blank. */
  raw(key: string): string | undefined {
    const t = nfc((this.cells[key]?.text ?? '').replace(/\r\n?/g, '\n'));
    return t.trim() ? t : undefined;
  }

  optText(key: string): string | undefined {
    return this.text(key) || undefined;
  }

  problem(key: string, message: string): void {
    this.problems.push({ key, message });
  }

  /** A code cell: a number typed as a number ("1") is that code. */
  code(key: string): string | undefined {
    const cell = this.cells[key];
    if (cell?.number !== undefined) return String(cell.number);
    return this.optText(key);
  }

  number(key: string): number | undefined {
    const cell = this.cells[key];
    if (cell?.number !== undefined) return cell.number;
    const t = this.text(key);
    if (!t) return undefined;
    const n = parseLocaleNumber(t);
    if (n === null) this.problem(key, `"${t}" không phải là số`);
    return n ?? undefined;
  }

  choice(key: string, set: WordSet): string | undefined {
    const t = this.text(key);
    if (!t) return undefined;
    const code = codeFor(set, t);
    if (code === null) this.problem(key, `"${t}" không hợp lệ; chọn một trong: ${choices(set).join('; ')}`);
    return code ?? undefined;
  }

  yesNo(key: string): boolean | undefined {
    const c = this.choice(key, 'yesNo');
    return c === undefined ? undefined : c === 'yes';
  }

  date(key: string): string | undefined {
    const cell = this.cells[key];
    if (cell?.date) return cell.date;
    const t = this.text(key);
    if (!t) return undefined;
    const iso = parseDate(t);
    if (!iso) this.problem(key, `"${t}" không phải là ngày; ghi ngày/tháng/năm, vd. 24/12/2021`);
    return iso ?? undefined;
  }

  /** A day of the year: "01/11" (day first) or "11-01" (the format's MM-DD). */
  monthDay(key: string): string | undefined {
    const cell = this.cells[key];
    if (cell?.date) return cell.date.slice(5);
    const t = this.text(key);
    if (!t) return undefined;
    // The format's own MM-DD first: "11-01" is 1 November, not 11 January.
    if (MONTH_DAY.test(t)) return t;
    const dayFirst = /[/.]/.test(t) ? parseDayMonth(t) : null;
    if (dayFirst) return dayFirst;
    this.problem(key, `"${t}" không phải là ngày trong năm; ghi ngày/tháng, vd. 01/11`);
    return undefined;
  }

  list(key: string): string[] | undefined {
    const t = this.text(key);
    return t ? splitList(t) : undefined;
  }

  json(key: string): Json | undefined {
    const t = this.text(key);
    if (!t) return undefined;
    try {
      const value: unknown = JSON.parse(t);
      if (isObject(value)) return value;
      this.problem(key, 'cần một đối tượng JSON, vd. {"variants": […]}');
    } catch (error) {
      this.problem(key, `không phải JSON hợp lệ (${(error as Error).message})`);
    }
    return undefined;
  }

  jsonArray(key: string): unknown[] | undefined {
    const t = this.text(key);
    if (!t) return undefined;
    try {
      const value: unknown = JSON.parse(t);
      if (Array.isArray(value)) return value;
      this.problem(key, 'cần một danh sách JSON, vd. [{"when": {…}, "minTotalPoints": {…}}]');
    } catch (error) {
      this.problem(key, `không phải JSON hợp lệ (${(error as Error).message})`);
    }
    return undefined;
  }
}

export const clean = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/* ───────────── Criteria rows ───────────── */

/** "tổ dân phố, bản, phường" → { areaKinds, communeKinds }; null when a word is not a kind of unit. */
export function kindsCondition(r: RowReader): Json | undefined {
  const t = r.text('appliesTo');
  if (!t) return undefined;
  const areaKinds: string[] = [];
  const communeKinds: string[] = [];
  for (const word of t
    .split(/[,;]/)
    .map((w) => w.trim())
    .filter(Boolean)) {
    const area = codeFor('areaKinds', word);
    const commune = codeFor('communeKinds', word);
    if (area) areaKinds.push(area);
    else if (commune) communeKinds.push(commune);
    else
      r.problem(
        'appliesTo',
        `"${word}" không phải loại đơn vị; ghi thôn, tổ dân phố, bản, xã, phường, thị trấn hoặc đặc khu (điều kiện khác ghi ở cột Khác (JSON))`,
      );
  }
  return clean({ areaKinds: areaKinds.length ? areaKinds : undefined, communeKinds: communeKinds.length ? communeKinds : undefined });
}

/** Where a field of a criterion comes from: the column key, for problems found by the validation. */
export const CRITERION_FIELD_COLUMN: Record<string, string> = {
  code: 'code',
  text: 'text',
  lead: 'lead',
  kind: 'kind',
  quantity: 'min',
  'quantity.measure': 'measure',
  'quantity.of': 'of',
  'quantity.min': 'min',
  'quantity.max': 'max',
  'quantity.from': 'extra',
  maxPoints: 'maxPoints',
  passPoints: 'passPoints',
  appliesTo: 'appliesTo',
  title: 'level',
  'title.level': 'level',
  'title.program': 'program',
  'title.set': 'set',
  'title.year': 'year',
  share: 'level',
  'share.level': 'level',
  'share.program': 'program',
  'share.set': 'set',
  'share.year': 'year',
  'share.of': 'shareOf',
  'share.minPercent': 'min',
  wording: 'wording',
  note: 'note',
  variants: 'extra',
  parts: 'code',
};

export function criterionFromRow(r: RowReader, isPart: boolean): Json {
  const kind = r.choice('kind', 'kind') ?? (r.text('kind') || undefined);
  const item: Json = { code: r.code('code'), text: r.text('text'), lead: r.optText('lead'), kind, wording: r.choice('wording', 'wording') };
  const measure = r.choice('measure', 'measure');
  const of = r.optText('of');
  const min = r.number('min');
  const max = r.number('max');
  const ref = clean({ program: r.code('program'), set: r.code('set'), level: r.code('level'), year: r.choice('year', 'year') });
  if (kind === 'title-share') {
    item.share = clean({ ...ref, of: r.choice('shareOf', 'shareOf'), minPercent: min });
    if (measure || of || max !== undefined)
      r.problem(
        measure ? 'measure' : of ? 'of' : 'max',
        'tiêu chí tỷ lệ đạt danh hiệu chỉ dùng cột Tối thiểu (tỷ lệ %), không dùng Đo bằng, Đối tượng đo, Tối đa',
      );
  } else {
    if (measure || of || min !== undefined || max !== undefined) item.quantity = clean({ measure, of, min, max });
    if (Object.keys(ref).length) item.title = ref;
    if (r.text('shareOf')) r.problem('shareOf', 'cột Tính trên chỉ dùng cho tiêu chí tỷ lệ đạt danh hiệu');
  }
  item.maxPoints = r.number('maxPoints');
  if (!isPart) {
    item.passPoints = r.number('passPoints');
    item.appliesTo = kindsCondition(r);
    item.note = r.raw('note');
  } else {
    for (const key of ['passPoints', 'appliesTo', 'note'] as const)
      if (r.text(key)) r.problem(key, 'tiêu chí thành phần không có cột này; ghi ở dòng của tiêu chí');
  }
  const extra = r.json('extra');
  return extra ? deepMerge(clean(item), extra) : clean(item);
}

export function criterionCells(item: Criterion | CriterionPart, sectionCode: string, parent?: string): Record<string, string | number> {
  const cells: Record<string, string | number> = {
    section: sectionCode,
    code: item.code,
    parent: parent ?? '',
    text: item.text,
    lead: item.lead ?? '',
    kind: wordFor('kind', item.kind),
  };
  if (item.wording) cells.wording = wordFor('wording', item.wording);
  const q = item.quantity;
  if (q) {
    cells.measure = wordFor('measure', q.measure);
    cells.of = q.of;
    if (q.min !== undefined) cells.min = q.min;
    if (q.max !== undefined) cells.max = q.max;
  }
  const ref = item.title ?? item.share;
  if (ref) {
    cells.level = ref.level;
    if (ref.program) cells.program = ref.program;
    if (ref.set) cells.set = ref.set;
    cells.year = wordFor('year', ref.year);
  }
  if (item.share) {
    cells.shareOf = wordFor('shareOf', item.share.of);
    cells.min = item.share.minPercent;
  }
  if (item.maxPoints !== undefined) cells.maxPoints = item.maxPoints;
  if ('passPoints' in item && item.passPoints !== undefined) cells.passPoints = item.passPoints;
  if ('appliesTo' in item && item.appliesTo) {
    const a = item.appliesTo;
    const onlyKinds = Object.keys(a).every((k) => k === 'areaKinds' || k === 'communeKinds');
    if (onlyKinds)
      cells.appliesTo = [...(a.areaKinds ?? []).map((k) => wordFor('areaKinds', k)), ...(a.communeKinds ?? []).map((k) => wordFor('communeKinds', k))].join(
        ', ',
      );
  }
  if ('note' in item && item.note !== undefined) cells.note = item.note;
  return cells;
}

/** A row "lời văn riêng": the wording of its criterion for the kinds of unit in "Chỉ áp dụng cho". */
export function variantFromRow(r: RowReader): Json {
  const variant = clean({ when: kindsCondition(r), lead: r.optText('lead'), text: r.text('text') });
  for (const key of ['code', 'measure', 'of', 'min', 'max', 'maxPoints', 'passPoints', 'level', 'program', 'set', 'year', 'shareOf', 'wording', 'note'])
    if (r.text(key)) r.problem(key, `dòng ${VARIANT_WORD} chỉ có Nội dung, Lời dẫn và Chỉ áp dụng cho`);
  const extra = r.json('extra');
  return extra ? deepMerge(variant, extra) : variant;
}

type Variant = NonNullable<Criterion['variants']>[number];

export function variantCells(v: Variant, sectionCode: string, parent: string): Record<string, string | number> {
  const onlyKinds = Object.keys(v.when).every((k) => k === 'areaKinds' || k === 'communeKinds');
  const appliesTo = onlyKinds
    ? [...(v.when.areaKinds ?? []).map((k) => wordFor('areaKinds', k)), ...(v.when.communeKinds ?? []).map((k) => wordFor('communeKinds', k))].join(', ')
    : '';
  return { section: sectionCode, parent, kind: VARIANT_WORD, text: v.text, lead: v.lead ?? '', appliesTo };
}

export const VARIANT_FIELD_COLUMN: Record<string, string> = { when: 'appliesTo', text: 'text', lead: 'lead' };

/* ───────────── Level rows ───────────── */

export const LEVEL_FIELD_COLUMN: Record<string, string> = {
  code: 'code',
  name: 'name',
  rank: 'rank',
  rule: 'code',
  'rule.minSectionPassPercent': 'minSectionPassPercent',
  'rule.sectionPassPercent': 'sectionPassPercent',
  'rule.minTotalPoints': 'minTotalPoints',
  'rule.minTotalPoints.value': 'minTotalPoints',
  'rule.minTotalPoints.as': 'minTotalPointsAs',
  'rule.minSectionPoints': 'minSectionPoints',
  'rule.minSectionPoints.value': 'minSectionPoints',
  'rule.minSectionPoints.as': 'minSectionPointsAs',
  'rule.requiredCriteria': 'requiredCriteria',
  'rule.knockoutCriteria': 'knockoutCriteria',
  'rule.disqualifiers': 'disqualifiers',
  'rule.requiresHistory': 'requiresHistory',
  'rule.requiresHistory.level': 'requiresHistory',
  'rule.requiresHistory.consecutiveYears': 'consecutiveYears',
  'rule.overrides': 'overrides',
  reward: 'rewardCoefficient',
  'reward.coefficient': 'rewardCoefficient',
  'reward.basis': 'rewardBasis',
};

function pointsBar(r: RowReader, key: string): Json | undefined {
  const value = r.number(key);
  const as = r.choice(`${key}As`, 'as');
  if (value === undefined && as === undefined) return undefined;
  return clean({ value, as });
}

export function levelFromRow(r: RowReader): Json {
  const sectionPassPercent: Record<string, number> = {};
  const sp = r.text('sectionPassPercent');
  if (sp) {
    for (const entry of sp
      .split(';')
      .map((e) => e.trim())
      .filter(Boolean)) {
      const m = /^([^:]+):\s*(.+)$/.exec(entry);
      const n = m ? parseLocaleNumber(m[2]!) : null;
      if (!m || n === null) r.problem('sectionPassPercent', `"${entry}" cần dạng "mã tiêu chuẩn: tỷ lệ %", vd. 1: 100`);
      else sectionPassPercent[m[1]!.trim()] = n;
    }
  }
  const dq = r.text('disqualifiers');
  const disqualifiers = !dq ? undefined : fold(dq) === 'tat ca' || fold(dq) === 'all' ? 'all' : fold(dq) === 'khong' ? [] : splitList(dq);
  const history = r.list('requiresHistory');
  const years = r.number('consecutiveYears');
  const rule = clean({
    minSectionPassPercent: r.number('minSectionPassPercent'),
    sectionPassPercent: sp ? sectionPassPercent : undefined,
    minTotalPoints: pointsBar(r, 'minTotalPoints'),
    minSectionPoints: pointsBar(r, 'minSectionPoints'),
    requiredCriteria: r.list('requiredCriteria'),
    knockoutCriteria: r.list('knockoutCriteria'),
    disqualifiers,
    overrides: r.jsonArray('overrides'),
    requiresHistory: history ? clean({ level: history.length === 1 ? history[0] : history, consecutiveYears: years }) : undefined,
  });
  if (!history && years !== undefined) r.problem('consecutiveYears', 'chỉ ghi số năm khi có danh hiệu phải giữ năm trước');
  const coefficient = r.number('rewardCoefficient');
  const basis = r.optText('rewardBasis');
  const level = clean({
    code: r.code('code'),
    name: r.text('name'),
    rank: r.number('rank'),
    rule,
    reward: coefficient !== undefined || basis ? clean({ coefficient, basis }) : undefined,
  });
  const extra = r.json('extra');
  return extra ? deepMerge(level, extra) : level;
}

export function levelCells(level: Level): Record<string, string | number> {
  const rule = level.rule;
  const cells: Record<string, string | number> = { code: level.code, name: level.name, rank: level.rank };
  if (rule.minSectionPassPercent !== undefined) cells.minSectionPassPercent = rule.minSectionPassPercent;
  if (rule.sectionPassPercent)
    cells.sectionPassPercent = Object.entries(rule.sectionPassPercent)
      .map(([c, p]) => `${c}: ${numberText(p)}`)
      .join('; ');
  for (const key of ['minTotalPoints', 'minSectionPoints'] as const) {
    const bar = rule[key];
    if (bar) {
      cells[key] = bar.value;
      cells[`${key}As`] = wordFor('as', bar.as);
    }
  }
  if (rule.requiredCriteria) cells.requiredCriteria = listText(rule.requiredCriteria);
  if (rule.knockoutCriteria) cells.knockoutCriteria = listText(rule.knockoutCriteria);
  if (rule.disqualifiers !== undefined)
    cells.disqualifiers = rule.disqualifiers === 'all' ? 'tất cả' : rule.disqualifiers.length ? listText(rule.disqualifiers) : 'không';
  if (rule.overrides) cells.overrides = JSON.stringify(rule.overrides);
  if (rule.requiresHistory) {
    cells.requiresHistory = listText([rule.requiresHistory.level].flat());
    cells.consecutiveYears = rule.requiresHistory.consecutiveYears;
  }
  if (level.reward) {
    cells.rewardCoefficient = level.reward.coefficient;
    cells.rewardBasis = level.reward.basis;
  }
  return cells;
}
