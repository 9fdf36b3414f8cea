/**
 * The `kdc evaluate` input contract, shared with the server's batch endpoint:
 * a JSON array of { area, kind, values, communeKind?, … }. Returns either
 * every item ready to evaluate or one Vietnamese message naming the area and
 * the criterion at fault.
 */
import { z } from 'zod';
import { AREA_KINDS, COMMUNE_KINDS, type CriteriaSet } from '../criteria/schema';
import { checkScorecard } from './scorecard';
import type { EvaluationContext } from './types';

const itemSchema = z.looseObject({
  area: z.string({ error: 'thiếu tên khu dân cư ("area")' }).refine((s) => s.trim().length > 0, 'thiếu tên khu dân cư ("area")'),
  kind: z.enum(AREA_KINDS, { error: 'loại khu dân cư ("kind") phải là "thon", "to-dan-pho" hoặc "ban"' }),
  communeKind: z.enum(COMMUNE_KINDS, { error: 'loại đơn vị cấp xã ("communeKind") phải là "xa", "phuong", "thi-tran" hoặc "dac-khu"' }).optional(),
  mountainous: z.boolean().optional(),
  especiallyDifficult: z.boolean().optional(),
  year: z.number().int().optional(),
  history: z.array(z.object({ year: z.number().int(), title: z.string() })).optional(),
  values: z.record(z.string(), z.unknown(), { error: 'thiếu bảng giá trị tiêu chí ("values")' }),
});

export type BatchParse = { ok: true; items: EvaluationContext[] } | { ok: false; message: string };

export function parseBatch(set: CriteriaSet, data: unknown): BatchParse {
  if (!Array.isArray(data)) return { ok: false, message: 'Dữ liệu đầu vào phải là một mảng JSON các khu dân cư' };
  const items: EvaluationContext[] = [];
  for (const [index, raw] of data.entries()) {
    const label = typeof raw === 'object' && raw && typeof (raw as { area?: unknown }).area === 'string'
      ? `Khu dân cư «${(raw as { area: string }).area.normalize('NFC')}»`
      : `Mục thứ ${index + 1}`;
    const parsed = itemSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, message: `${label}: ${issue.message}` };
    }
    const item = parsed.data;
    const problems = checkScorecard(set, item.values);
    if (problems.length) {
      const more = problems.length > 1 ? ` (và ${problems.length - 1} lỗi khác)` : '';
      return { ok: false, message: `${label}: ${problems[0]!.message}${more}` };
    }
    items.push({
      profile: {
        area: item.area.normalize('NFC'),
        kind: item.kind,
        communeKind: item.communeKind,
        mountainous: item.mountainous,
        especiallyDifficult: item.especiallyDifficult,
      },
      values: item.values as EvaluationContext['values'],
      year: item.year,
      history: item.history?.map((h) => ({ year: h.year, level: h.title })),
    });
  }
  return { ok: true, items };
}
