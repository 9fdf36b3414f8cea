/**
 * The `kdc evaluate` input contract, shared with the server's batch endpoint:
 * a JSON array of { area, kind, values, communeKind?, … }. Returns either
 * every item ready to evaluate or one Vietnamese message naming the area and
 * the criterion at fault.
 *
 * Criteria judged from records take their facts from the item instead of a
 * typed value: `holds` (titles held, for criteria of kind "title"), `children`
 * (the units under a commune and their titles, for "title-share") and
 * `figures` (for quantities computed from figures). When an item gives one of
 * these, a value typed for a criterion it decides is an error naming the criterion.
 */
import { z } from 'zod';
import type { CriteriaSet } from '../criteria/schema';
import { isOneOf } from '../one-of';
import { AREA_KINDS, COMMUNE_KINDS, STREET_KINDS } from '../units/kinds';
import { flattenCriteria } from '../criteria/walk';
import { checkScorecard, recordJudgedCodes } from './scorecard';
import type { EvaluationContext } from './types';

const kinds = [...AREA_KINDS, ...COMMUNE_KINDS, ...STREET_KINDS] as const;
const attributes = z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'mã thuộc tính chỉ gồm chữ thường không dấu, số và gạch ngang'));
const held = z.object({
  program: z.string().min(1, 'thiếu mã phong trào ("program")'),
  set: z.string().optional(),
  level: z.string().min(1, 'thiếu mã danh hiệu ("level")'),
  year: z.number({ error: 'năm ("year") phải là một số' }).int(),
  source: z.string().optional(),
});

const itemSchema = z.looseObject({
  area: z.string({ error: 'thiếu tên khu dân cư ("area")' }).refine((s) => s.trim().length > 0, 'thiếu tên khu dân cư ("area")'),
  kind: z.enum(kinds, {
    error: 'loại đơn vị ("kind") phải là "thon", "to-dan-pho", "ban" (khu dân cư), "xa", "phuong", "thi-tran", "dac-khu" (cấp xã) hoặc "tuyen-pho"',
  }),
  communeKind: z.enum(COMMUNE_KINDS, { error: 'loại đơn vị cấp xã ("communeKind") phải là "xa", "phuong", "thi-tran" hoặc "dac-khu"' }).optional(),
  mountainous: z.boolean().optional(),
  especiallyDifficult: z.boolean().optional(),
  /** The subject's own attributes, and those of the units above it. */
  attributes: attributes.optional(),
  above: z.array(z.object({ name: z.string().optional(), kind: z.string().optional(), attributes })).optional(),
  year: z.number().int().optional(),
  history: z.array(z.object({ year: z.number().int(), title: z.string() })).optional(),
  holds: z.array(held).optional(),
  children: z
    .array(z.object({ name: z.string().min(1, 'thiếu tên đơn vị trực thuộc ("name")'), kind: z.enum(kinds), holds: z.array(held).default([]) }))
    .optional(),
  figures: z.record(z.string(), z.number().finite().nonnegative('số liệu không được âm')).optional(),
  values: z.record(z.string(), z.unknown(), { error: 'thiếu bảng giá trị tiêu chí ("values")' }),
});

export type BatchParse = { ok: true; items: EvaluationContext[] } | { ok: false; message: string };

export function parseBatch(set: CriteriaSet, data: unknown): BatchParse {
  if (!Array.isArray(data)) return { ok: false, message: 'Dữ liệu đầu vào phải là một mảng JSON các khu dân cư' };
  const items: EvaluationContext[] = [];
  for (const [index, raw] of data.entries()) {
    const label =
      typeof raw === 'object' && raw && typeof (raw as { area?: unknown }).area === 'string'
        ? `Khu dân cư «${(raw as { area: string }).area.normalize('NFC')}»`
        : `Mục thứ ${index + 1}`;
    const parsed = itemSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 1 ? ` (${issue.path.join('.')})` : '';
      return { ok: false, message: `${label}: ${issue.message}${where}` };
    }
    const item = parsed.data;
    const recordJudged = recordJudgedCodes(set, (_criterion, from) =>
      from === 'title' ? item.holds !== undefined : from === 'share' ? item.children !== undefined : item.figures !== undefined,
    );
    const ownAttributes = [...(item.attributes ?? []), ...(item.above ?? []).flatMap((u) => u.attributes)];
    const profile = {
      area: item.area.normalize('NFC'),
      kind: item.kind,
      communeKind: item.communeKind ?? (isOneOf(COMMUNE_KINDS, item.kind) ? item.kind : undefined),
      mountainous: item.mountainous,
      especiallyDifficult: item.especiallyDifficult,
      attributes: [...new Set(ownAttributes)],
    };
    if (item.year === undefined) {
      const needsYear = flattenCriteria(set).find(({ criterion: c }) => recordJudged.has(c.code) && c.kind !== 'quantity');
      if (needsYear) return { ok: false, message: `${label}: cần "year" (năm đánh giá) để xét tiêu chí ${needsYear.criterion.code} từ danh hiệu đã đạt` };
    }
    const problems = checkScorecard(set, item.values, { recordJudged });
    if (problems.length) {
      const more = problems.length > 1 ? ` (và ${problems.length - 1} lỗi khác)` : '';
      return { ok: false, message: `${label}: ${problems[0]!.message}${more}` };
    }
    items.push({
      profile,
      values: item.values as EvaluationContext['values'],
      year: item.year,
      history: item.history?.map((h) => ({ year: h.year, level: h.title })),
      holds: item.holds,
      children: item.children,
      figures: item.figures,
    });
  }
  return { ok: true, items };
}
